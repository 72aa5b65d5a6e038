// Grants and quotas in a sync: experiences granted after upload in batches and recorded in the lockfile,
// a warm run sends none, a new experience is granted alone, refusals reported per asset or once; the same
// grants for assets resolved outside a sync (`Pipeline.grant`, what a build calls); a sync
// whose audio would not fit the quota uploads nothing; privacy reaches the create request.
import { basename, join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createPipeline,
  GRANT_BATCH_SIZE,
  PipelineError,
  type PipelineEvent,
  type PipelineOptions,
  type ResolvedAsset,
} from "../src/node/index.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { fixture, png, writeFiles } from "./pipeline-fixtures.js";
import { readLock, tempProject } from "./pipeline-project.js";

const USER = "user:42";
let emulator: RunningEmulator;
let project: { root: string; dispose(): Promise<void> };

beforeAll(async () => {
  emulator = await startTestEmulator({
    creator: USER,
    apiKeys: [
      "key",
      { key: "no-grant-scope", scopes: ["asset:read", "asset:write"] },
      { key: "group-key", creator: "group:8" },
    ],
    operations: { pendingPolls: 0 },
    rateLimits: false,
    universes: ["1001", "1002", "1003"],
    maxGrantsPerAsset: 2,
    quotas: [
      { creator: USER, assetType: "Audio", capacity: 10, usage: 7, resetTime: "2099-01-01T00:00:00Z" },
    ],
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

function pipeline(options: PipelineOptions = {}, apiKey = "key", creator = USER) {
  const events: PipelineEvent[] = [];
  const p = createPipeline({
    root: project.root,
    env: { RBXASSETS_API_KEY: apiKey, RBXASSETS_API_URL: emulator.url, RBXASSETS_CREATOR: creator },
    onEvent: (e) => events.push(e),
    ...options,
  });
  return { p, events };
}

const grantRequests = () => emulator.stats().requests.AssetPermissions_GrantAssetPermissions ?? 0;

async function grantsOf(assetId: string): Promise<string[]> {
  const response = await fetch(`${new URL(emulator.url).origin}/_emulator/assets/${assetId}/grants`);
  return ((await response.json()) as { universeIds: string[] }).universeIds;
}

function images(count: number, prefix = "img") {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}/${i}.png`, fixture("png", i + 1)]),
  );
}

describe("grants in a sync", () => {
  it("grants every asset in batches, records each grant, and a warm run sends none", async () => {
    const count = GRANT_BATCH_SIZE + 3;
    await writeFiles(project.root, images(count));
    const { p, events } = pipeline();
    const report = await p.sync(["img"], { grant: { experiences: ["1001"] } });
    expect(report.uploaded).toHaveLength(count);
    expect(report.failed).toEqual([]);
    expect(grantRequests()).toBe(2); // 50 + 3
    expect(report.grants?.granted).toHaveLength(count);
    expect(events.filter((e) => e.type === "granted")).toHaveLength(count);
    const lock = await readLock(project.root);
    for (const entry of [...lock.values()]) {
      expect(entry.grants).toEqual(["1001"]);
    }
    const first = report.uploaded[0]!.assetId;
    expect(await grantsOf(first)).toEqual(["1001"]);

    emulator.resetStats();
    const warm = await pipeline().p.sync(["img"], { grant: { experiences: [1001] } });
    expect(warm.unchanged).toHaveLength(count);
    expect(grantRequests()).toBe(0);
    expect(warm.grants?.granted ?? []).toEqual([]);
  });

  it("grants a newly added experience only to itself", async () => {
    await writeFiles(project.root, images(2));
    await pipeline().p.sync(["img"], { grant: { experiences: ["1001"] } });
    emulator.resetStats();
    const { p } = pipeline();
    const report = await p.sync(["img"], { grant: { experiences: ["1001", "1002"] } });
    expect(grantRequests()).toBe(1);
    expect(new Set(report.grants?.granted.map((g) => g.experience))).toEqual(new Set(["1002"]));
    const lock = await readLock(project.root);
    expect([...lock.values()].map((e) => e.grants)).toEqual([
      ["1001", "1002"],
      ["1001", "1002"],
    ]);
    expect(await grantsOf(report.unchanged[0]!.assetId)).toEqual(["1001", "1002"]);
  });

  it("check mode lists the grants a sync would send, from the lockfile, and sends none", async () => {
    await writeFiles(project.root, images(2));
    await pipeline().p.sync(["img"], { grant: { experiences: ["1001"] } });
    emulator.resetStats();
    const warm = await pipeline().p.sync(["img"], { check: true, grant: { experiences: ["1001"] } });
    expect(warm.pendingGrants).toBeUndefined();
    const added = await pipeline().p.sync(["img"], { check: true, grant: { experiences: ["1001", 1002] } });
    expect(added.pendingGrants).toEqual([
      { file: "img/0.png", assetId: added.unchanged[0]!.assetId, experience: "1002" },
      { file: "img/1.png", assetId: added.unchanged[1]!.assetId, experience: "1002" },
    ]);
    expect(emulator.stats().requests).toEqual({});
  });

  it("reports a refused asset like a failed file, with its code in words, and records nothing for it", async () => {
    // The emulator lets an asset hold two grants: the third experience is refused per asset.
    await writeFiles(project.root, images(2));
    const { p, events } = pipeline();
    const report = await p.sync(["img"], { grant: { experiences: ["1001", "1002", "1003"] } });
    expect(report.uploaded).toHaveLength(2);
    expect(report.failed.map((f) => f.file)).toEqual(["img/0.png", "img/1.png"]);
    expect(report.failed[0]?.reason).toMatch(
      /^img\/0\.png: not granted to experience 1003: the asset has as many grants as it may have \(PermissionLimitReached\)/,
    );
    expect(events.filter((e) => e.type === "failed" && e.rule === "grant-refused")).toHaveLength(2);
    const lock = await readLock(project.root);
    expect(lock.get("img/0.png")?.grants).toEqual(["1001", "1002"]);
  });

  it("stops the grants once when the key lacks asset-permissions:write, keeping the uploads", async () => {
    await writeFiles(project.root, images(3));
    const { p, events } = pipeline({}, "no-grant-scope");
    const report = await p.sync(["img"], { grant: { experiences: ["1001", "1002"] } });
    expect(report.uploaded).toHaveLength(3);
    expect(grantRequests()).toBe(1);
    expect(report.grants?.refusals).toHaveLength(1);
    expect(report.grants?.refusals[0]).toMatchObject({ rule: "grant-permission", status: 403 });
    expect(report.grants?.refusals[0]?.fix).toMatch(/asset-permissions:write/);
    expect(events.filter((e) => e.type === "grantRefused")).toHaveLength(1);
    const lock = await readLock(project.root);
    expect([...lock.values()].every((entry) => (entry as { grants?: unknown }).grants === undefined)).toBe(
      true,
    );
  });

  it("says once that an experience does not exist, and grants the others", async () => {
    await writeFiles(project.root, images(2));
    const report = await pipeline().p.sync(["img"], { grant: { experiences: ["999", "1003"] } });
    expect(report.grants?.refusals).toEqual([
      expect.objectContaining({ rule: "grant-experience", experience: "999", code: "SubjectNotFound" }),
    ]);
    expect(report.grants?.granted.map((g) => g.experience)).toEqual(["1003", "1003"]);
  });
});

describe("grants of a spritesheet", () => {
  it("grants each atlas once, records it on the atlas, and a warm run sends none", async () => {
    await writeFiles(project.root, {
      "ui/a.png": png(8, 8, 1),
      "ui/b.png": png(8, 8, 2),
      "ui/c.png": png(8, 8, 3),
    });
    const processing = { spritesheet: { maxSize: 64, padding: 2 } };
    const report = await pipeline({ processing }).p.sync(["ui"], {
      input: "ui",
      grant: { experiences: ["1001"] },
    });
    expect(report.failed).toEqual([]);
    const atlasIds = new Set(report.uploaded.map((a) => a.assetId));
    expect(atlasIds.size).toBe(1);
    expect(grantRequests()).toBe(1);
    expect(report.grants?.granted).toEqual([{ file: "ui#0", assetId: [...atlasIds][0], experience: "1001" }]);
    expect(await grantsOf([...atlasIds][0]!)).toEqual(["1001"]);
    emulator.resetStats();
    const warm = await pipeline({ processing }).p.sync(["ui"], {
      input: "ui",
      grant: { experiences: ["1001"] },
    });
    expect(warm.unchanged).toHaveLength(3);
    expect(grantRequests()).toBe(0);
    // Check mode: a new experience is one grant to send, of the atlas.
    const check = await pipeline({ processing }).p.sync(["ui"], {
      input: "ui",
      check: true,
      grant: { experiences: ["1001", "1002"] },
    });
    expect(check.pendingGrants).toEqual([{ file: "ui#0", assetId: [...atlasIds][0], experience: "1002" }]);
    expect(grantRequests()).toBe(0);
  });
});

describe("Pipeline.grant: the same stage for assets resolved outside a sync (a build's)", () => {
  it("grants resolved assets once and records it; neither a second call nor a sync sends any", async () => {
    await writeFiles(project.root, { "img/a.png": fixture("png", 11), "img/b.png": fixture("png", 12) });
    const { p } = pipeline();
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
    expect((await pipeline().p.grant(assets, { experiences: ["1001"] })).granted).toEqual([]);
    const synced = await pipeline().p.sync(["img"], { grant: { experiences: ["1001"] } });
    expect(synced.unchanged).toHaveLength(2);
    expect(grantRequests()).toBe(0);
  });

  it("after a sync granted them, sends nothing and needs no credentials", async () => {
    await writeFiles(project.root, { "img/a.png": fixture("png", 13) });
    await pipeline().p.sync(["img"], { grant: { experiences: ["1001"] } });
    emulator.resetStats();
    const { p } = pipeline({}, "");
    const asset = (await p.lookup("img/a.png"))!;
    expect(await p.grant([asset], { experiences: ["1001"] })).toEqual({
      granted: [],
      refusals: [],
      failed: [],
    });
    expect(emulator.stats().requests).toEqual({});
  });

  it("grants sprites through their atlas, once, as a sync of the spritesheet does", async () => {
    await writeFiles(project.root, { "ui/a.png": png(8, 8, 4), "ui/b.png": png(8, 8, 5) });
    const processing = { spritesheet: { maxSize: 64, padding: 2 } };
    await pipeline({ processing }).p.sync(["ui"], { input: "ui" });
    emulator.resetStats();
    const { p } = pipeline({ processing });
    const sprites = [(await p.lookup("ui/a.png"))!, (await p.lookup("ui/b.png"))!];
    expect(sprites.map((s) => s.atlas)).toEqual(["ui#0", "ui#0"]);
    const report = await p.grant(sprites, { experiences: ["1002"] });
    expect(report.granted).toEqual([{ file: "ui#0", assetId: sprites[0]!.assetId, experience: "1002" }]);
    expect(grantRequests()).toBe(1);

    emulator.resetStats();
    const synced = await pipeline({ processing }).p.sync(["ui"], {
      input: "ui",
      grant: { experiences: [1002] },
    });
    expect(synced.failed).toEqual([]);
    expect(grantRequests()).toBe(0);
  });

  it("returns the refusals instead of throwing: a key without the scope, or none, is said once", async () => {
    await writeFiles(project.root, { "img/a.png": fixture("png", 14), "img/b.png": fixture("png", 15) });
    const { p } = pipeline({}, "no-grant-scope");
    const assets = [await p.resolve("img/a.png"), await p.resolve("img/b.png")];
    const refused = await p.grant(assets, { experiences: ["1001", "1002"] });
    expect(refused.refusals).toEqual([
      expect.objectContaining({ rule: "grant-permission", status: 403, experience: "1001" }),
    ]);
    expect(refused.granted).toEqual([]);
    expect(grantRequests()).toBe(1);

    emulator.resetStats();
    const none = await pipeline({}, "").p.grant(assets, { experiences: ["1001", "1002"] });
    expect(none.refusals).toEqual([
      {
        rule: "grant-credentials",
        experience: "1001",
        message: "experience 1001 is to be granted assets, and no credentials are configured",
        fix: expect.stringMatching(/RBXASSETS_API_KEY/),
      },
    ]);
    expect(emulator.stats().requests).toEqual({});
    const lock = await readLock(project.root);
    expect([...lock.values()].every((entry) => entry.grants === undefined)).toBe(true);
  });
});

describe("privacy", () => {
  it("sends creationContext.assetPrivacy for new assets, and an openUse asset cannot then be granted", async () => {
    await writeFiles(project.root, { "open/a.png": fixture("png", 9) });
    const report = await pipeline().p.sync(["open"], {
      privacy: "openUse",
      grant: { experiences: ["1001"] },
    });
    expect(report.uploaded).toHaveLength(1);
    expect(report.failed).toMatchObject([
      {
        file: "open/a.png",
        reason: expect.stringMatching(
          /not granted to experience 1001: .*open use.*PublicAssetCannotBeGrantedTo/,
        ),
      },
    ]);
    const lock = await readLock(project.root);
    expect(lock.get("open/a.png")?.grants).toBeUndefined();
  });
});

describe("quotas before a sync", () => {
  it("stops a sync whose audio does not fit, naming the numbers and the reset, and uploads nothing", async () => {
    await writeFiles(project.root, {
      "sfx/a.mp3": fixture("mp3", 1),
      "sfx/b.mp3": fixture("mp3", 2),
      "sfx/c.mp3": fixture("mp3", 3),
      "sfx/d.mp3": fixture("mp3", 4),
      "img/x.png": fixture("png", 1),
    });
    const { p, events } = pipeline();
    const error = await p.sync(["sfx", "img"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).rule).toBe("quota");
    expect((error as PipelineError).message).toContain(
      "4 audio files to upload, 3 left this month (resets 2099-01-01)",
    );
    expect((error as PipelineError).facts).toMatchObject({
      assetType: "Audio",
      toUpload: 4,
      usage: 7,
      capacity: 10,
    });
    expect(emulator.stats().creates).toBe(0);
    expect(events.find((e) => e.type === "quota")).toMatchObject({
      status: "read",
      assetType: "Audio",
      toUpload: 4,
    });
  });

  it("uploads a batch that fits, and skips the check when told to", async () => {
    await writeFiles(project.root, { "sfx/a.mp3": fixture("mp3", 5), "sfx/b.mp3": fixture("mp3", 6) });
    const fits = await pipeline().p.sync(["sfx"]);
    expect(fits.uploaded).toHaveLength(2);
    expect(emulator.stats().requests.Cloud_ListAssetQuotas).toBe(1);
    emulator.resetStats();
    await writeFiles(project.root, { "more/c.mp3": fixture("mp3", 7) });
    const skipped = await pipeline({ quotaCheck: false }).p.sync(["more"]);
    expect(skipped.uploaded).toHaveLength(1);
    expect(emulator.stats().requests.Cloud_ListAssetQuotas ?? 0).toBe(0);
  });

  it("counts a named file outside the root (a caller uploads it unrecorded); a sync refuses it uncounted", async () => {
    // The user's audio quota has 3 left (see beforeAll) and earlier tests may have used some: 4 cannot fit.
    const outside = await tempProject("rbxassets-outside-");
    try {
      const files = [1, 2, 3, 4].map((n) => join(outside.root, `song${n}.mp3`));
      await writeFiles(
        outside.root,
        Object.fromEntries(files.map((f, i) => [basename(f), fixture("mp3", 20 + i)])),
      );
      const { p } = pipeline();
      const error = await p.checkQuotas(files).catch((e: unknown) => e);
      expect((error as PipelineError).rule).toBe("quota");
      expect((error as PipelineError).facts).toMatchObject({ assetType: "Audio", toUpload: 4 });
      const report = await p.sync(files);
      expect(report.failed.map((f) => f.rule)).toEqual(Array(4).fill("outside-root"));
      expect(emulator.stats().creates).toBe(0);
    } finally {
      await outside.dispose();
    }
  });

  it("says once for a group creator that Roblox publishes no group quotas, and uploads", async () => {
    await writeFiles(project.root, { "sfx/g.mp3": fixture("mp3", 8) });
    const { p, events } = pipeline({}, "group-key", "group:8");
    const report = await p.sync(["sfx"]);
    expect(report.uploaded).toHaveLength(1);
    expect(events.filter((e) => e.type === "quota")).toEqual([
      { type: "quota", status: "unpublished", creator: "group:8", toUpload: { Audio: 1 } },
    ]);
    expect(emulator.stats().requests.Cloud_ListAssetQuotas ?? 0).toBe(0);
  });
});
