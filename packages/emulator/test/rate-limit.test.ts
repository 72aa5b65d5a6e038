import { operations } from "@rbxassets/spec";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import { call, createAsset, startTestEmulator } from "./harness.js";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("rate limits", () => {
  it("answers the spec's limit in headers on every response", async () => {
    emulator = await startTestEmulator();
    const asset = await createAsset(emulator);
    const got = await call(emulator, "GET", `/v1/assets/${asset.assetId}`);
    expect(got.headers.get("x-ratelimit-limit")).toBe(
      String(operations.Assets_GetAsset.rateLimit.apiKey.max),
    );
    expect(got.headers.get("x-ratelimit-remaining")).toBe(
      String(operations.Assets_GetAsset.rateLimit.apiKey.max - 1),
    );
    expect(Number(got.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
    expect(Number(got.headers.get("x-ratelimit-reset"))).toBeLessThanOrEqual(60);
    // Errors after authentication count and carry the headers too.
    const missing = await call(emulator, "GET", "/v1/assets/99999999999");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-ratelimit-remaining")).toBe(
      String(operations.Assets_GetAsset.rateLimit.apiKey.max - 2),
    );
  });

  it("answers 429 in the gateway shape with headers and retry-after over the limit", async () => {
    emulator = await startTestEmulator({ rateLimits: { limits: { Assets_GetAsset: 2 } } });
    const asset = await createAsset(emulator);
    const path = `/v1/assets/${asset.assetId}`;
    expect((await call(emulator, "GET", path)).headers.get("x-ratelimit-remaining")).toBe("1");
    expect((await call(emulator, "GET", path)).headers.get("x-ratelimit-remaining")).toBe("0");
    const limited = await call(emulator, "GET", path);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ errors: [{ code: 0, message: "Too many requests" }] });
    expect(limited.headers.get("x-ratelimit-limit")).toBe("2");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("retry-after")).toBe(limited.headers.get("x-ratelimit-reset"));
    // Other operations have their own budget.
    expect((await call(emulator, "GET", `${path}/versions`)).status).toBe(200);
  });

  it("shares the budget between keys of one owner, not between owners", async () => {
    emulator = await startTestEmulator({
      apiKeys: [
        { key: "a1", creator: "user:10" },
        { key: "a2", creator: "user:10" },
        { key: "b1", creator: "group:20" },
      ],
      rateLimits: { limits: { Assets_GetOperation: 1 } },
    });
    const path = "/v1/operations/00000000-0000-0000-0000-000000000000";
    expect((await call(emulator, "GET", path, { apiKey: "a1" })).status).toBe(404);
    expect((await call(emulator, "GET", path, { apiKey: "a2" })).status).toBe(429);
    expect((await call(emulator, "GET", path, { apiKey: "b1" })).status).toBe(404);
  });

  it("scales windows with timeScale (fractional reset) and opens a new window after it", async () => {
    // 60000x: the one-minute window lasts one millisecond.
    emulator = await startTestEmulator({
      rateLimits: { timeScale: 60_000, limits: { Assets_GetOperation: 1 } },
    });
    const path = "/v1/operations/00000000-0000-0000-0000-000000000000";
    const first = await call(emulator, "GET", path);
    expect(Number(first.headers.get("x-ratelimit-reset"))).toBeLessThanOrEqual(0.01);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await call(emulator, "GET", path)).status).toBe(404);
  });

  it("can be turned off", async () => {
    emulator = await startTestEmulator({ rateLimits: false });
    const result = await call(emulator, "GET", "/v1/operations/00000000-0000-0000-0000-000000000000", {
      unchecked: true,
    });
    expect(result.status).toBe(404);
    expect(result.headers.has("x-ratelimit-limit")).toBe(false);
  });
});
