// The emulator refuses what the live service refuses: one block per rule of the README's "Strictness".
import { operations } from "@rbxassets/spec";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_EMULATOR_API_KEY,
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from "../src/index.js";
import {
  assetForm,
  call,
  create,
  createAsset,
  createRequest,
  mp4File,
  png,
  pngBytes,
  pngFile,
  rbxmFile,
  startTestEmulator,
  waitForOperation,
} from "./harness.js";

const started: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((emulator) => emulator.close()));
});
async function start(options: EmulatorOptions = {}) {
  const emulator = await startTestEmulator(options);
  started.push(emulator);
  return emulator;
}

const firstAssetId = "18000000001";
const patch = (emulator: RunningEmulator, id: string, mask: string, request: unknown, apiKey?: string) =>
  call(emulator, "PATCH", `/v1/assets/${id}?updateMask=${mask}`, {
    form: assetForm({ request }),
    ...(apiKey ? { apiKey } : {}),
  });

describe("key ownership", () => {
  it("returns the key's owner, and refuses a create for another creator with 403", async () => {
    const emulator = await start();
    expect(emulator.creator).toBe("user:1");
    const other = await create(emulator, {
      request: createRequest({ creationContext: { creator: { groupId: "5" } } }),
    });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe("PERMISSION_DENIED");
    expect(other.body.message).toContain("group:5");
    expect(emulator.stats().creates).toBe(0);
  });

  it("takes more keys with other owners, and refuses changes to another owner's asset", async () => {
    const emulator = await start({
      creator: "group:7",
      apiKeys: ["group-key", { key: "alice", creator: "user:42" }],
    });
    expect(emulator.creator).toBe("group:7");
    const mine = await createAsset(emulator, {
      request: createRequest({ assetType: "Model", creationContext: { creator: { groupId: "7" } } }),
      file: rbxmFile("a"),
    });
    const id = mine.assetId;
    // Reading is allowed; every change is not.
    expect((await call(emulator, "GET", `/v1/assets/${id}`, { apiKey: "alice" })).status).toBe(200);
    const refused = [
      await patch(emulator, id, "description", { description: "x" }, "alice"),
      await call(emulator, "POST", `/v1/assets/${id}:archive`, { apiKey: "alice" }),
      await call(emulator, "POST", `/v1/assets/${id}:restore`, { apiKey: "alice" }),
      await call(emulator, "POST", `/v1/assets/${id}/versions:rollback`, {
        apiKey: "alice",
        json: { assetVersion: `assets/${id}/versions/1` },
      }),
    ];
    expect(refused.map((result) => [result.status, result.body.code])).toEqual(
      Array(4).fill([403, "PERMISSION_DENIED"]),
    );
    const alices = await createAsset(emulator, {
      apiKey: "alice",
      request: createRequest({ creationContext: { creator: { userId: "42" } } }),
    });
    expect(alices.creationContext.creator).toEqual({ userId: "42" });
  });

  it("refuses a creator option that is not user:<id> or group:<id>", async () => {
    await expect(startEmulator({ creator: "42" })).rejects.toThrow(
      /creator must be 'user:<id>' or 'group:<id>'/,
    );
  });
});

describe("content is checked", () => {
  const cases: Array<[string, { bytes: Uint8Array<ArrayBuffer>; contentType: string }, string, RegExp]> = [
    ["an empty file", { bytes: new Uint8Array(0), contentType: "image/png" }, "Image", /empty/],
    [
      "random bytes as image/png",
      { bytes: new Uint8Array([7, 1, 9, 3, 2, 8, 4, 4, 0, 1, 2, 3]), contentType: "image/png" },
      "Image",
      /not a valid image\/png/,
    ],
    [
      "PNG bytes as model/fbx",
      { bytes: pngBytes, contentType: "model/fbx" },
      "Model",
      /not a valid model\/fbx.*PNG/,
    ],
    [
      "a PNG 8000 pixels wide",
      { bytes: png(8000, 1), contentType: "image/png" },
      "Image",
      /8000x1.*under 8000x8000/,
    ],
    [
      "text as model/x-rbxm",
      { bytes: new TextEncoder().encode("1"), contentType: "model/x-rbxm" },
      "Model",
      /x-rbxm/,
    ],
  ];
  it.each(cases)("refuses %s with 400", async (_, file, assetType, message) => {
    const emulator = await start();
    const result = await create(emulator, { request: createRequest({ assetType }), file });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe("INVALID_ARGUMENT");
    expect(result.body.message).toMatch(message);
  });

  it("checks the content of a model update too, and accepts real files", async () => {
    const emulator = await start();
    const model = await createAsset(emulator, {
      request: createRequest({ assetType: "Model" }),
      file: rbxmFile("1"),
    });
    const bad = await call(emulator, "PATCH", `/v1/assets/${model.assetId}`, {
      form: assetForm({ request: {}, file: { bytes: pngBytes, contentType: "model/x-rbxm" } }),
    });
    expect(bad.status).toBe(400);
    expect((await createAsset(emulator, { file: pngFile(png(7999, 1)) })).assetType).toBe("Image");
  });
});

describe("operations take time", () => {
  it("stay pending by default (about a second), however fast a client polls", async () => {
    const emulator = await startEmulator();
    started.push(emulator);
    const { body } = await create(emulator);
    expect(body.done).toBe(false);
  });

  it("make a tight poller pay Get Operation's rate limit", async () => {
    const emulator = await start({
      operations: { pendingMs: 3_600_000, pendingPolls: 0 },
      rateLimits: { limits: { Assets_GetOperation: 3 } },
    });
    const { body } = await create(emulator);
    const statuses: number[] = [];
    for (let poll = 0; poll < 5; poll++) {
      statuses.push((await call(emulator, "GET", `/v1/operations/${body.operationId}`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("finish in the create answer with both delays 0", async () => {
    const emulator = await start({ operations: { pendingMs: 0, pendingPolls: 0 } });
    expect((await create(emulator)).body.done).toBe(true);
  });
});

describe("changes become visible when their operation is done", () => {
  it("a created asset does not exist before its operation is done", async () => {
    const emulator = await start();
    const { body } = await create(emulator);
    expect((await call(emulator, "GET", `/v1/assets/${firstAssetId}`)).status).toBe(404);
    const done = await waitForOperation(emulator, body.operationId);
    expect(done.response.assetId).toBe(firstAssetId);
    expect((await call(emulator, "GET", `/v1/assets/${firstAssetId}`)).status).toBe(200);
  });

  it("metadata and content updates show only once done", async () => {
    const emulator = await start();
    const model = await createAsset(emulator, {
      request: createRequest({ assetType: "Model" }),
      file: rbxmFile("1"),
    });
    const update = await call(emulator, "PATCH", `/v1/assets/${model.assetId}?updateMask=description`, {
      form: assetForm({ request: { description: "new" }, file: rbxmFile("2") }),
    });
    const before = await call(emulator, "GET", `/v1/assets/${model.assetId}`);
    expect([before.body.description, before.body.revisionId]).toEqual(["A logo", "1"]);
    expect(
      (await call(emulator, "GET", `/v1/assets/${model.assetId}/versions`)).body.assetVersions,
    ).toHaveLength(1);
    const done = await waitForOperation(emulator, update.body.operationId);
    expect([done.response.description, done.response.revisionId]).toEqual(["new", "2"]);
    const after = await call(emulator, "GET", `/v1/assets/${model.assetId}`);
    expect([after.body.description, after.body.revisionId]).toEqual(["new", "2"]);
  });
});

describe("moderation", () => {
  it("refuses a moderated name or description with the live messages", async () => {
    const emulator = await start({ moderation: { refuseWords: ["forbidden"] } });
    const name = await create(emulator, { request: createRequest({ displayName: "A FORBIDDEN logo" }) });
    expect([name.status, name.body.message]).toEqual([400, "AssetName is moderated."]);
    const description = await create(emulator, { request: createRequest({ description: "forbidden" }) });
    expect([description.status, description.body.message]).toEqual([400, "AssetDescription is moderated."]);
    const asset = await createAsset(emulator);
    const renamed = await patch(emulator, asset.assetId, "displayName", { displayName: "forbidden" });
    expect([renamed.status, renamed.body.message]).toEqual([400, "AssetName is moderated."]);
  });

  it("a moderated account has every write refused with 'User is moderated', reads still work", async () => {
    const emulator = await start({ accountModerated: true });
    const created = await create(emulator);
    expect([created.status, created.body.message]).toEqual([403, "User is moderated"]);
    const archive = await call(emulator, "POST", `/v1/assets/${firstAssetId}:archive`);
    expect([archive.status, archive.body.message]).toEqual([403, "User is moderated"]);
    expect((await call(emulator, "GET", `/v1/assets/${firstAssetId}`)).status).toBe(404);
    expect(emulator.stats().creates).toBe(0);
  });
});

describe("fees", () => {
  const video = (expectedPrice?: number) =>
    createRequest({
      assetType: "Video",
      creationContext: {
        creator: { userId: "1" },
        ...(expectedPrice === undefined ? {} : { expectedPrice }),
      },
    });
  it("refuses a video without an expectedPrice at or above the fee", async () => {
    const emulator = await start({ fees: { Video: 500 } });
    const missing = await create(emulator, { request: video(), file: mp4File() });
    expect([missing.status, missing.body.message]).toEqual([
      400,
      expect.stringMatching(/expectedPrice.*500/),
    ]);
    const low = await create(emulator, { request: video(499), file: mp4File() });
    expect([low.status, low.body.message]).toEqual([400, expect.stringMatching(/fee is 500 Robux.*499/)]);
    expect((await create(emulator, { request: video(500), file: mp4File() })).status).toBe(200);
  });
});

describe("social links", () => {
  it("checks each link's URI against its kind", async () => {
    const emulator = await start({ operations: { pendingPolls: 0 } });
    const asset = await createAsset(emulator);
    const set = (field: string, uri: string) => patch(emulator, asset.assetId, field, { [field]: { uri } });
    const refused = [
      await set("twitchSocialLink", "https://youtube.com/@me"),
      await set("githubSocialLink", "http://github.com/me"),
      await set("discordSocialLink", "https://discord.gg"),
      await set("robloxSocialLink", "https://roblox.com.evil.example/games/1"),
    ];
    expect(refused.map((result) => result.status)).toEqual([400, 400, 400, 400]);
    expect(refused[0]!.body.message).toMatch(/twitchSocialLink\.uri must be an https link to twitch\.tv/);
    const accepted = [
      await set("twitchSocialLink", "https://www.twitch.tv/me"),
      await set("twitterSocialLink", "https://x.com/me"),
      await set("devForumSocialLink", "https://devforum.roblox.com/u/me"),
    ];
    expect(accepted.map((result) => result.status)).toEqual([200, 200, 200]);
  });
});

describe("rate-limit headers", () => {
  it("are present on 401 and 404 answers too", async () => {
    const emulator = await start();
    const unauthorized = await call(emulator, "GET", "/v1/assets/1", { apiKey: "wrong" });
    const missing = await call(emulator, "GET", "/v1/assets/1");
    for (const result of [unauthorized, missing]) {
      expect(result.headers.get("x-ratelimit-limit")).toBe(
        String(operations.Assets_GetAsset.rateLimit.apiKey.max),
      );
      expect(result.headers.has("x-ratelimit-remaining")).toBe(true);
      expect(result.headers.has("x-ratelimit-reset")).toBe(true);
    }
    expect([unauthorized.status, missing.status]).toEqual([401, 404]);
  });
});

describe("archived assets", () => {
  it("take no update until restored (unconfirmed live: the strict answer)", async () => {
    const emulator = await start({ apiKeys: [DEFAULT_EMULATOR_API_KEY] });
    const asset = await createAsset(emulator);
    await call(emulator, "POST", `/v1/assets/${asset.assetId}:archive`);
    const refused = await patch(emulator, asset.assetId, "description", { description: "x" });
    expect([refused.status, refused.body.message]).toEqual([
      400,
      expect.stringMatching(/archived; restore it/),
    ]);
    await call(emulator, "POST", `/v1/assets/${asset.assetId}:restore`);
    expect((await patch(emulator, asset.assetId, "description", { description: "x" })).status).toBe(200);
  });
});

describe("legacy wire", () => {
  it("answers as older responses did: no done while pending, old spellings, 9 digits, @type", async () => {
    const emulator = await start({ wire: "legacy" });
    const { body } = await create(emulator);
    expect(body).toEqual({ path: `operations/${body.operationId}`, operationId: body.operationId });
    const done = await waitForOperation(emulator, body.operationId);
    expect(done.response["@type"]).toBe("type.googleapis.com/roblox.open_cloud.assets.v1.Asset");
    expect(done.response.assetType).toBe("ASSET_TYPE_IMAGE");
    expect(done.response.moderationResult.moderationState).toBe("MODERATION_STATE_APPROVED");
    expect(done.response.revisionCreateTime).toMatch(/\.\d{9}Z$/);
    const version = await call(emulator, "GET", `/v1/assets/${done.response.assetId}/versions/1`);
    expect(version.body.moderationResult.moderationState).toBe("MODERATION_STATE_APPROVED");
  });
});
