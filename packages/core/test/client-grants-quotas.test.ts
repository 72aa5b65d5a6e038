// The asset-permissions and asset-quotas operations through the client, against the emulator on one port:
// each error code, the whole-request refusals, the rate limit, ids and counts normalised.
import { DEFAULT_EMULATOR_API_KEY } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiBaseFor } from "../src/client/api-base.js";
import {
  AssetsApiError,
  AssetsClientError,
  assetIdOf,
  type ClientEvent,
  createAssetsClient,
} from "../src/index.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { CREATOR, imageRequest, modelBytes, modelRequest, PNG_1X1 } from "./helpers/fixtures.js";

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
let emulator: Emulator;
let image: string;
let foreign: string;

const clientFor = (apiKey = DEFAULT_EMULATOR_API_KEY, more: object = {}) =>
  createAssetsClient({ baseUrl: emulator.url, apiKey, env: {}, ...more });

beforeAll(async () => {
  emulator = await startTestEmulator({
    apiKeys: [
      DEFAULT_EMULATOR_API_KEY,
      { key: "group-key", creator: "group:9" },
      { key: "assets-only", scopes: ["asset:read", "asset:write"] },
    ],
    universes: ["4242", "5353", "6464", { id: "7070", grantableBy: ["group:9"] }],
    maxGrantsPerAsset: 2,
    quotas: [
      {
        creator: `user:${CREATOR.userId}`,
        assetType: "Audio",
        capacity: 10,
        usage: 7,
        resetTime: "2099-01-01T00:00:00Z",
      },
      { creator: `user:${CREATOR.userId}`, assetType: "Video", capacity: 20, period: "DAY" },
    ],
  });
  const upload = async (
    apiKey: string,
    request: Parameters<ReturnType<typeof clientFor>["createAsset"]>[0],
  ) => {
    const client = clientFor(apiKey);
    const result = await client.waitForOperation(await client.createAsset(request), { initialDelayMs: 5 });
    if (result.status !== "succeeded") throw new Error("setup failed");
    return assetIdOf(result.asset);
  };
  image = await upload(DEFAULT_EMULATOR_API_KEY, { request: imageRequest("Granted"), file: PNG_1X1 });
  const groupModel = modelRequest("Theirs");
  groupModel.creationContext = { creator: { groupId: "9" } };
  foreign = await upload("group-key", { request: groupModel, file: modelBytes(1) });
});

afterAll(async () => {
  await emulator?.close();
});

describe("the API bases", () => {
  it("derive the root from the Assets base, so one server answers every API", () => {
    expect(apiBaseFor("https://apis.roblox.com/assets", "https://apis.roblox.com")).toBe(
      "https://apis.roblox.com",
    );
    expect(apiBaseFor("http://127.0.0.1:4010/assets/", "https://apis.roblox.com")).toBe(
      "http://127.0.0.1:4010",
    );
    expect(apiBaseFor("http://proxy.local/roblox/assets", "https://apis.roblox.com")).toBe(
      "http://proxy.local/roblox",
    );
    expect(apiBaseFor("http://127.0.0.1:4010/assets", "https://apis.roblox.com/assets")).toBe(
      "http://127.0.0.1:4010/assets",
    );
  });
});

describe("grantAssetPermissions", () => {
  it("grants, answering the ids as digit strings, and names each refused asset's code", async () => {
    const client = clientFor();
    expect(await client.grantAssetPermissions({ universeId: "4242", assetIds: [image] })).toEqual({
      successAssetIds: [image],
      errors: [],
    });
    const mixed = await client.grantAssetPermissions({ universeId: 5353, assetIds: [image, "123", foreign] });
    expect(mixed.successAssetIds).toEqual([image]);
    expect(mixed.errors).toEqual([
      { assetId: "123", code: "AssetNotFound" },
      { assetId: foreign, code: "CannotManageAsset" },
    ]);
    expect((await client.grantAssetPermissions({ universeId: "6464", assetIds: [image] })).errors).toEqual([
      { assetId: image, code: "PermissionLimitReached" },
    ]);
    expect(
      (await client.grantAssetPermissions({ universeId: "4242", assetIds: [image], action: "Edit" })).errors,
    ).toEqual([{ assetId: image, code: "AssetTypeNotEnabled" }]);
  });

  it("throws the whole-request refusals as AssetsApiError with their code", async () => {
    const client = clientFor();
    const unknown = await client
      .grantAssetPermissions({ universeId: "1", assetIds: [image] })
      .catch((e) => e);
    expect(unknown).toBeInstanceOf(AssetsApiError);
    expect(unknown).toMatchObject({
      status: 400,
      code: "SubjectNotFound",
      operationId: "AssetPermissions_GrantAssetPermissions",
    });
    const closed = await client
      .grantAssetPermissions({ universeId: "7070", assetIds: [image] })
      .catch((e) => e);
    expect(closed).toMatchObject({ status: 403, code: "CannotManageSubject" });
    const scope = await clientFor("assets-only")
      .grantAssetPermissions({ universeId: "4242", assetIds: [image] })
      .catch((e) => e);
    expect(scope).toMatchObject({ status: 403 });
    expect(scope.message).toMatch(/asset-permissions:write/);
    const wrongKey = await clientFor("wrong")
      .grantAssetPermissions({ universeId: "4242", assetIds: [image] })
      .catch((e) => e);
    expect(wrongKey).toMatchObject({ status: 401 });
    expect(wrongKey.message).not.toContain("wrong");
  });

  it("checks ids before sending anything", async () => {
    emulator.resetStats();
    const client = clientFor();
    await expect(client.grantAssetPermissions({ universeId: "x", assetIds: [image] })).rejects.toThrow(
      AssetsClientError,
    );
    await expect(client.grantAssetPermissions({ universeId: "1", assetIds: [] })).rejects.toThrow(
      /at least one/,
    );
    await expect(client.grantAssetPermissions({ universeId: "1", assetIds: ["12a"] })).rejects.toThrow(
      /assetId/,
    );
    expect(emulator.stats().requests.AssetPermissions_GrantAssetPermissions ?? 0).toBe(0);
  });
});

describe("asset quotas", () => {
  it("lists a user's upload quotas by type, counts as numbers", async () => {
    const client = clientFor();
    const [audio] = await client.getAssetQuotas(CREATOR.userId, { assetTypes: ["audio"] });
    expect(audio).toMatchObject({
      assetType: "AUDIO",
      quotaType: "RATE_LIMIT_UPLOAD",
      usage: 7,
      capacity: 10,
      period: "MONTH",
      usageResetTime: "2099-01-01T00:00:00.000Z",
    });
    const all = await client.getAssetQuotas(CREATOR.userId);
    expect(all.map((quota) => quota.assetType)).toEqual(["AUDIO", "VIDEO"]);
    const page = await client.listAssetQuotas(CREATOR.userId, { maxPageSize: 1 });
    expect(page.assetQuotas).toHaveLength(1);
    expect(page.nextPageToken).toBeTruthy();
    expect(await client.getAssetQuotas(CREATOR.userId, { assetTypes: ["Image"] })).toEqual([]);
  });

  it("refuses another user's quotas and an asset type the API does not know", async () => {
    const client = clientFor();
    await expect(client.getAssetQuotas("2")).rejects.toMatchObject({
      status: 403,
      operationId: "Cloud_ListAssetQuotas",
    });
    await expect(client.getAssetQuotas(CREATOR.userId, { assetTypes: ["Sound"] })).rejects.toThrow(
      AssetsClientError,
    );
  });
});

describe("rate limits of the new operations", () => {
  it("stays within 100 grants a minute per key owner with the limiter, retrying a 429 otherwise", async () => {
    const limited = await startTestEmulator({
      universes: ["1"],
      rateLimits: { timeScale: 120, limits: { AssetPermissions_GrantAssetPermissions: 3 } },
    });
    try {
      const events: ClientEvent[] = [];
      const client = createAssetsClient({
        baseUrl: limited.url,
        apiKey: DEFAULT_EMULATOR_API_KEY,
        env: {},
        rateLimit: false,
        retry: { maxAttempts: 10 },
        onEvent: (event) => events.push(event),
      });
      const results = await Promise.all(
        Array.from({ length: 8 }, () => client.grantAssetPermissions({ universeId: "1", assetIds: ["5"] })),
      );
      expect(results.every((result) => result.errors[0]?.code === "AssetNotFound")).toBe(true);
      expect(limited.stats().responses["429"] ?? 0).toBeGreaterThan(0);
      expect(
        events.some(
          (event) => event.type === "retry" && event.operationId === "AssetPermissions_GrantAssetPermissions",
        ),
      ).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
