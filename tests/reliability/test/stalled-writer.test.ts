// A stalled process (SIGSTOP: a closed laptop, a paused container) keeps its locks: the lockfile's lock
// and its upload claims are never taken from a live process. Another process syncing meanwhile waits for
// them; once the stalled one resumes (SIGCONT), both finish, no entry is lost and nothing is uploaded twice.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseLockfile } from "@rbxassets/core/node";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CLI_BIN, childEnv, runCli } from "./helpers/cli.js";
import { duplicateUploads, env, startTestEmulator } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { record } from "./helpers/results.js";

const WRITER = fileURLToPath(new URL("./helpers/lockfile-writer.mjs", import.meta.url));
/** Longer than the 3 s after which the old lock was taken over as stale. */
const STALL_MS = 4_000;
const FILES = 24;

let emulator: RunningEmulator;
let root: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ operations: { pendingPolls: 3 }, rateLimits: { timeScale: 60 } });
  root = await mkdtemp(join(tmpdir(), "rbxassets-rel-stall-"));
  await mkdir(join(root, "images"));
  await Promise.all(
    Array.from({ length: FILES }, (_, i) => writeFile(join(root, `images/s-${i}.png`), png(70_000 + i))),
  );
});
afterAll(async () => {
  await emulator?.close();
  await rm(root, { recursive: true, force: true });
});

const lockPath = () => join(root, "rbxassets.lock.json");
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function lines(child: ChildProcess): { text: string } {
  const out = { text: "" };
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    out.text += chunk;
  });
  child.stderr?.resume();
  return out;
}

it("a writer stopped while holding the lockfile's lock keeps it: the other process waits, and no entry is lost", async () => {
  const writer = spawn(process.execPath, [WRITER, lockPath(), "writer"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = lines(writer);
  try {
    // Stop it while it holds the lock (it holds it most of the time: it writes in a loop).
    let held = false;
    for (let attempt = 0; attempt < 200 && !held; attempt++) {
      await sleep(5 + (attempt % 7));
      writer.kill("SIGSTOP");
      held = /recorded 3\n/.test(output.text) && (await exists(`${lockPath()}.lock`));
      if (!held) writer.kill("SIGCONT");
    }
    expect(held).toBe(true);
    const sync = runCli(["sync", "images"], { cwd: root, env: env(emulator), timeoutMs: 60_000 });
    await sleep(STALL_MS);
    writer.kill("SIGCONT");
    const [result] = await Promise.all([sync, once(writer, "close")]);
    const recorded = new Set([...output.text.matchAll(/recorded (\d+)/g)].map((m) => `writer/${m[1]}.png`));
    const lock = parseLockfile(await readFile(lockPath(), "utf8")).assets;
    const lost = [...recorded].filter((file) => !lock.has(file));
    const synced = [...lock.keys()].filter((file) => file.startsWith("images/")).length;
    const duplicates = duplicateUploads(emulator.stats()).total;
    const problems: string[] = [];
    if (result.code !== 0) problems.push(`the sync exited ${result.code}`);
    if (lost.length > 0) problems.push(`${lost.length} of the stopped writer's entries lost`);
    if (synced !== FILES) problems.push(`${synced} of ${FILES} synced entries in the lockfile`);
    if (duplicates !== 0) problems.push(`${duplicates} duplicates`);
    record(import.meta.filename, {
      area: "crash: stalled process",
      case: `a process writing the lockfile in a loop is SIGSTOPped holding its lock for ${STALL_MS / 1000} s while \`rbxassets sync\` uploads ${FILES} files`,
      runs: 1,
      outcome: problems.length === 0 ? "holds" : `FAILS: ${problems.join("; ")}`,
      detail: `the sync waited for the lock (never taken from a live process); ${recorded.size} entries of the stalled writer and ${synced} of the sync all in the lockfile; ${duplicates} duplicates`,
      duplicates,
      allowed: 0,
    });
    expect(problems).toEqual([]);
  } finally {
    writer.kill("SIGCONT");
    writer.kill("SIGKILL");
  }
});

it("a sync stopped while it holds upload claims keeps them: another sync of the same files uploads none of them twice", async () => {
  await rm(lockPath(), { force: true });
  await Promise.all(
    Array.from({ length: FILES }, (_, i) => writeFile(join(root, `images/s-${i}.png`), png(80_000 + i))),
  );
  emulator.resetStats();
  const first = spawn(process.execPath, [CLI_BIN, "sync", "images"], {
    cwd: root,
    env: childEnv(env(emulator)),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  first.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  try {
    // Stopped once its first upload is done: the next ones are claimed and in flight.
    while (!/^uploaded /m.test(stderr)) await sleep(5);
    first.kill("SIGSTOP");
    const second = runCli(["sync", "images"], { cwd: root, env: env(emulator), timeoutMs: 60_000 });
    await sleep(STALL_MS);
    first.kill("SIGCONT");
    const [firstCode] = (await once(first, "close")) as [number | null];
    const result = await second;
    const lock = parseLockfile(await readFile(lockPath(), "utf8")).assets;
    const duplicates = duplicateUploads(emulator.stats()).total;
    const problems: string[] = [];
    if (firstCode !== 0 || result.code !== 0) problems.push(`exits ${firstCode} and ${result.code}`);
    if (lock.size !== FILES) problems.push(`${lock.size} of ${FILES} in the lockfile`);
    if (duplicates !== 0) problems.push(`${duplicates} files uploaded twice`);
    record(import.meta.filename, {
      area: "crash: stalled process",
      case: `\`rbxassets sync\` SIGSTOPped for ${STALL_MS / 1000} s with upload claims held while a second sync of the same ${FILES} files runs`,
      runs: 2,
      outcome: problems.length === 0 ? "holds" : `FAILS: ${problems.join("; ")}`,
      detail: `the second sync waited for the claims of the stopped one; ${emulator.stats().creates} creates for ${FILES} files; ${duplicates} duplicates`,
      duplicates,
      allowed: 0,
    });
    expect(problems).toEqual([]);
  } finally {
    first.kill("SIGCONT");
    first.kill("SIGKILL");
  }
});
