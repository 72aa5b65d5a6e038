// `rbxassets sync --json` of a spritesheet input: every sprite names its rectangle and its atlas's id.
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
