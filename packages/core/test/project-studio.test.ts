import { mkdir, readFile, utimes } from "node:fs/promises";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createPipeline,
  findStudioContent,
  loadProject,
  type Project,
  type ProjectInput,
  syncProjectInputs,
  syncStudio,
} from "../src/node/index.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { tempProject } from "./pipeline-project.js";
import { decode, encode, iconPixels, pixel } from "./process-fixtures.js";

let project: Awaited<ReturnType<typeof tempProject>>;
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ operations: { pendingPolls: 0 }, rateLimits: false, creator: "user:42" });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  project = await tempProject("rbxassets-studio-");
});
afterEach(() => project.dispose());

describe("finding Studio's content folder", () => {
  it("takes RBXASSETS_STUDIO_CONTENT first", async () => {
    expect(
      await findStudioContent({ env: { RBXASSETS_STUDIO_CONTENT: "/x/content" }, platform: "linux" }),
    ).toBe("/x/content");
  });

  it("on Windows, the newest version folder that holds RobloxStudioBeta.exe", async () => {
    const versions = join(project.root, "AppData/Local/Roblox/Versions");
    await writeFiles(versions, {
      "version-old/RobloxStudioBeta.exe": "old",
      "version-new/RobloxStudioBeta.exe": "new",
      "version-player/RobloxPlayerBeta.exe": "player, not studio",
    });
    await utimes(join(versions, "version-old/RobloxStudioBeta.exe"), 1_000, 1_000);
    await utimes(join(versions, "version-new/RobloxStudioBeta.exe"), 2_000, 2_000);
    await utimes(join(versions, "version-player/RobloxPlayerBeta.exe"), 3_000, 3_000);
    const found = await findStudioContent({
      env: { LOCALAPPDATA: join(project.root, "AppData/Local") },
      platform: "win32",
    });
    expect(found).toBe(join(versions, "version-new", "content"));
    expect(
      await findStudioContent({ env: {}, platform: "win32", localAppData: join(project.root, "none") }),
    ).toBeUndefined();
  });

  it("on macOS, the content folder inside RobloxStudio.app", async () => {
    const apps = join(project.root, "Applications");
    expect(await findStudioContent({ env: {}, platform: "darwin", applications: apps })).toBeUndefined();
    const content = join(apps, "RobloxStudio.app/Contents/Resources/content");
    await mkdir(content, { recursive: true });
    expect(await findStudioContent({ env: {}, platform: "darwin", applications: apps })).toBe(content);
  });
});

describe("the Studio target", () => {
  it("copies images into content/rbxassets/<project>/, points modules at them, and a cloud sync switches back", async () => {
    const root = join(project.root, "my game");
    const content = join(project.root, "studio-content");
    await writeFiles(root, {
      "rbxassets.config.json": JSON.stringify({
        creator: "user:42",
        inputs: { ui: { include: ["assets/**/*.png", "assets/**/*.rbxm"], output: { luau: "src/UI.luau" } } },
      }),
      "assets/play.png": fixture("png", 1),
      "assets/models/crate.rbxm": fixture("rbxm"),
    });
    const loaded = (await loadProject(root)) as Project;
    const pipelineFor = (_input: ProjectInput) =>
      createPipeline({
        root,
        env: { RBXASSETS_API_KEY: emulator.apiKey, RBXASSETS_API_URL: emulator.url },
        creator: "user:42",
      });
    const creates = emulator.stats().creates;

    const studio = await syncStudio(loaded, loaded.inputs, { content, pipelineFor });
    expect(emulator.stats().creates).toBe(creates);
    expect(studio.copied).toEqual(["assets/play.png"]);
    expect(await readFile(join(content, "rbxassets/my_game/assets/play.png"))).toEqual(fixture("png", 1));
    expect(studio.notes).toEqual([
      {
        file: "assets/models/crate.rbxm",
        note: "left out of the modules: Studio serves only images from content, and it is not uploaded yet (run rbxassets sync)",
      },
    ]);
    expect(await readFile(join(root, "src/UI.luau"), "utf8")).toContain(
      'play = "rbxasset://rbxassets/my_game/assets/play.png",',
    );

    // A cloud sync writes ids; Studio again: the model keeps its cloud id, the image its content path.
    const cloud = await syncProjectInputs(loaded, loaded.inputs, { pipelineFor });
    expect(cloud.failed).toEqual([]);
    const cloudLuau = await readFile(join(root, "src/UI.luau"), "utf8");
    expect(cloudLuau).toMatch(/play = "rbxassetid:\/\/\d+",/);
    expect(cloudLuau).toMatch(/crate = "rbxassetid:\/\/\d+",/);
    const again = await syncStudio(loaded, loaded.inputs, { content, pipelineFor });
    expect(again.unchanged).toEqual(["assets/play.png"]);
    expect(again.notes[0]?.note).toMatch(
      /^keeps its cloud id rbxassetid:\/\/\d+ \(Studio serves only images/,
    );
    const studioLuau = await readFile(join(root, "src/UI.luau"), "utf8");
    expect(studioLuau).toContain('play = "rbxasset://rbxassets/my_game/assets/play.png",');
    expect(studioLuau).toMatch(/crate = "rbxassetid:\/\/\d+",/);
  });

  /** A project under `root` with one input `ui` (the given options) and a Luau, .d.ts and TS module. */
  async function studioProject(input: Record<string, unknown>, files: Record<string, Buffer | string>) {
    const root = join(project.root, "game");
    const content = join(project.root, "studio-content");
    const output = { luau: "src/UI.luau", dts: "src/UI.d.ts", ts: "src/ui.ts" };
    await writeFiles(root, {
      "rbxassets.config.json": JSON.stringify({
        inputs: { ui: { include: "assets/**/*", output, ...input } },
      }),
      ...files,
    });
    const loaded = (await loadProject(root)) as Project;
    const pipelineFor = () => createPipeline({ root, env: {} });
    const run = () => syncStudio(loaded, loaded.inputs, { content, pipelineFor });
    const module = (path: string) => readFile(join(root, path), "utf8");
    return { root, content: join(content, "rbxassets/game"), run, module };
  }

  it("sprites keep their shape: Image is the atlas's rbxasset:// path, written once", async () => {
    const { content, run, module } = await studioProject(
      { spritesheet: { maxSize: 64, padding: 2 } },
      {
        "assets/a.png": await encode(iconPixels(16, 16, 1)),
        "assets/b.png": await encode(iconPixels(20, 12, 2)),
      },
    );
    const report = await run();
    expect(report.failed).toEqual([]);
    expect(report.copied).toEqual([".atlases/ui-0.png"]);
    const atlas = await decode(await readFile(join(content, ".atlases/ui-0.png")));
    const luau = await module("src/UI.luau");
    const image = "rbxasset://rbxassets/game/.atlases/ui-0.png";
    expect(luau).toMatch(
      /a = \{ Image = "rbxasset:\/\/rbxassets\/game\/\.atlases\/ui-0\.png", ImageRectOffset = Vector2\.new\(\d+, \d+\), ImageRectSize = Vector2\.new\(16, 16\) \},/,
    );
    expect(luau).toMatch(
      /b = \{ Image = ".*", ImageRectOffset = Vector2\.new\(\d+, \d+\), ImageRectSize = Vector2\.new\(20, 12\) \},/,
    );
    expect(await module("src/UI.d.ts")).toContain(
      `\treadonly a: {\n\t\treadonly Image: "${image}";\n\t\treadonly ImageRectOffset: Vector2;\n\t\treadonly ImageRectSize: Vector2;\n\t};`,
    );
    const ts = await module("src/ui.ts");
    const rect = ts.match(
      /a: \{ Image: "(.*)", ImageRectOffset: \{ X: (\d+), Y: (\d+) \}, ImageRectSize: \{ X: 16, Y: 16 \} \}/,
    );
    expect(rect?.[1]).toBe(image);
    // The sprite's pixels sit in the atlas at its rect, bled like a cloud upload (opaque colour, alpha 0).
    const [x, y] = [Number(rect![2]), Number(rect![3])];
    expect(pixel(atlas, x + 5, y + 5)[3]).toBe(255);
    const corner = pixel(atlas, x, y);
    expect(corner[3]).toBe(0);
    expect(corner.slice(0, 3)).not.toEqual([0, 0, 0]);
    // A second run writes nothing new.
    expect((await run()).unchanged).toEqual([".atlases/ui-0.png"]);
  });

  it("processes images as for the cloud: bleeds transparent pixels, renders SVG to PNG", async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"><rect width="5" height="20" fill="#ff0000"/></svg>';
    const { content, run, module } = await studioProject(
      {},
      { "assets/icon.png": await encode(iconPixels(16, 16, 3)), "assets/bar.svg": svg },
    );
    const report = await run();
    expect(report.failed).toEqual([]);
    expect(report.copied).toEqual(["assets/bar.svg", "assets/icon.png"]);
    const icon = await decode(await readFile(join(content, "assets/icon.png")));
    // The transparent border took its neighbour's colour; before, it was black.
    expect(pixel(icon, 0, 0)[3]).toBe(0);
    expect(pixel(icon, 0, 0).slice(0, 3)).not.toEqual([0, 0, 0]);
    const bar = await readFile(join(content, "assets/bar.png"));
    expect(bar.subarray(1, 4).toString()).toBe("PNG");
    expect((await decode(bar)).width).toBe(10);
    const luau = await module("src/UI.luau");
    expect(luau).toContain('bar = "rbxasset://rbxassets/game/assets/bar.png",');
    expect(luau).toContain('icon = "rbxasset://rbxassets/game/assets/icon.png",');
  });

  it("fails a corrupt PNG as a cloud sync would, and still writes the rest", async () => {
    const good = await encode(iconPixels(16, 16, 4));
    const corrupt = Buffer.concat([good.subarray(0, 40), Buffer.alloc(40, 7)]);
    const { content, run, module } = await studioProject(
      {},
      { "assets/good.png": good, "assets/broken.png": corrupt },
    );
    const report = await run();
    expect(report.failed).toEqual([
      { file: "assets/broken.png", reason: expect.stringMatching(/^assets\/broken\.png: .* — /) },
    ]);
    expect(report.copied).toEqual(["assets/good.png"]);
    await expect(readFile(join(content, "assets/broken.png"))).rejects.toThrow(/ENOENT/);
    expect(await module("src/UI.luau")).not.toContain("broken");
  });
});
