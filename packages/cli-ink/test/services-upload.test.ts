// The upload services the TUI calls, over loopback against the emulator: a batch is one pipeline call, so
// every upload is recorded in the lockfile and a later sync sends nothing again.
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createServiceContext } from "../src/services/context.js";
import { listLockedAssets } from "../src/services/lockfile.js";
import { syncPaths } from "../src/services/sync.js";
import { uploadFiles } from "../src/services/upload-batch.js";
import { SECRET_KEY } from "./helpers/cli.js";
import { CREATOR, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png } from "./helpers/files.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

test("a batch upload is recorded: the next sync of the same files uploads nothing", async () => {
  const root = await makeProject({ "a.png": png(1), "b.png": png(2), "c.png": "not a png" });
  const ctx = await createServiceContext({
    root,
    baseUrl: emulator.url,
    apiKey: SECRET_KEY,
    creator: CREATOR,
    env: {},
  });
  const creates = emulator.stats().creates;
  const report = await uploadFiles(ctx, [
    { file: "a.png", assetType: "Image", displayName: "A" },
    { file: "b.png", assetType: "Decal" },
    { file: "c.png", assetType: "Image" },
  ]);
  expect(report.done.map((a) => [a.file, a.assetType, a.status])).toEqual([
    ["a.png", "Image", "uploaded"],
    ["b.png", "Decal", "uploaded"],
  ]);
  expect(report.failed.map((f) => f.file)).toEqual(["c.png"]);
  expect(report.failed[0]?.reason).toMatch(/^c\.png: /);
  expect(emulator.stats().creates).toBe(creates + 2);
  expect((await listLockedAssets(ctx)).map((a) => a.file)).toEqual(["a.png", "b.png"]);

  const again = await syncPaths(ctx, ["a.png"]);
  expect(again.unchanged.map((a) => a.file)).toEqual(["a.png"]);
  expect(emulator.stats().creates).toBe(creates + 2);
});
