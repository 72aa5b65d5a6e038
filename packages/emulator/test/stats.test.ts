import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import { call, create, pngBytes, startTestEmulator } from "./harness.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

describe("stats", () => {
  it("counts requests, responses, creates and uploaded content", async () => {
    emulator.resetStats();
    await create(emulator);
    await create(emulator);
    await call(emulator, "GET", "/v1/assets/99999999999");
    await call(emulator, "GET", "/v1/assets/1", { apiKey: "wrong" });
    const { bodies, fileParts, ...stats } = emulator.stats();
    const sha = createHash("sha256").update(pngBytes).digest("hex");
    expect(stats).toEqual({
      requests: { Assets_CreateAsset: 2, Assets_GetAsset: 2 },
      responses: { "200": 2, "404": 1, "401": 1 },
      creates: 2,
      contentUploads: { [sha]: 2 },
      faults: {},
    });
    // Only the two creates carried a body; each arrived whole, as declared.
    expect(bodies.map((body) => body.operationId)).toEqual(["Assets_CreateAsset", "Assets_CreateAsset"]);
    for (const body of bodies) expect(body.received).toBe(body.contentLength);
    // Each create's file part is recorded with the media type it declared.
    expect(fileParts.map((part) => [part.operationId, part.contentType])).toEqual([
      ["Assets_CreateAsset", "image/png"],
      ["Assets_CreateAsset", "image/png"],
    ]);
  });

  it("serves stats over HTTP without auth and resets them", async () => {
    await create(emulator);
    const origin = new URL(emulator.url).origin;
    const response = await fetch(`${origin}/_emulator/stats`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.creates).toBeGreaterThan(0);
    expect((await fetch(`${origin}/_emulator/reset-stats`, { method: "POST" })).status).toBe(204);
    expect(emulator.stats()).toEqual({
      requests: {},
      responses: {},
      creates: 0,
      contentUploads: {},
      faults: {},
      bodies: [],
      fileParts: [],
    });
  });
});
