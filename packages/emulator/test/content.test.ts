// The test-only content read-back: with keepContent, the bytes an upload sent can be fetched back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import { createAsset, pngBytes, startTestEmulator } from "./harness.js";

let keeping: RunningEmulator;
let plain: RunningEmulator;
beforeAll(async () => {
  [keeping, plain] = await Promise.all([startTestEmulator({ keepContent: true }), startTestEmulator()]);
});
afterAll(() => Promise.all([keeping.close(), plain.close()]));

const contentOf = (emulator: RunningEmulator, assetId: string) =>
  fetch(`${new URL(emulator.url).origin}/_emulator/assets/${assetId}/content`);

describe("GET /_emulator/assets/:id/content", () => {
  it("serves the uploaded bytes when the emulator keeps content", async () => {
    const asset = await createAsset(keeping);
    const response = await contentOf(keeping, asset.assetId);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(pngBytes));
  });

  it("answers 404 when it does not (the default), or for an unknown asset", async () => {
    const asset = await createAsset(plain);
    expect((await contentOf(plain, asset.assetId)).status).toBe(404);
    expect((await contentOf(keeping, "99999999999")).status).toBe(404);
  });
});
