// A Roblox model whose root is a KeyframeSequence or CurveAnimation is an animation: detection on .rbxmx
// (hand-written XML fixtures) and .rbxm (written by test/helpers/rbxm-writer.ts from the binary format's
// spec, each chunk compression), and a sync against the emulator that uploads it as Animation unless
// the input says otherwise.
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPipeline, detectFile } from "../src/node/index.js";
import { modelRootClass } from "../src/node/model-root.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { CREATOR } from "./helpers/fixtures.js";
import { type Compression, writeRbxm } from "./helpers/rbxm-writer.js";
import { readLock, tempProject } from "./pipeline-project.js";

const MODELS = fileURLToPath(new URL("fixtures/models/", import.meta.url));
const animation = [
  { className: "KeyframeSequence", parent: -1 },
  { className: "Keyframe", parent: 0 },
  { className: "Pose", parent: 1 },
];
const model = [
  { className: "Model", parent: -1 },
  { className: "Part", parent: 0 },
  { className: "KeyframeSequence", parent: 0 },
];

let emulator: RunningEmulator;
let project: Awaited<ReturnType<typeof tempProject>>;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator?.close());
beforeEach(async () => {
  project = await tempProject("rbxassets-animation-");
});
afterEach(() => project.dispose());

describe("the root class of a model file", () => {
  for (const compression of ["none", "lz4", "zstd"] as Compression[]) {
    it(`.rbxm with ${compression} chunks`, () => {
      expect(modelRootClass(writeRbxm(animation, compression), "rbxm")).toBe("KeyframeSequence");
      expect(modelRootClass(writeRbxm(model, compression), "rbxm")).toBe("Model");
      const curve = [
        { className: "CurveAnimation", parent: -1 },
        { className: "Folder", parent: 0 },
      ];
      expect(modelRootClass(writeRbxm(curve, compression), "rbxm")).toBe("CurveAnimation");
    });
  }

  it(".rbxmx: the first top-level Item, not one in a comment or nested", async () => {
    expect(modelRootClass(await readFile(join(MODELS, "Wave.rbxmx")), "rbxmx")).toBe("KeyframeSequence");
    expect(modelRootClass(await readFile(join(MODELS, "Crate.rbxmx")), "rbxmx")).toBe("Model");
  });

  it("a file it cannot read as a model has no root class (detection then says Model)", () => {
    const truncated = writeRbxm(animation, "lz4").subarray(0, 60);
    expect(modelRootClass(truncated, "rbxm")).toBeUndefined();
    expect(
      modelRootClass(Buffer.from("<roblox!\x89\xff\r\n\x1a\n\0\0garbage", "latin1"), "rbxm"),
    ).toBeUndefined();
  });
});

describe("detection and upload", () => {
  it("detectFile puts Animation first for an animation, Model for any other model", async () => {
    await writeFile(join(project.root, "Wave.rbxm"), writeRbxm(animation, "zstd"));
    await writeFile(join(project.root, "Crate.rbxm"), writeRbxm(model, "lz4"));
    await copyFile(join(MODELS, "Wave.rbxmx"), join(project.root, "Wave.rbxmx"));
    const types = async (file: string) => (await detectFile(join(project.root, file))).assetTypes;
    expect(await types("Wave.rbxm")).toEqual(["Animation", "Model"]);
    expect(await types("Wave.rbxmx")).toEqual(["Animation", "Model"]);
    expect(await types("Crate.rbxm")).toEqual(["Model", "Animation"]);
  });

  const env = () => ({
    RBXASSETS_API_KEY: emulator.apiKey,
    RBXASSETS_API_URL: emulator.url,
    RBXASSETS_CREATOR: `user:${CREATOR.userId}`,
  });

  it("sync uploads an animation as Animation once, a model as Model; an explicit type wins", async () => {
    await mkdir(join(project.root, "anims"));
    await writeFile(join(project.root, "anims/Wave.rbxm"), writeRbxm(animation, "lz4"));
    await copyFile(join(MODELS, "Wave.rbxmx"), join(project.root, "anims/Wave2.rbxmx"));
    await writeFile(join(project.root, "anims/Crate.rbxm"), writeRbxm(model, "none"));
    const first = await createPipeline({ root: project.root, env: env() }).sync(["anims"]);
    expect(first.failed).toEqual([]);
    expect(first.uploaded.map((a) => [a.file, a.assetType]).sort()).toEqual([
      ["anims/Crate.rbxm", "Model"],
      ["anims/Wave.rbxm", "Animation"],
      ["anims/Wave2.rbxmx", "Animation"],
    ]);
    const creates = emulator.stats().creates;
    const warm = await createPipeline({ root: project.root, env: env() }).sync(["anims"]);
    expect(warm.uploaded).toEqual([]);
    expect(warm.unchanged.map((a) => a.assetType).sort()).toEqual(["Animation", "Animation", "Model"]);
    expect(emulator.stats().creates).toBe(creates);

    // The input says Model: the same animation goes up as a Model.
    await writeFile(
      join(project.root, "anims/Wave.rbxm"),
      writeRbxm([...animation, { className: "Pose", parent: 1 }], "zstd"),
    );
    const explicit = await createPipeline({ root: project.root, env: env(), modelAssetType: "Model" }).sync([
      "anims/Wave.rbxm",
    ]);
    expect(explicit.uploaded.map((a) => a.assetType)).toEqual(["Model"]);
    expect((await readLock(project.root)).get("anims/Wave.rbxm")?.assetType).toBe("Model");
  });
});
