import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPipeline, loadProject, type Project, syncProjectInputs } from "../src/node/index.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { readLock, tempProject } from "./pipeline-project.js";

let emulator: RunningEmulator;
let project: Awaited<ReturnType<typeof tempProject>>;

beforeAll(async () => {
  emulator = await startEmulator({ operations: { pendingPolls: 0 }, rateLimits: false, creator: "user:42" });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  project = await tempProject("rbxassets-projectsync-");
  emulator.resetStats();
});
afterEach(() => project.dispose());

const config = {
  creator: "user:42",
  lockfile: "locks/assets.lock.json",
  inputs: {
    ui: {
      include: "assets/ui/**/*.png",
      output: { luau: "src/shared/UI.luau", dts: "src/shared/UI.d.ts" },
    },
    decals: {
      include: ["assets/decals/*.png"],
      assetType: "Decal",
      output: { ts: "src/decals.ts", style: "flat" },
    },
  },
};

function sync(loaded: Project, names?: string[], check = false) {
  const inputs = names ? names.map((n) => loaded.input(n)!) : loaded.inputs;
  return syncProjectInputs(loaded, inputs, {
    check,
    pipelineFor: (input) =>
      createPipeline({
        root: loaded.root,
        lockfile: loaded.lockfile,
        imageAssetType: input.assetType,
        env: { RBXASSETS_API_KEY: emulator.apiKey, RBXASSETS_API_URL: emulator.url },
        creator: loaded.creator!,
      }),
  });
}

describe("a project sync", () => {
  it("syncs each input with its own options and writes modules holding all of its files", async () => {
    await writeFiles(project.root, {
      "rbxassets.config.json": JSON.stringify(config),
      "assets/ui/play.png": fixture("png", 1),
      "assets/ui/buttons/stop.png": fixture("png", 2),
      "assets/decals/wall.png": fixture("png", 3),
    });
    const loaded = (await loadProject(project.root))!;

    const check = await sync(loaded, undefined, true);
    expect(check.pending.sort()).toEqual([
      "assets/decals/wall.png",
      "assets/ui/buttons/stop.png",
      "assets/ui/play.png",
    ]);
    expect(check.modules).toEqual([]);
    await expect(stat(join(project.root, "src"))).rejects.toThrow();

    const first = await sync(loaded);
    expect(first.failed).toEqual([]);
    expect(first.uploaded).toHaveLength(3);
    expect(first.modules).toEqual(["src/shared/UI.luau", "src/shared/UI.d.ts", "src/decals.ts"]);
    const lock = await readLock(project.root, "locks/assets.lock.json");
    expect(lock.get("assets/decals/wall.png")?.assetType).toBe("Decal");
    expect(lock.get("assets/ui/play.png")?.assetType).toBe("Image");
    const luau = await readFile(join(project.root, "src/shared/UI.luau"), "utf8");
    const play = lock.get("assets/ui/play.png")!.assetId;
    const stop = lock.get("assets/ui/buttons/stop.png")!.assetId;
    expect(luau).toContain(`\tplay = "rbxassetid://${play}",`);
    expect(luau).toContain(`\t\tstop = "rbxassetid://${stop}",`);
    expect(await readFile(join(project.root, "src/decals.ts"), "utf8")).toContain(
      `wall: "rbxassetid://${lock.get("assets/decals/wall.png")!.assetId}"`,
    );

    // Nothing changed: nothing uploaded, no module rewritten.
    const creates = emulator.stats().creates;
    const again = await sync(loaded);
    expect(again.unchanged).toHaveLength(3);
    expect(again.modules).toEqual([]);
    expect(emulator.stats().creates).toBe(creates);

    // One input alone still writes its module with every file it holds; a deleted file leaves it.
    await rm(join(project.root, "assets/ui/buttons/stop.png"));
    await writeFiles(project.root, { "assets/ui/new.png": fixture("png", 4) });
    const reloaded = (await loadProject(project.root))!;
    const partial = await sync(reloaded, ["ui"]);
    expect(partial.uploaded.map((a) => a.file)).toEqual(["assets/ui/new.png"]);
    expect(partial.modules).toEqual(["src/shared/UI.luau", "src/shared/UI.d.ts"]);
    const after = await readFile(join(project.root, "src/shared/UI.luau"), "utf8");
    expect(after).toContain(`\tplay = "rbxassetid://${play}",`);
    expect(after).toMatch(/\tnew = "rbxassetid:\/\/\d+",/);
    expect(after).not.toContain("stop");
  });
});
