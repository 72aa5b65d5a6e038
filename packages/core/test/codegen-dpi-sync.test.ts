// DPI variants through a real project sync: `icon.png`, `icon@2x.png` and `icon@3x.png` are packed into
// the input's spritesheet like any image, and the module holds one `icon` entry, a function of the DPI scale
// whose every branch is that variant's sprite in the atlas.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { createPipeline, loadProject, syncProjectInputs } from "../src/node/index.js";
import { readLuauModule } from "../src/node/migrate/luau-module.js";
import { png, writeFiles } from "./pipeline-fixtures.js";
import { tempProject } from "./pipeline-project.js";

let emulator: RunningEmulator;
let project: Awaited<ReturnType<typeof tempProject>>;
beforeAll(async () => {
  emulator = await startEmulator({ operations: { pendingPolls: 0 }, rateLimits: false, creator: "user:42" });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  project = await tempProject("rbxassets-dpi-");
  emulator.resetStats();
});
afterEach(() => project.dispose());

it("variants pack into one spritesheet and the module picks one by DPI scale", async () => {
  await writeFiles(project.root, {
    "rbxassets.config.json": JSON.stringify({
      creator: "user:42",
      inputs: {
        icons: {
          include: "assets/icons/*.png",
          spritesheet: { maxSize: 64, padding: 2 },
          output: { luau: "src/Icons.luau", dts: "src/Icons.d.ts" },
        },
      },
    }),
    "assets/icons/icon.png": png(8, 8, 1),
    "assets/icons/icon@2x.png": png(16, 16, 2),
    "assets/icons/icon@3x.png": png(24, 24, 3),
    "assets/icons/star.png": png(8, 8, 4),
  });
  const loaded = (await loadProject(project.root))!;
  const report = await syncProjectInputs(loaded, loaded.inputs, {
    pipelineFor: () =>
      createPipeline({
        root: loaded.root,
        env: { RBXASSETS_API_KEY: emulator.apiKey, RBXASSETS_API_URL: emulator.url },
        creator: "user:42",
      }),
  });
  expect(report.failed).toEqual([]);
  expect(emulator.stats().creates).toBe(1); // one atlas holds all four images
  const sprites = report.uploaded as unknown as {
    file: string;
    assetId: string;
    sprite?: { width: number };
  }[];
  const byFile = Object.fromEntries(sprites.map((a) => [a.file, a]));
  expect(byFile["assets/icons/icon@3x.png"]?.sprite?.width).toBe(24);
  expect(new Set(sprites.map((a) => a.assetId)).size).toBe(1);

  const luau = await readFile(join(project.root, "src/Icons.luau"), "utf8");
  expect(Object.fromEntries(readLuauModule(luau))).toEqual({
    icon: { kind: "dpi" },
    star: { kind: "sprite" },
  });
  expect(luau).toMatch(
    /icon = function\(dpiScale\)\n\t\tif dpiScale >= 3 then\n\t\t\treturn \{ Image = "rbxassetid:\/\/\d+", ImageRectOffset = Vector2\.new\(\d+, \d+\), ImageRectSize = Vector2\.new\(24, 24\) \}/,
  );
  expect(await readFile(join(project.root, "src/Icons.d.ts"), "utf8")).toContain(
    "readonly icon: (dpiScale: number) => ",
  );
});
