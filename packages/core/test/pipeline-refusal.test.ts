// Account-level refusals stop a sync at once: a wrong key (401), a key without write access for the
// creator (403), and (once the emulator can) a moderated account. Each is reported once; the files never
// sent are listed as not attempted; the lockfile keeps what earlier runs recorded.
import { type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAssetsClient } from "../src/index.js";
import {
  AccountRefusedError,
  accountRefusalOf,
  createPipeline,
  type PipelineEvent,
  type PipelineOptions,
} from "../src/node/index.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { readLock, tempProject } from "./pipeline-project.js";

const CONCURRENCY = 4;
const FILES = 40;
const READ_ONLY_KEY = "read-only-key";

let emulator: RunningEmulator;
let project: { root: string; dispose(): Promise<void> };

beforeAll(async () => {
  emulator = await startEmulator({
    apiKeys: ["good-key", { key: READ_ONLY_KEY, readOnly: true }],
    operations: { pendingPolls: 0 },
    rateLimits: false,
  });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  project = await tempProject();
});
afterEach(async () => {
  await project.dispose();
});

function pipeline(apiKey: string, options: PipelineOptions = {}) {
  const events: PipelineEvent[] = [];
  const p = createPipeline({
    root: project.root,
    env: { RBXASSETS_API_KEY: apiKey, RBXASSETS_API_URL: emulator.url, RBXASSETS_CREATOR: "user:42" },
    concurrency: CONCURRENCY,
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { p, events };
}

/** Two files synced with the good key, then FILES new ones that the refused run meets. */
async function projectWithHistory() {
  await writeFiles(project.root, { "old/a.png": fixture("png", 1), "old/b.png": fixture("png", 2) });
  const first = await pipeline("good-key").p.sync(["."]);
  expect(first.uploaded).toHaveLength(2);
  const before = await readLock(project.root);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < FILES; i++) files[`new/${String(i).padStart(2, "0")}.png`] = fixture("png", 100 + i);
  await writeFiles(project.root, files);
  emulator.resetStats();
  return before;
}

function writes(): number {
  const { requests } = emulator.stats();
  return (requests.Assets_CreateAsset ?? 0) + (requests.Assets_UpdateAsset ?? 0);
}

describe("an account-level refusal stops the sync", () => {
  for (const [name, key, reason, status] of [
    ["a wrong key (401)", "wrong-key", "invalid-key", 401],
    ["a key that may not write for the creator (403)", READ_ONLY_KEY, "creator-not-allowed", 403],
  ] as const) {
    it(`${name}: at most the concurrency in writes, one refusal, the rest not attempted`, async () => {
      const before = await projectWithHistory();
      const { p, events } = pipeline(key);
      const report = await p.sync(["."]);

      expect(writes()).toBeLessThanOrEqual(CONCURRENCY);
      expect(writes()).toBeGreaterThan(0);
      expect(report.refusal).toMatchObject({ reason, status, creator: "user:42" });
      expect(report.refusal?.files.length).toBe(writes());
      expect(report.refusal?.message).toMatch(/^new\/\d\d\.png: .+ — .+$/);
      expect(report.refusal?.message).not.toContain(key);
      expect(report.failed).toEqual([]);
      expect(report.notAttempted).toHaveLength(FILES - writes());
      expect(report.unchanged.map((a) => a.file)).toEqual(["old/a.png", "old/b.png"]);
      expect(events.filter((e) => e.type === "refused")).toHaveLength(1);
      expect(events.filter((e) => e.type === "failed")).toEqual([]);
      // Nothing recorded before is lost.
      expect(await readLock(project.root)).toEqual(before);
    });
  }

  it("a wrong key is told by its 401 whatever the HTTP layer: the browser client on global fetch", async () => {
    await projectWithHistory();
    const client = createAssetsClient({ apiKey: "wrong-key", baseUrl: emulator.url, env: {} });
    const { p } = pipeline("wrong-key", { client });
    const report = await p.sync(["."]);
    expect(report.refusal).toMatchObject({ reason: "invalid-key", status: 401 });
    expect(writes()).toBeLessThanOrEqual(CONCURRENCY);
    expect(report.notAttempted).toHaveLength(FILES - writes());
  });

  it("a later resolve on the same pipeline sends nothing and names the refusal", async () => {
    await projectWithHistory();
    const { p } = pipeline("wrong-key", { concurrency: 1 });
    const first = await p.resolve("new/00.png").catch((error: unknown) => error);
    expect(first).toBeInstanceOf(AccountRefusedError);
    expect(accountRefusalOf(first)).toMatchObject({ reason: "invalid-key", attempted: true });
    const second = await p.resolve("new/01.png").catch((error: unknown) => error);
    expect(accountRefusalOf(second)).toMatchObject({ reason: "invalid-key", attempted: false });
    expect(writes()).toBe(1);
    // Lockfile hits need no request and still answer.
    await expect(p.resolve("old/a.png")).resolves.toMatchObject({ status: "unchanged" });
    // A later sync on the same pipeline sends nothing and still reports the refusal once.
    const report = await p.sync(["new"]);
    expect(writes()).toBe(1);
    expect(report.refusal).toMatchObject({ reason: "invalid-key", files: [] });
    expect(report.notAttempted).toHaveLength(FILES);
  });
});
