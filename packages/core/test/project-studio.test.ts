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
});
