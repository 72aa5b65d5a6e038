// `rbxassets sync --json` of a spritesheet input: every sprite names its rectangle and its atlas's id.
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { json, runCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png } from "./helpers/files.js";

interface Entry {
  file: string;
  assetId: string;
  uri: string;
  sprite?: { x: number; y: number; width: number; height: number };
}

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

test("sprites come back with their rectangle and the atlas's id; a second run uploads nothing", async () => {
  const root = await makeProject({
    "rbxassets.config.json": JSON.stringify({
      inputs: { icons: { include: "icons/*.png", spritesheet: true } },
    }),
    "icons/a.png": png(1),
    "icons/b.png": png(2),
    "icons/c.png": png(3),
  });
  const first = await runCli(["sync", "--json"], { cwd: root, env: cliEnv(emulator) });
  expect(first.code, first.stderr).toBe(0);
  const uploaded = json<{ uploaded: Entry[] }>(first).uploaded;
  expect(uploaded.map((entry) => entry.file).sort()).toEqual(["icons/a.png", "icons/b.png", "icons/c.png"]);
  const atlases = new Set(uploaded.map((entry) => entry.assetId));
  expect(atlases.size).toBe(1);
  for (const entry of uploaded) {
    expect(entry.sprite).toEqual({ x: expect.any(Number), y: expect.any(Number), width: 1, height: 1 });
    expect(entry.uri).toBe(`rbxassetid://${entry.assetId}`);
  }
  // Three 1x1 sprites, each in its own place.
  expect(new Set(uploaded.map((entry) => `${entry.sprite?.x},${entry.sprite?.y}`)).size).toBe(3);
  expect(emulator.stats().creates).toBe(1);

  const second = await runCli(["sync", "--json"], { cwd: root, env: cliEnv(emulator) });
  expect(second.code, second.stderr).toBe(0);
  expect(json<{ uploaded: Entry[] }>(second).uploaded).toEqual([]);
  expect(emulator.stats().creates).toBe(1);
});

test("the layout stays when a sprite leaves; --repack packs the sheet afresh", async () => {
  const config = JSON.stringify({ inputs: { icons: { include: "icons/*.png", spritesheet: true } } });
  const env = cliEnv(emulator);
  const spriteOf = async (root: string, args: string[], file: string) => {
    const result = await runCli(["sync", "--json", ...args], { cwd: root, env });
    expect(result.code, result.stderr).toBe(0);
    const { uploaded, unchanged } = json<{ uploaded: Entry[]; unchanged: Entry[] }>(result);
    return [...uploaded, ...unchanged].find((entry) => entry.file === file)?.sprite;
  };
  // Where a fresh packing puts b alone.
  const fresh = await spriteOf(
    await makeProject({ "rbxassets.config.json": config, "icons/b.png": png(2) }),
    [],
    "icons/b.png",
  );
  const root = await makeProject({
    "rbxassets.config.json": config,
    "icons/a.png": png(1),
    "icons/b.png": png(2),
  });
  const before = await spriteOf(root, [], "icons/b.png");
  expect(before).not.toEqual(fresh); // a took the first place: otherwise this test shows nothing
  await rm(join(root, "icons/a.png"));
  expect(await spriteOf(root, [], "icons/b.png")).toEqual(before);
  expect(await spriteOf(root, ["--repack"], "icons/b.png")).toEqual(fresh);
});
