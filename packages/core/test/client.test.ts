// Every operation of the typed client against the emulator, over real loopback HTTP.
import { DEFAULT_EMULATOR_API_KEY } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AssetsApiError,
  type AssetsClient,
  AssetsClientError,
  assetIdOf,
  createAssetsClient,
  normalizeModerationState,
  type Operation,
  versionNumberOf,
} from "../src/index.js";
import { normalizeAssetType } from "../src/internal.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { imageRequest, modelBytes, modelRequest, PNG_1X1 } from "./helpers/fixtures.js";

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;

const READ_ONLY_KEY = "rbxassets-read-only-key";
let emulator: Emulator;
let client: AssetsClient;

beforeAll(async () => {
  emulator = await startTestEmulator({
    apiKeys: [DEFAULT_EMULATOR_API_KEY, { key: READ_ONLY_KEY, readOnly: true }],
    operations: { pendingPolls: 1 },
  });
  client = createAssetsClient({ baseUrl: emulator.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });
});

afterAll(async () => {
  await emulator?.close();
});

async function created(op: Promise<Operation>) {
  const result = await client.waitForOperation(await op, { initialDelayMs: 10, maxDelayMs: 50 });
  if (result.status !== "succeeded") throw new Error(`operation ${result.status}`);
  return result.asset;
}

async function newModel(seed: number) {
  return created(
    client.createAsset({
      request: modelRequest(`Model ${seed}`),
      file: { data: modelBytes(seed), fileName: "m.rbxm" },
    }),
  );
}

describe("create and read", () => {
  it("uploads from a Uint8Array, polls the operation and reads the asset", async () => {
    const op = await client.createAsset({
      request: imageRequest("From bytes"),
      file: { data: PNG_1X1, fileName: "logo.png" },
    });
    expect(op.path).toMatch(/^operations\//);
    const result = await client.waitForOperation(op, { initialDelayMs: 10, maxDelayMs: 50 });
    expect(result.status).toBe("succeeded");
    if (result.status !== "succeeded") return;
    expect(result.polls).toBeGreaterThanOrEqual(1);
    const id = assetIdOf(result.asset);
    expect(id).toMatch(/^[0-9]+$/);
    const asset = await client.getAsset(id);
    expect(asset.displayName).toBe("From bytes");
    expect(normalizeAssetType(asset.assetType)).toBe("Image");
    expect(normalizeModerationState(asset.moderationResult.moderationState ?? "")).toBe("Approved");
  });

  it("uploads a Buffer and a typed Blob (content type from the Blob or the extension)", async () => {
    const fromBuffer = await created(
      client.createAsset({ request: imageRequest("Buffer"), file: Buffer.from(PNG_1X1) }),
    );
    expect(fromBuffer.displayName).toBe("Buffer");
    const blob = new Blob([PNG_1X1], { type: "image/png" });
    const fromBlob = await created(client.createAsset({ request: imageRequest("Blob"), file: blob }));
    expect(fromBlob.displayName).toBe("Blob");
    expect(emulator.stats().creates).toBeGreaterThanOrEqual(2);
  });

  it("getAsset sends readMask and returns the named fields", async () => {
    const asset = await created(
      client.createAsset({ request: imageRequest("Masked", "A description"), file: PNG_1X1 }),
    );
    const read = await client.getAsset(assetIdOf(asset), { readMask: ["description", "displayName"] });
    expect(read.description).toBe("A description");
  });

  it("getOperation returns the operation by id and by path", async () => {
    const op = await client.createAsset({ request: imageRequest("Op"), file: PNG_1X1 });
    const id = op.operationId ?? op.path.slice("operations/".length);
    const again = await client.getOperation(id);
    expect(again.path).toBe(op.path);
    const byPath = await client.getOperation(op.path);
    expect(byPath.path).toBe(op.path);
  });
});

describe("update, versions, rollback, archive", () => {
  it("updates metadata with a derived updateMask", async () => {
    const asset = await newModel(1);
    const op = await client.updateAsset(assetIdOf(asset), {
      request: { displayName: "Renamed", description: "New" },
    });
    const result = await client.waitForOperation(op, { initialDelayMs: 10, maxDelayMs: 50 });
    expect(result.status).toBe("succeeded");
    const read = await client.getAsset(assetIdOf(asset), { readMask: ["description"] });
    expect(read.displayName).toBe("Renamed");
    expect(read.description).toBe("New");
  });

  it("new content makes versions; lists them page by page and iterates all of them", async () => {
    const asset = await newModel(2);
    const id = assetIdOf(asset);
    for (let seed = 3; seed <= 6; seed++) {
      const op = await client.updateAsset(id, { file: { data: modelBytes(seed), fileName: "m.rbxm" } });
      expect((await client.waitForOperation(op, { initialDelayMs: 10, maxDelayMs: 50 })).status).toBe(
        "succeeded",
      );
    }
    const first = await client.listAssetVersions(id, { maxPageSize: 2 });
    expect(first.assetVersions).toHaveLength(2);
    expect(first.nextPageToken).toBeTruthy();
    const second = await client.listAssetVersions(id, { maxPageSize: 2, pageToken: first.nextPageToken! });
    expect(second.assetVersions).toHaveLength(2);

    const all = [];
    for await (const version of client.iterateAssetVersions(id, { maxPageSize: 2 })) all.push(version);
    expect(all.map(versionNumberOf)).toEqual([5, 4, 3, 2, 1]);

    const v2 = await client.getAssetVersion(id, 2);
    expect(versionNumberOf(v2)).toBe(2);
    const rolled = await client.rollbackAssetVersion(id, "2");
    expect(versionNumberOf(rolled)).toBe(6);
  });

  it("archives and restores", async () => {
    const asset = await newModel(7);
    const archived = await client.archiveAsset(assetIdOf(asset));
    expect(archived.state).toBe("Archived");
    const restored = await client.restoreAsset(assetIdOf(asset));
    expect(restored.state).toBe("Active");
  });
});

describe("errors", () => {
  it("rejects malformed ids before any request", async () => {
    emulator.resetStats();
    await expect(client.getAsset("12a")).rejects.toThrow(AssetsClientError);
    await expect(client.getAsset("12a")).rejects.toThrow(/assetId/);
    await expect(client.getAssetVersion("1", "x")).rejects.toThrow(/version/);
    await expect(client.rollbackAssetVersion("1", 0)).rejects.toThrow(/version/);
    await expect(client.archiveAsset("../1")).rejects.toThrow(AssetsClientError);
    await expect(client.getOperation("a/b")).rejects.toThrow(/operationId/);
    await expect(client.listAssetVersions("1", { maxPageSize: 51 })).rejects.toThrow(/maxPageSize/);
    const iterate = async () => {
      for await (const _ of client.iterateAssetVersions("nope")) break;
    };
    await expect(iterate()).rejects.toThrow(AssetsClientError);
    expect(emulator.stats().requests).toEqual({});
  });

  it("without credentials names the environment variables and sends nothing", async () => {
    emulator.resetStats();
    const anonymous = createAssetsClient({ baseUrl: emulator.url, env: {} });
    const error = await anonymous.getAsset("1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssetsClientError);
    expect(String((error as Error).message)).toMatch(/RBXASSETS_API_KEY.*RBXASSETS_OAUTH_TOKEN/);
    expect(emulator.stats().requests).toEqual({});
  });

  it("reads credentials and the base URL from env; explicit options win", async () => {
    const fromEnv = createAssetsClient({
      env: { RBXASSETS_API_KEY: DEFAULT_EMULATOR_API_KEY, RBXASSETS_API_URL: emulator.url },
    });
    expect(fromEnv.baseUrl).toBe(emulator.url);
    await expect(fromEnv.getAsset("999999999")).rejects.toMatchObject({ status: 404 });
    const explicit = createAssetsClient({
      apiKey: "wrong-key-explicit",
      env: { RBXASSETS_API_KEY: DEFAULT_EMULATOR_API_KEY, RBXASSETS_API_URL: emulator.url },
    });
    await expect(explicit.getAsset("1")).rejects.toMatchObject({ status: 401 });
  });

  it("401 carries the gateway message and never the key", async () => {
    const secret = "super-secret-key-0123456789";
    const bad = createAssetsClient({ baseUrl: emulator.url, apiKey: secret, env: {} });
    const error = (await bad.getAsset("1").catch((e: unknown) => e)) as AssetsApiError;
    expect(error).toBeInstanceOf(AssetsApiError);
    expect(error.status).toBe(401);
    expect(error.message).toBe("Invalid API Key");
    expect(error.operationId).toBe("Assets_GetAsset");
    expect(`${error.message} ${error.stack} ${JSON.stringify(error.body)}`).not.toContain(secret);
  });

  it("403 for a read-only key on a write; reads still work", async () => {
    const asset = await newModel(8);
    const readOnly = createAssetsClient({ baseUrl: emulator.url, apiKey: READ_ONLY_KEY, env: {} });
    await expect(readOnly.getAsset(assetIdOf(asset))).resolves.toMatchObject({ assetId: assetIdOf(asset) });
    const error = (await readOnly.archiveAsset(assetIdOf(asset)).catch((e: unknown) => e)) as AssetsApiError;
    expect(error).toBeInstanceOf(AssetsApiError);
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/write/i);
    expect(error.message).not.toContain(READ_ONLY_KEY);
  });

  it("404 for an unknown asset, with the service's code and message", async () => {
    const error = (await client.getAsset("987654321987").catch((e: unknown) => e)) as AssetsApiError;
    expect(error).toBeInstanceOf(AssetsApiError);
    expect(error.status).toBe(404);
    expect(error.code).toBeDefined();
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toContain(DEFAULT_EMULATOR_API_KEY);
  });

  it("400 for an unsupported content type names the problem", async () => {
    const error = (await client
      .createAsset({ request: imageRequest("Wrong"), file: { data: PNG_1X1, contentType: "audio/mpeg" } })
      .catch((e: unknown) => e)) as AssetsApiError;
    expect(error).toBeInstanceOf(AssetsApiError);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/content type/i);
  });

  it("OAuth2 bearer tokens work (static and from a function)", async () => {
    const oauthEmulator = await startTestEmulator({
      oauthTokens: [{ token: "token-read", scopes: ["asset:read"] }],
    });
    try {
      const reader = createAssetsClient({
        baseUrl: oauthEmulator.url,
        oauthToken: () => "token-read",
        env: {},
      });
      await expect(reader.getAsset("1")).rejects.toMatchObject({ status: 404 });
      const writer = createAssetsClient({ baseUrl: oauthEmulator.url, oauthToken: "token-read", env: {} });
      const error = (await writer.archiveAsset("1").catch((e: unknown) => e)) as AssetsApiError;
      expect(error.status).toBe(403);
      expect(error.message).not.toContain("token-read");
    } finally {
      await oauthEmulator.close();
    }
  });
});
