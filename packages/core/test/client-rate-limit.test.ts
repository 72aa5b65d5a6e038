// 429 handling and client-side rate limiting against the emulator's limits (time-scaled windows).
import { DEFAULT_EMULATOR_API_KEY } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assetIdOf, type ClientEvent, createAssetsClient } from "../src/index.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { imageRequest, PNG_1X1 } from "./helpers/fixtures.js";

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
let emulator: Emulator;
let assetId: string;

const LIMIT = 4;
const CALLS = 12;

beforeAll(async () => {
  // 60 s windows scaled to 0.5 s; Get Asset allows LIMIT calls per window.
  emulator = await startTestEmulator({ rateLimits: { timeScale: 120, limits: { Assets_GetAsset: LIMIT } } });
  const client = createAssetsClient({ baseUrl: emulator.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });
  const op = await client.createAsset({ request: imageRequest("Limited"), file: PNG_1X1 });
  const result = await client.waitForOperation(op, { initialDelayMs: 5, maxDelayMs: 20 });
  if (result.status !== "succeeded") throw new Error("setup failed");
  assetId = assetIdOf(result.asset);
});

afterAll(async () => {
  await emulator?.close();
});

describe("rate limits", () => {
  it("without the limiter, 429s are retried after the server's wait and every call succeeds", async () => {
    const events: ClientEvent[] = [];
    const client = createAssetsClient({
      baseUrl: emulator.url,
      apiKey: DEFAULT_EMULATOR_API_KEY,
      env: {},
      rateLimit: false,
      retry: { maxAttempts: 10 },
      onEvent: (event) => events.push(event),
    });
    await new Promise((resolve) => setTimeout(resolve, 600)); // a fresh window
    emulator.resetStats();
    const assets = await Promise.all(Array.from({ length: CALLS }, () => client.getAsset(assetId)));
    expect(assets.every((asset) => asset.assetId === assetId)).toBe(true);
    expect(emulator.stats().responses["429"] ?? 0).toBeGreaterThan(0);
    const retries = events.filter((event) => event.type === "retry");
    expect(retries.length).toBeGreaterThan(0);
    expect(retries.every((event) => event.type === "retry" && event.reason === "HTTP 429")).toBe(true);
  });

  it("with the limiter, adopts the server's window from headers and mostly avoids 429s", async () => {
    const events: ClientEvent[] = [];
    const client = createAssetsClient({
      baseUrl: emulator.url,
      apiKey: DEFAULT_EMULATOR_API_KEY,
      env: {},
      onEvent: (event) => events.push(event),
    });
    await new Promise((resolve) => setTimeout(resolve, 600)); // a fresh window
    emulator.resetStats();
    // Cold client: the first call probes alone, its headers teach the limiter the server's limit and window.
    const assets = await Promise.all(Array.from({ length: CALLS }, () => client.getAsset(assetId)));
    expect(assets).toHaveLength(CALLS);
    const stats = emulator.stats();
    expect(stats.requests.Assets_GetAsset).toBeGreaterThanOrEqual(CALLS);
    // Boundary effects may cost a rare 429, never one per call.
    expect(stats.responses["429"] ?? 0).toBeLessThanOrEqual(1);
    expect(events.some((event) => event.type === "rateLimited")).toBe(true);
  });
});
