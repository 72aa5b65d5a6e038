// Account-level refusals stop a sync at once: a wrong key (401), a key of another creator (403), a key
// without write access (403) and a moderated account (`User is moderated`). Each is reported once; the
// files never sent are listed as not attempted; the lockfile keeps what earlier runs recorded.
import { type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAssetsClient } from "../src/index.js";
import {
  AccountRefusedError,
  accountRefusalOf,
  createNodeAssetsClient,
  createPipeline,
  nodeFetch,
  type PipelineEvent,
  type PipelineOptions,
} from "../src/node/index.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { readLock, tempProject } from "./pipeline-project.js";

const CONCURRENCY = 4;
const FILES = 40;
const CREATOR = "user:42";
const READ_ONLY_KEY = "read-only-key";
const GROUP_KEY = "group-key";

let emulator: RunningEmulator;
/** The same account, moderated: every write is refused. */
let moderated: RunningEmulator;
let project: { root: string; dispose(): Promise<void> };

beforeAll(async () => {
  const options = {
    creator: CREATOR,
    apiKeys: ["good-key", { key: READ_ONLY_KEY, readOnly: true }, { key: GROUP_KEY, creator: "group:7" }],
    operations: { pendingPolls: 0, pendingMs: 0 },
    rateLimits: false as const,
  };
  emulator = await startEmulator(options);
  moderated = await startEmulator({ ...options, accountModerated: true });
});
afterAll(async () => {
  await Promise.all([emulator.close(), moderated.close()]);
});
beforeEach(async () => {
  project = await tempProject();
});
afterEach(async () => {
  await project.dispose();
});

function pipeline(apiKey: string, options: PipelineOptions = {}, server = emulator) {
  const events: PipelineEvent[] = [];
  const p = createPipeline({
    root: project.root,
    env: { RBXASSETS_API_KEY: apiKey, RBXASSETS_API_URL: server.url, RBXASSETS_CREATOR: CREATOR },
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
  moderated.resetStats();
  return before;
}

function writes(server = emulator): number {
  const { requests } = server.stats();
  return (requests.Assets_CreateAsset ?? 0) + (requests.Assets_UpdateAsset ?? 0);
}

describe("an account-level refusal stops the sync", () => {
  for (const [name, key, reason, server] of [
    ["a wrong key (401)", "wrong-key", "invalid-key", () => emulator],
    ["a key of another creator (403)", GROUP_KEY, "creator-not-allowed", () => emulator],
    ["a key without write access (403)", READ_ONLY_KEY, "creator-not-allowed", () => emulator],
    ["a moderated account (User is moderated)", "good-key", "user-moderated", () => moderated],
  ] as const) {
    it(`${name}: at most the concurrency in writes, one refusal, the rest not attempted`, async () => {
      const before = await projectWithHistory();
      const { p, events } = pipeline(key, {}, server());
      const report = await p.sync(["."]);
      const sent = writes(server());

      expect(sent).toBeLessThanOrEqual(CONCURRENCY);
      expect(sent).toBeGreaterThan(0);
      expect(report.refusal).toMatchObject({
        reason,
        status: reason === "invalid-key" ? 401 : 403,
        creator: CREATOR,
      });
      expect(report.refusal?.files.length).toBe(sent);
      expect(report.refusal?.message).toMatch(/^new\/\d\d\.png: .+ — .+$/);
      expect(report.refusal?.message).not.toContain(key);
      // Named by a file it refused, not by one never sent (those settle first, while the refused one returns).
      const named = report.refusal?.message.split(":")[0];
      expect(report.refusal?.files).toContain(named);
      expect(report.refusal?.message).not.toContain("not attempted");
      expect(events.find((e) => e.type === "refused")).toMatchObject({ file: named });
      expect(report.failed).toEqual([]);
      expect(report.notAttempted).toHaveLength(FILES - sent);
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
    expect(report.refusal?.message).toMatch(/^new\/\d\d\.png: not attempted: /);
    expect(report.notAttempted).toHaveLength(FILES);
  });

  it("an API that cannot be reached stops the batch once, naming the URL, with no rate-limit wait", async () => {
    await projectWithHistory();
    // A port that refuses connections: an emulator started and closed.
    const dead = await startEmulator({ rateLimits: false });
    const url = dead.url;
    await dead.close();
    const waits: string[] = [];
    const client = createNodeAssetsClient({
      apiKey: "good-key",
      baseUrl: url,
      env: {},
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      onEvent: (event) => {
        if (event.type === "rateLimited") waits.push(event.operationId);
      },
    });
    const { p, events } = pipeline("good-key", { client, concurrency: undefined });
    const report = await p.sync(["."]);
    expect(report.refusal).toMatchObject({ reason: "unreachable", url, serviceMessage: "ECONNREFUSED" });
    expect(report.refusal?.message).toContain(url);
    // The first write goes alone: one file tried, the rest never sent, and no file failed one by one.
    expect(report.refusal?.files).toHaveLength(1);
    expect(report.notAttempted).toHaveLength(FILES - 1);
    expect(report.failed).toEqual([]);
    expect(events.filter((e) => e.type === "refused")).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("the first write goes alone: a wrong key costs one request, even at the default concurrency", async () => {
    await projectWithHistory();
    const { p } = pipeline("wrong-key", { concurrency: undefined });
    const report = await p.sync(["."]);
    expect(writes()).toBe(1);
    expect(report.refusal).toMatchObject({ reason: "invalid-key", files: [expect.any(String)] });
    expect(report.notAttempted).toHaveLength(FILES - 1);
  });
});

describe("an account-level refusal at the quota read", () => {
  it("a wrong key refused when reading the audio quota stops the sync there: said once, nothing uploaded", async () => {
    await writeFiles(project.root, { "sfx/a.mp3": fixture("mp3", 1), "img/a.png": fixture("png", 1) });
    emulator.resetStats();
    const { p, events } = pipeline("wrong-key");
    const error = await p.sync(["."]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountRefusedError);
    expect(accountRefusalOf(error)).toMatchObject({ reason: "invalid-key", status: 401, creator: CREATOR });
    expect((error as Error).message).not.toContain("wrong-key");
    expect(emulator.stats().requests.Cloud_ListAssetQuotas).toBe(1);
    expect(writes()).toBe(0);
    // Not also said as a quota that could not be read.
    expect(events.filter((e) => e.type === "quota")).toEqual([]);
  });

  it("without credentials no quota is read: each new file fails naming itself and the missing key", async () => {
    await writeFiles(project.root, { "sfx/a.mp3": fixture("mp3", 2) });
    emulator.resetStats();
    const p = createPipeline({
      root: project.root,
      env: { RBXASSETS_API_URL: emulator.url, RBXASSETS_CREATOR: CREATOR },
    });
    const report = await p.sync(["."]);
    expect(report.failed).toMatchObject([{ file: "sfx/a.mp3", rule: "credentials" }]);
    expect(emulator.stats().requests.Cloud_ListAssetQuotas ?? 0).toBe(0);
  });
});

describe("the account gate", () => {
  /** The real Node transport, counting the writes in flight at once. */
  function countingClient(apiKey: string, retry?: { maxAttempts: number }) {
    const seen = { inFlight: 0, most: 0 };
    const client = createNodeAssetsClient({
      apiKey,
      baseUrl: emulator.url,
      env: {},
      ...(retry ? { retry } : {}),
      fetch: async (request) => {
        if (request.method === "GET") return nodeFetch(request);
        seen.most = Math.max(seen.most, ++seen.inFlight);
        try {
          return await nodeFetch(request);
        } finally {
          seen.inFlight--;
        }
      },
    });
    return { client, seen };
  }

  it("opens once a write is answered: the rest go in parallel", async () => {
    await projectWithHistory();
    const { client, seen } = countingClient("good-key");
    const { p } = pipeline("good-key", { client });
    const report = await p.sync(["new"]);
    expect(report.uploaded).toHaveLength(FILES);
    expect(seen.most).toBeGreaterThan(1);
    expect(seen.most).toBeLessThanOrEqual(CONCURRENCY);
  });

  it("a first write failed for its own reason latches nothing: the rest go, in parallel", async () => {
    await projectWithHistory();
    const { client, seen } = countingClient("good-key", { maxAttempts: 1 });
    const { p } = pipeline("good-key", { client });
    // The service fails (500, not retried here): not the account's fault, so the other writes still go,
    // together rather than one probe after another.
    emulator.setFaults({ only: ["Assets_CreateAsset"], serverErrorRate: 1 });
    const failed = await p.sync(["new"]);
    expect(failed.refusal).toBeUndefined();
    expect(failed.failed).toHaveLength(FILES);
    expect(writes()).toBe(FILES);
    expect(seen.most).toBeGreaterThan(1);
    emulator.setFaults(undefined);
    const report = await p.sync(["new"]);
    expect(report.refusal).toBeUndefined();
    expect(report.uploaded).toHaveLength(FILES);
  });
});
