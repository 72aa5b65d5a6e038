// `Pipeline.grant`: the grant stage for assets resolved one by one (a build's imports), outside a sync. It
// grants what a sync would (a sprite through its atlas, an asset the lockfile does not hold never), records
// each grant, and a sync after it sends none, as a call after a sync does.
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { createPipeline, type PipelineOptions, type ResolvedAsset } from "../src/node/index.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { fixture, png, writeFiles } from "./pipeline-fixtures.js";
import { readLock, tempProject } from "./pipeline-project.js";

const USER = "user:42";
let emulator: RunningEmulator;
let project: { root: string; dispose(): Promise<void> };

beforeAll(async () => {
  emulator = await startTestEmulator({
    creator: USER,
    apiKeys: ["key", { key: "no-grant-scope", scopes: ["asset:read", "asset:write"] }],
    operations: { pendingPolls: 0 },
    rateLimits: false,
    universes: ["1001", "1002"],
  });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  project = await tempProject();
  emulator.resetStats();
});
afterEach(async () => {
  await project.dispose();
});

function pipeline(options: PipelineOptions = {}, env: Record<string, string> = {}) {
  return createPipeline({
    root: project.root,
    env: { RBXASSETS_API_KEY: "key", RBXASSETS_API_URL: emulator.url, RBXASSETS_CREATOR: USER, ...env },
    ...options,
  });
}

const grantRequests = () => emulator.stats().requests.AssetPermissions_GrantAssetPermissions ?? 0;

it("grants resolved assets once, records the grants, and neither a second call nor a sync sends any", async () => {
  await writeFiles(project.root, { "img/a.png": fixture("png", 1), "img/b.png": fixture("png", 2) });
  const p = pipeline();
  const assets = [await p.resolve("img/a.png"), await p.resolve("img/b.png")];
  // An id the lockfile does not hold (an input's `existing` asset): a sync never grants it either.
  const existing: ResolvedAsset = { ...assets[0]!, file: "img/existing.png", assetId: "424242" };
  const report = await p.grant([...assets, existing], { experiences: [1001] });
  expect(report).toMatchObject({ refusals: [], failed: [] });
  expect(report.granted.map((g) => g.file)).toEqual(["img/a.png", "img/b.png"]);
  expect(grantRequests()).toBe(1);
  const lock = await readLock(project.root);
  expect([...lock.values()].map((entry) => entry.grants)).toEqual([["1001"], ["1001"]]);

  emulator.resetStats();
  expect((await pipeline().grant(assets, { experiences: ["1001"] })).granted).toEqual([]);
  const synced = await pipeline().sync(["img"], { grant: { experiences: ["1001"] } });
  expect(synced.unchanged).toHaveLength(2);
  expect(grantRequests()).toBe(0);
});

it("after a sync granted them, sends nothing and needs no credentials", async () => {
  await writeFiles(project.root, { "img/a.png": fixture("png", 3) });
  await pipeline().sync(["img"], { grant: { experiences: ["1001"] } });
  emulator.resetStats();
  const p = pipeline({}, { RBXASSETS_API_KEY: "" });
  const asset = (await p.lookup("img/a.png"))!;
  expect(await p.grant([asset], { experiences: ["1001"] })).toEqual({
    granted: [],
    refusals: [],
    failed: [],
  });
  expect(emulator.stats().requests).toEqual({});
});

it("grants sprites through their atlas, once, as a sync of the spritesheet does", async () => {
  await writeFiles(project.root, { "ui/a.png": png(8, 8, 1), "ui/b.png": png(8, 8, 2) });
  const processing = { spritesheet: { maxSize: 64, padding: 2 } };
  await pipeline({ processing }).sync(["ui"], { input: "ui" });
  emulator.resetStats();
  const p = pipeline({ processing });
  const sprites = [(await p.lookup("ui/a.png"))!, (await p.lookup("ui/b.png"))!];
  expect(sprites.map((s) => s.atlas)).toEqual(["ui#0", "ui#0"]);
  const report = await p.grant(sprites, { experiences: ["1002"] });
  expect(report.granted).toEqual([{ file: "ui#0", assetId: sprites[0]!.assetId, experience: "1002" }]);
  expect(grantRequests()).toBe(1);

  emulator.resetStats();
  const synced = await pipeline({ processing }).sync(["ui"], { input: "ui", grant: { experiences: [1002] } });
  expect(synced.failed).toEqual([]);
  expect(grantRequests()).toBe(0);
});

it("returns the endpoint's refusal once when the key lacks the scope, recording nothing", async () => {
  await writeFiles(project.root, { "img/a.png": fixture("png", 4), "img/b.png": fixture("png", 5) });
  const p = pipeline({}, { RBXASSETS_API_KEY: "no-grant-scope" });
  const assets = [await p.resolve("img/a.png"), await p.resolve("img/b.png")];
  const report = await p.grant(assets, { experiences: ["1001", "1002"] });
  expect(report.refusals).toEqual([
    expect.objectContaining({
      rule: "grant-permission",
      status: 403,
      fix: expect.stringMatching(/asset-permissions:write/),
    }),
  ]);
  expect(report.granted).toEqual([]);
  expect(grantRequests()).toBe(1);
  const lock = await readLock(project.root);
  expect([...lock.values()].every((entry) => entry.grants === undefined)).toBe(true);
});

it("says once that a grant is due and no credentials are configured, naming what to set", async () => {
  await writeFiles(project.root, { "img/a.png": fixture("png", 6) });
  await pipeline().sync(["img"]);
  emulator.resetStats();
  const p = pipeline({}, { RBXASSETS_API_KEY: "" });
  const report = await p.grant([(await p.lookup("img/a.png"))!], { experiences: ["1001", "1002"] });
  expect(report.refusals).toEqual([
    {
      rule: "grant-credentials",
      experience: "1001",
      message: "experience 1001 is to be granted assets, and no credentials are configured",
      fix: expect.stringMatching(/RBXASSETS_API_KEY/),
    },
  ]);
  expect(emulator.stats().requests).toEqual({});
});
