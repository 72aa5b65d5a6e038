import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EMULATOR_API_KEY, type RunningEmulator } from "../src/index.js";
import { call, create, createAsset, startTestEmulator } from "./harness.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({
    apiKeys: ["writer-key", { key: "reader-key", readOnly: true }],
    oauthTokens: [
      { token: "read-token", scopes: ["asset:read"] },
      { token: "full-token", scopes: ["asset:read", "asset:write"] },
    ],
  });
});
afterAll(() => emulator.close());

const gateway401 = { errors: [{ code: 0, message: "Invalid API Key" }] };

describe("api keys", () => {
  it("exposes the first key", () => {
    expect(emulator.apiKey).toBe("writer-key");
  });

  it("answers 401 in the gateway shape for a missing or unknown key", async () => {
    const missing = await call(emulator, "GET", "/v1/assets/1", { apiKey: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual(gateway401);
    const unknown = await call(emulator, "GET", "/v1/assets/1", { apiKey: DEFAULT_EMULATOR_API_KEY });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(gateway401);
  });

  it("lets a read-only key read but not write", async () => {
    const asset = await createAsset(emulator);
    expect(
      (await call(emulator, "GET", `/v1/assets/${asset.assetId}`, { apiKey: "reader-key" })).status,
    ).toBe(200);
    const write = await call(emulator, "POST", `/v1/assets/${asset.assetId}:archive`, {
      apiKey: "reader-key",
    });
    expect(write.status).toBe(403);
    expect(write.body.errors[0].message).toMatch(/write/);
  });

  it("uses the default key when none is configured", async () => {
    const defaults = await startTestEmulator();
    try {
      expect(defaults.apiKey).toBe(DEFAULT_EMULATOR_API_KEY);
      expect((await create(defaults)).status).toBe(200);
    } finally {
      await defaults.close();
    }
  });
});

describe("oauth2 bearer tokens", () => {
  it("checks the token and each operation's scopes", async () => {
    const asset = await createAsset(emulator);
    const read = await call(emulator, "GET", `/v1/assets/${asset.assetId}`, { bearer: "read-token" });
    expect(read.status).toBe(200);
    const denied = await call(emulator, "POST", `/v1/assets/${asset.assetId}:archive`, {
      bearer: "read-token",
    });
    expect(denied.status).toBe(403);
    expect(denied.body.errors[0].message).toMatch(/asset:write/);
    const allowed = await call(emulator, "POST", `/v1/assets/${asset.assetId}:archive`, {
      bearer: "full-token",
    });
    expect(allowed.status).toBe(200);
    const invalid = await call(emulator, "GET", `/v1/assets/${asset.assetId}`, { bearer: "nope" });
    expect(invalid.status).toBe(401);
    expect(invalid.body.errors[0].message).toBeTypeOf("string");
  });
});
