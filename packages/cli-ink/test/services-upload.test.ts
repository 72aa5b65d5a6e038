// The upload services the TUI calls, over loopback against the emulator: a batch is one pipeline call, so
// every upload is recorded in the lockfile and a later sync sends nothing again, and a batch the audio quota
// has no room for sends nothing at all.
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createServiceContext } from "../src/services/context.js";
import { listLockedAssets } from "../src/services/lockfile.js";
import { syncPaths } from "../src/services/sync.js";
import { uploadFiles } from "../src/services/upload-batch.js";
import { SECRET_KEY } from "./helpers/cli.js";
import { CREATOR, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png, wav } from "./helpers/files.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

const contextFor = (root: string) =>
  createServiceContext({ root, baseUrl: emulator.url, apiKey: SECRET_KEY, creator: CREATOR, env: {} });

test("a batch upload is recorded: the next sync of the same files uploads nothing", async () => {
  const root = await makeProject({ "a.png": png(1), "b.png": png(2), "c.png": "not a png" });
  const ctx = await contextFor(root);
  const creates = emulator.stats().creates;
  // Each failure is told as it happens: c.png is refused before any request, so before a.png is done.
  const told: string[] = [];
  const report = await uploadFiles(
    ctx,
    [
      { file: "a.png", assetType: "Image", displayName: "A" },
      { file: "b.png", assetType: "Decal" },
      { file: "c.png", assetType: "Image" },
    ],
    {
      onFailed: (failure) => told.push(`failed ${failure.file} ${failure.reason}`),
      onEvent: (event) => {
        if (event.type === "done") told.push(`done ${event.asset.file}`);
      },
    },
  );
  expect(told.filter((t) => t.startsWith("failed"))).toEqual([`failed c.png ${report.failed[0]?.reason}`]);
  expect(told.indexOf(`failed c.png ${report.failed[0]?.reason}`)).toBeLessThan(told.indexOf("done a.png"));
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

test("a batch upload of a file in an input takes its options (one resolver): a sync of the input sends nothing", async () => {
  const root = await makeProject({
    "rbxassets.config.json": JSON.stringify({ inputs: { ui: { include: "ui/*.png", alphaBleed: false } } }),
    "ui/a.png": png(11),
  });
  const ctx = await contextFor(root);
  const report = await uploadFiles(ctx, [{ file: "ui/a.png", assetType: "Image" }]);
  expect(report.done.map((a) => [a.file, a.status])).toEqual([["ui/a.png", "uploaded"]]);
  const { requests } = emulator.stats();
  const sum = Object.values(requests).reduce((a, b) => a + b, 0);
  // A bare sync: every input, each with its own options.
  const again = await syncPaths(ctx, []);
  expect(again.unchanged.map((a) => a.file)).toEqual(["ui/a.png"]);
  expect(Object.values(emulator.stats().requests).reduce((a, b) => a + b, 0)).toBe(sum);
});

test("a batch whose audio does not fit the quota stops before any upload, as a sync does", async () => {
  const full = await startTestEmulator({
    quotas: [{ creator: CREATOR, assetType: "Audio", capacity: 5, usage: 5 }],
  });
  try {
    const root = await makeProject({ "a.png": png(21), "sfx/click.wav": wav() });
    const ctx = await createServiceContext({
      root,
      baseUrl: full.url,
      apiKey: SECRET_KEY,
      creator: CREATOR,
      env: {},
    });
    const uploads = [
      { file: "a.png", assetType: "Image" as const },
      { file: "sfx/click.wav", assetType: "Audio" as const },
    ];
    const error = await uploadFiles(ctx, uploads).catch((e: unknown) => e);
    expect(error).toMatchObject({ rule: "quota", facts: { assetType: "Audio", toUpload: 1, left: 0 } });
    expect(full.stats().creates).toBe(0);
  } finally {
    await full.close();
  }
});
