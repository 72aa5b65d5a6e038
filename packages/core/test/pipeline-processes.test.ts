// Real child processes: SIGKILL at several points, and two syncs of one project at once.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncReport } from "../src/node/index.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { readLock, sum, tempProject } from "./pipeline-project.js";

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, "..");
const childScript = join(here, "pipeline-child.mjs");

let emulator: RunningEmulator;

beforeAll(async () => {
  // The child runs the built package: build it from the current sources.
  await promisify(execFile)(
    process.execPath,
    [join(packageRoot, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: packageRoot,
    },
  );
  emulator = await startTestEmulator({
    creator: "user:7",
    operations: { pendingPolls: 0 },
    rateLimits: false,
  });
}, 60_000);
afterAll(async () => {
  await emulator?.close();
});

interface Child {
  process: ChildProcess;
  lines: string[];
  /** Resolves when a stdout line satisfies `test`. */
  waitFor(test: (line: string, all: string[]) => boolean): Promise<void>;
  exit: Promise<number | null>;
}

function startChild(root: string, env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, [childScript], {
    env: {
      PATH: process.env.PATH ?? "",
      RBXASSETS_API_KEY: emulator.apiKey,
      RBXASSETS_API_URL: emulator.url,
      RBXASSETS_CREATOR: "user:7",
      PIPELINE_ROOT: root,
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  const waiters: { test: (line: string, all: string[]) => boolean; resolve: () => void }[] = [];
  let buffer = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.test(line, lines)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
      newline = buffer.indexOf("\n");
    }
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    process: child,
    lines,
    exit,
    waitFor: (test) =>
      new Promise<void>((resolve, reject) => {
        if (lines.some((line) => test(line, lines))) return resolve();
        waiters.push({ test, resolve });
        void exit.then(() =>
          reject(new Error(`child exited before the expected output; got:\n${lines.join("\n")}`)),
        );
      }),
  };
}

function reportOf(child: Child): SyncReport {
  const line = child.lines.find((l) => l.startsWith("report "));
  if (!line) throw new Error(`no report; output:\n${child.lines.join("\n")}`);
  return JSON.parse(line.slice("report ".length)) as SyncReport;
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** 30 files, 24 distinct contents (6 duplicates under other names). */
function projectFiles(offset: number): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 24; i++) files[`assets/${String(i).padStart(2, "0")}.png`] = fixture("png", offset + i);
  for (let i = 0; i < 6; i++) files[`copies/${i}.png`] = fixture("png", offset + i);
  return files;
}

async function expectLockMatchesFiles(root: string, files: Record<string, Buffer>) {
  const lock = await readLock(root);
  for (const [path, entry] of lock) expect(entry.hash).toBe(`sha256-${sha256(files[path]!)}`);
  return lock;
}

describe("crash safety (SIGKILL)", () => {
  it("leaves a valid lockfile at every kill, and the rerun uploads exactly what is missing", async () => {
    const project = await tempProject();
    try {
      const files = projectFiles(1000);
      await writeFiles(project.root, files);
      emulator.resetStats();
      const distinct = new Set(Object.values(files).map(sha256)).size;

      // Kills at known points: every request after the Nth done hangs before it is sent.
      for (const stallAfter of [1, 7, 15]) {
        const child = startChild(project.root, {
          PIPELINE_STALL_AFTER: String(stallAfter),
          PIPELINE_CONCURRENCY: "1",
        });
        await child.waitFor((line) => line === "stalled");
        child.process.kill("SIGKILL");
        await child.exit;
        const lock = await expectLockMatchesFiles(project.root, files);
        expect(lock.size).toBe(stallAfter);
        // Each content recorded was uploaded exactly once; nothing else reached the server.
        const uploads = emulator.stats().contentUploads;
        expect(Object.values(uploads).every((n) => n === 1)).toBe(true);
        expect(new Set([...lock.values()].map((e) => e.hash.slice(7)))).toEqual(
          new Set(Object.keys(uploads)),
        );
      }

      // A kill at an arbitrary moment of a busy run (8 files in flight, lockfile written continuously).
      const busy = startChild(project.root, { PIPELINE_CONCURRENCY: "8" });
      await busy.waitFor((_, all) => all.filter((l) => l.startsWith("done ")).length >= 3);
      busy.process.kill("SIGKILL");
      await busy.exit;
      const afterKill = await expectLockMatchesFiles(project.root, files);
      const recorded = new Set([...afterKill.values()].map((e) => e.hash.slice(7)));
      const uploadsBefore = emulator.stats().contentUploads;

      const rerun = startChild(project.root);
      expect(await rerun.exit).toBe(0);
      const report = reportOf(rerun);
      expect(report.failed).toEqual([]);
      const final = await expectLockMatchesFiles(project.root, files);
      expect(final.size).toBe(Object.keys(files).length);
      // Nothing recorded before the kill was uploaded again.
      const uploadsAfter = emulator.stats().contentUploads;
      for (const hash of recorded) expect(uploadsAfter[hash]).toBe(uploadsBefore[hash]);
      // The rerun uploaded only contents missing from the lockfile.
      const missing = new Set(
        Object.values(files)
          .map(sha256)
          .filter((h) => !recorded.has(h)),
      );
      const rerunUploads = Object.keys(uploadsAfter).filter((h) => uploadsAfter[h] !== uploadsBefore[h]);
      for (const hash of rerunUploads) expect(missing.has(hash)).toBe(true);
      expect(report.uploaded.length).toBe(missing.size);
      // Only uploads abandoned by the arbitrary kill (at most the 8 in flight) can have been paid twice.
      expect(emulator.stats().creates).toBeLessThanOrEqual(distinct + 8);
      expect(sum(uploadsAfter)).toBe(emulator.stats().creates);
    } finally {
      await project.dispose();
    }
  }, 60_000);

  it("after kills at known points, total creates equal the number of distinct contents", async () => {
    const project = await tempProject();
    try {
      const files = projectFiles(2000);
      await writeFiles(project.root, files);
      emulator.resetStats();
      for (const stallAfter of [4, 20]) {
        const child = startChild(project.root, {
          PIPELINE_STALL_AFTER: String(stallAfter),
          PIPELINE_CONCURRENCY: "1",
        });
        await child.waitFor((line) => line === "stalled");
        child.process.kill("SIGKILL");
        await child.exit;
        expect((await expectLockMatchesFiles(project.root, files)).size).toBe(stallAfter);
      }
      const rerun = startChild(project.root);
      expect(await rerun.exit).toBe(0);
      expect((await readLock(project.root)).size).toBe(Object.keys(files).length);
      expect(emulator.stats().creates).toBe(new Set(Object.values(files).map(sha256)).size);
    } finally {
      await project.dispose();
    }
  }, 60_000);
});

describe("two processes syncing one project", () => {
  it("end with a complete lockfile and no duplicate uploads", async () => {
    const project = await tempProject();
    try {
      const files = projectFiles(3000);
      await writeFiles(project.root, files);
      emulator.resetStats();
      const a = startChild(project.root, { PIPELINE_CONCURRENCY: "4" });
      const b = startChild(project.root, { PIPELINE_CONCURRENCY: "4" });
      expect(await a.exit).toBe(0);
      expect(await b.exit).toBe(0);
      expect(reportOf(a).failed).toEqual([]);
      expect(reportOf(b).failed).toEqual([]);
      const lock = await expectLockMatchesFiles(project.root, files);
      expect([...lock.keys()].sort()).toEqual(Object.keys(files).sort());
      const distinct = new Set(Object.values(files).map(sha256)).size;
      expect(emulator.stats().creates).toBe(distinct);
      expect(Object.values(emulator.stats().contentUploads).every((n) => n === 1)).toBe(true);
      expect(await readFile(join(project.root, "rbxassets.lock.json"), "utf8")).toMatch(/\n$/);
    } finally {
      await project.dispose();
    }
  }, 60_000);
});
