// The journal of uploads in flight, the graceful stop and the bytes sent, against the emulator with
// operations that take several polls (so that a stop or an abort lands while operations are polled).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashBytes } from "../src/node/hash.js";
import { createNodeAssetsClient, createPipeline, type PipelineEvent } from "../src/node/index.js";
import { journalDir } from "../src/node/journal/location.js";
import { tryLock } from "../src/node/process-lock.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { readLock, tempProject } from "./pipeline-project.js";
import { encode, iconPixels } from "./process-fixtures.js";

const CREATOR = "user:42";
let emulator: RunningEmulator;
let project: { root: string; dispose(): Promise<void> };

beforeAll(async () => {
  // Every operation stays pending for 3 polls: uploads spend most of their time being polled.
  emulator = await startTestEmulator({
    creator: CREATOR,
    operations: { pendingPolls: 3 },
    rateLimits: false,
  });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  project = await tempProject("rbxassets-journal-");
  emulator.resetStats();
});
afterEach(async () => {
  await project.dispose();
});

const env = () => ({
  RBXASSETS_API_KEY: emulator.apiKey,
  RBXASSETS_API_URL: emulator.url,
  RBXASSETS_CREATOR: CREATOR,
});

function pipeline(onEvent?: (event: PipelineEvent) => void) {
  const events: PipelineEvent[] = [];
  const p = createPipeline({
    root: project.root,
    env: env(),
    concurrency: 4,
    onEvent: (event) => {
      events.push(event);
      onEvent?.(event);
    },
  });
  return { p, events };
}

const files = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`images/f${i}.png`, fixture("png", i + 1)]));

/** A pid that is certainly gone: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await once(child, "exit");
  return child.pid!;
}

/** This run's journal files, renamed as if this process had died (the next run resumes dead ones). */
async function orphanJournals(): Promise<number> {
  const dir = journalDir(join(project.root, "rbxassets.lock.json"));
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith(".jsonl"));
  const pid = await deadPid();
  for (const name of names)
    await rename(join(dir, name), join(dir, name.replace(`.${process.pid}.`, `.${pid}.`)));
  return names.length;
}

const duplicates = () => Object.values(emulator.stats().contentUploads).filter((n) => n > 1).length;

describe("journal of uploads in flight", () => {
  it("resumes a dead run's journal: polls its operation and records it without uploading again; says an intent whose answer was lost may have reached Roblox", async () => {
    const a = fixture("png", 101);
    const b = fixture("png", 102);
    await writeFiles(project.root, { "a.png": a, "b.png": b });
    // The dead run: a.png's create was answered (operation recorded), b.png's answer never came.
    const client = createNodeAssetsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, env: {} });
    const operation = await client.createAsset({
      request: {
        assetType: "Image",
        displayName: "a",
        description: "",
        creationContext: { creator: { userId: "42" } },
      },
      file: { path: join(project.root, "a.png"), contentType: "image/png" },
    });
    const dir = journalDir(join(project.root, "rbxassets.lock.json"));
    await mkdir(dir, { recursive: true });
    const intent = (file: string, bytes: Buffer) => ({
      kind: "file",
      file,
      hash: hashBytes(bytes),
      assetType: "Image",
      creator: CREATOR,
      key: `${CREATOR}\0Image\0${hashBytes(bytes)}\0`,
    });
    const lines = [
      { t: "intent", id: "1", intent: intent("a.png", a) },
      { t: "sent", id: "1", operation: operation.operationId ?? operation.path!.split("/")[1] },
      { t: "intent", id: "2", intent: intent("b.png", b) },
    ];
    const name = `rbxassets.lock.json.${hostname().replace(/[^A-Za-z0-9_-]/g, "_")}.${await deadPid()}.abcd.jsonl`;
    // A torn last line (a kill mid-append) is ignored.
    await writeFile(join(dir, name), `${lines.map((l) => JSON.stringify(l)).join("\n")}\n{"t":"end","i`);
    emulator.resetStats();

    const { p, events } = pipeline();
    const report = await p.sync(["."]);
    expect(report.failed).toEqual([]);
    // Only b.png went up again; a.png's asset came from its operation.
    expect(emulator.stats().creates).toBe(1);
    const settled = await client.waitForOperation(operation, { initialDelayMs: 1 });
    const lock = await readLock(project.root);
    expect(settled.status).toBe("succeeded");
    expect(lock.get("a.png")?.assetId).toBe(settled.status === "succeeded" ? settled.asset.assetId : "");
    expect(lock.get("b.png")?.hash).toBe(hashBytes(b));
    const warnings = events.filter((e) => e.type === "warning").map((e) => `${e.file}: ${e.message}`);
    expect(warnings.some((w) => w.startsWith("b.png:") && w.includes("may have reached Roblox"))).toBe(true);
    // Nothing left in flight: the journal folder is empty, and it keeps itself out of git.
    expect(await readdir(dir)).toEqual([]);
    expect(await readFile(join(project.root, ".rbxassets/.gitignore"), "utf8")).toBe("*\n");
  });

  it("a hard abort while operations are polled leaves them in the journal; the next run records them without uploading again", async () => {
    await writeFiles(project.root, files(8));
    const abort = new AbortController();
    const { p } = pipeline((event) => {
      if (event.type === "start" && emulator.stats().creates >= 2) abort.abort();
    });
    const first = await p.sync(["images"], { signal: abort.signal });
    expect(first.aborted).toBe(true);
    const accepted = emulator.stats().creates;
    expect(accepted).toBeGreaterThan(first.uploaded.length);
    expect(await orphanJournals()).toBe(1);

    const { p: next, events } = pipeline();
    const second = await next.sync(["images"]);
    expect(second.failed).toEqual([]);
    expect((await readLock(project.root)).size).toBe(8);
    // Only an upload whose answer the abort cut off may have gone up twice, and the next run said so.
    const said = (text: string) => events.filter((e) => e.type === "warning" && e.message.includes(text));
    const lost = said("may have reached Roblox").length;
    expect(duplicates()).toBeLessThanOrEqual(lost);
    expect(emulator.stats().creates).toBe(8 + duplicates());
    expect(said("resumed an upload").length).toBeGreaterThan(0);
  }, 60_000);
});

describe("atlases are uploads too", () => {
  it("a spritesheet sync aborted while its atlases are polled leaves them in the journal; the next run records them without uploading again", async () => {
    for (let i = 0; i < 8; i++) {
      const size = 12 + (i % 4) * 4;
      await writeFiles(project.root, { [`ui/i${i}.png`]: await encode(iconPixels(size, size, i)) });
    }
    const processing = { spritesheet: { maxSize: 32, padding: 1 } };
    const abort = new AbortController();
    const first = createPipeline({
      root: project.root,
      env: env(),
      processing,
      onEvent: (event) => {
        // Aborted once the first poll arrives: a create's answer has come and its operation id is journaled
        // (before polling starts), and that operation takes 3 polls, so it is still pending.
        if (event.type !== "start") return;
        const check = setInterval(() => {
          if ((emulator.stats().requests.Assets_GetOperation ?? 0) > 0) {
            clearInterval(check);
            abort.abort();
          }
        }, 2);
      },
    });
    const report = await first.sync(["ui"], { input: "ui", signal: abort.signal });
    expect(report.aborted).toBe(true);
    const accepted = emulator.stats().creates;
    expect(accepted).toBeGreaterThan(0);
    expect(await orphanJournals()).toBe(1);

    const events: PipelineEvent[] = [];
    const next = createPipeline({
      root: project.root,
      env: env(),
      processing,
      onEvent: (e) => events.push(e),
    });
    const second = await next.sync(["ui"], { input: "ui" });
    expect(second.failed).toEqual([]);
    expect(second.uploaded.length + second.unchanged.length).toBe(8);
    // Every atlas whose answer had come was recorded from its operation; only one whose answer the abort
    // cut off may have gone up twice, and the next run said so.
    const said = (text: string) => events.filter((e) => e.type === "warning" && e.message.includes(text));
    expect(said("resumed an upload").length).toBeGreaterThan(0);
    expect(duplicates()).toBeLessThanOrEqual(said("may have reached Roblox").length);
  }, 60_000);
});

describe("graceful stop", () => {
  it("starts nothing new, records every upload already sent, counts them down, and the next sync creates only the rest", async () => {
    await writeFiles(project.root, files(10));
    const stop = new AbortController();
    const { p, events } = pipeline((event) => {
      if (event.type === "start" && emulator.stats().creates >= 3) stop.abort();
    });
    const first = await p.sync(["images"], { stop: stop.signal });
    expect(first.aborted).toBe(true);
    const accepted = emulator.stats().creates;
    // Every upload the service accepted is recorded; the files never sent are left for later.
    expect((await readLock(project.root)).size).toBe(accepted);
    expect(first.uploaded.length).toBe(accepted);
    expect(first.pending.length).toBe(10 - accepted);
    const stopping = events.flatMap((e) => (e.type === "stopping" ? [e.finishing] : []));
    expect(stopping[0]).toBeGreaterThan(0);
    expect(stopping.at(-1)).toBe(0);

    emulator.resetStats();
    const { p: next } = pipeline();
    const second = await next.sync(["images"]);
    expect(second.uploaded.length).toBe(10 - accepted);
    expect(emulator.stats().creates).toBe(10 - accepted);
    expect(duplicates()).toBe(0);
  }, 60_000);
});

describe("the bytes sent are the bytes hashed", () => {
  it("a file edited between its hash and its upload is reported as changed, never recorded under the old hash", async () => {
    const before = fixture("png", 201);
    const after = fixture("png", 202);
    await writeFiles(project.root, { "edited.png": before, "other.png": fixture("png", 203) });
    const { p } = pipeline((event) => {
      // Saved by an editor just as its upload starts (after it was hashed).
      if (event.type === "start" && event.file === "edited.png")
        writeFileSync(join(project.root, "edited.png"), after);
    });
    const first = await p.sync(["."]);
    expect(first.failed.map((f) => f.file)).toEqual(["edited.png"]);
    expect(first.failed[0]!.reason).toContain("changed during the sync");
    expect((await readLock(project.root)).get("edited.png")).toBeUndefined();
    const hex = (bytes: Buffer) => hashBytes(bytes).slice("sha256-".length);
    expect(emulator.stats().contentUploads[hex(after)]).toBeUndefined();

    const { p: next } = pipeline();
    await next.sync(["."]);
    const entry = (await readLock(project.root)).get("edited.png");
    expect(entry?.hash).toBe(hashBytes(after));
    expect(emulator.stats().contentUploads[hex(after)]).toBe(1);
    expect(emulator.stats().contentUploads[hex(before)]).toBeUndefined();
  });
});

describe("locks are never taken from a live process", () => {
  it("a lock held by a live process stays held however old; a dead holder's is taken over", async () => {
    const path = join(project.root, "rbxassets.lock.json");
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      await mkdir(`${path}.lock`);
      const owner = { host: hostname(), pid: holder.pid, token: "theirs" };
      await writeFile(`${path}.lock/owner`, JSON.stringify(owner));
      const old = new Date(Date.now() - 3_600_000);
      await utimes(`${path}.lock`, old, old);
      expect(await tryLock(path)).toBeUndefined();
      holder.kill("SIGKILL");
      await once(holder, "exit");
      const lock = await tryLock(path);
      expect(lock).toBeDefined();
      expect(await lock!.held()).toBe(true);
      await lock!.release();
    } finally {
      holder.kill("SIGKILL");
    }
  });
});
