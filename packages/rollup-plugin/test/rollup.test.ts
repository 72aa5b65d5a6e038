import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rollupBuild } from "./build.js";
import {
  assetUris,
  CREATOR,
  FIXTURE,
  readLockfile,
  SECRET_KEY,
  useEmulator,
  writeProjectFile,
} from "./helpers.js";

const FIXTURE_IMAGES = join(FIXTURE, "src/images");

const ctx = useEmulator();

const ALL_KINDS = `
import red from "./images/red.png";
import blue from "./images/blue.png";
import checker from "./images/checker.bmp";
import sky from "./images/sky.tga";
import crate from "./models/crate.rbxm";
import tree from "./models/tree.rbxmx";
import ship from "./models/ship.glb";
import rock from "./models/rock.gltf";
export { red, blue, checker, sky, crate, tree, ship, rock };
`;
const PATHS = {
  red: "src/images/red.png",
  blue: "src/images/blue.png",
  checker: "src/images/checker.bmp",
  sky: "src/images/sky.tga",
  crate: "src/models/crate.rbxm",
  tree: "src/models/tree.rbxmx",
  ship: "src/models/ship.glb",
  rock: "src/models/rock.gltf",
};

describe("rollup build", () => {
  it("turns image and model imports into their asset ids and emits no copy of the files", async () => {
    const root = await ctx.project({ "src/main.js": ALL_KINDS });
    const result = await rollupBuild(root, { env: ctx.env() });

    const lock = await readLockfile(root);
    for (const [name, path] of Object.entries(PATHS)) {
      expect(lock[path], path).toBeDefined();
      expect(result.exports[name]).toBe(`rbxassetid://${lock[path]!.assetId}`);
      expect(result.code).toContain(`"rbxassetid://${lock[path]!.assetId}"`);
    }
    expect(new Set(Object.values(lock).map((entry) => entry.assetId)).size).toBe(8);
    expect(result.assets).toEqual([]);
    expect(result.code).not.toContain("data:");
    expect(ctx.emulator.stats().creates).toBe(8);
    expect(result.warnings).toEqual([]);
  });

  it("builds again from the lockfile alone: no credentials, no request, same ids", async () => {
    const root = await ctx.project({ "src/main.js": ALL_KINDS });
    const first = await rollupBuild(root, { env: ctx.env() });
    ctx.emulator.resetStats();

    const second = await rollupBuild(root, { env: ctx.envWithoutCredentials() });
    expect(second.exports).toEqual(first.exports);
    expect(ctx.requestCount()).toBe(0);
  });

  it("uploads each content once, even when several files and imports share it", async () => {
    const root = await ctx.project({
      "src/main.js": `
        import a from "./images/red.png";
        import b from "./images/red-copy.png";
        import { again } from "./other.js";
        export { a, b, again };`,
      "src/other.js": `export { default as again } from "./images/red.png";`,
    });
    const result = await rollupBuild(root, { env: ctx.env() });

    expect(ctx.emulator.stats().creates).toBe(1);
    expect(Object.values(ctx.emulator.stats().contentUploads)).toEqual([1]);
    expect(result.exports.a).toMatch(/^rbxassetid:\/\/\d+$/);
    expect(result.exports.b).toBe(result.exports.a);
    expect(result.exports.again).toBe(result.exports.a);
    const lock = await readLockfile(root);
    expect(lock["src/images/red-copy.png"]?.assetId).toBe(lock["src/images/red.png"]?.assetId);
  });

  it("uploads a changed model as a new version of the same asset: the id in the bundle stays", async () => {
    const root = await ctx.project({
      "src/main.js": `export { default as crate } from "./models/crate.rbxm";`,
    });
    const first = await rollupBuild(root, { env: ctx.env() });
    const before = (await readLockfile(root))["src/models/crate.rbxm"];
    ctx.emulator.resetStats();

    const original = await readFile(join(root, "src/models/crate.rbxm"));
    await writeProjectFile(root, "src/models/crate.rbxm", Buffer.concat([original, Buffer.from("v2")]));
    const second = await rollupBuild(root, { env: ctx.env() });

    expect(second.exports.crate).toBe(first.exports.crate);
    expect(ctx.emulator.stats().creates).toBe(0);
    expect(ctx.emulator.stats().requests.Assets_UpdateAsset).toBe(1);
    const after = (await readLockfile(root))["src/models/crate.rbxm"] as Record<string, string>;
    expect(after.assetId).toBe(before?.assetId);
    expect(after.hash).not.toBe((before as Record<string, string>).hash);
  });

  it("fails the build with the file's path and the reason when a file is not what its extension says", async () => {
    const root = await ctx.project({
      "src/main.js": `import ok from "./images/red.png"; import bad from "./bad/corrupt.png"; export { ok, bad };`,
    });
    const error = await rollupBuild(root, { env: ctx.env() }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain("src/bad/corrupt.png");
    expect(error?.message).toMatch(/not a valid \.png/);
    expect(error?.message).not.toContain("\n");
  });

  it("fails the build when moderation rejects a file, and ships no id for it", async () => {
    const root = await ctx.project({ "src/main.js": `export { default as x } from "./bad/forbidden.png";` });
    await expect(rollupBuild(root, { env: ctx.env() })).rejects.toThrow(
      /src\/bad\/forbidden\.png: moderation rejected/,
    );
    const lock = await readLockfile(root).catch(() => ({}) as Record<string, unknown>);
    expect(lock["src/bad/forbidden.png"]).toBeUndefined();
  });

  it("warns, naming the file, when moderation is still reviewing an upload", async () => {
    const blue = await readFile(join(FIXTURE_IMAGES, "blue.png"));
    const root = await ctx.project({
      "src/main.js": `export { default as pending } from "./images/pending.png";`,
      // Bytes after IEND keep it a valid PNG with its own content.
      "src/images/pending.png": Buffer.concat([blue, Buffer.from("pending")]),
    });
    const result = await rollupBuild(root, { env: ctx.env() });
    expect(result.exports.pending).toMatch(/^rbxassetid:\/\/\d+$/);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/src\/images\/pending\.png: moderation is still reviewing/),
    ]);
  });

  it("fails a build that needs an upload without credentials, naming the variable to set", async () => {
    const root = await ctx.project({ "src/main.js": `export { default as red } from "./images/red.png";` });
    const error = await rollupBuild(root, { env: ctx.envWithoutCredentials() }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain("src/images/red.png");
    expect(error?.message).toContain("RBXASSETS_API_KEY");
    expect(error?.message).toContain("the plugin's apiKey option");
    expect(ctx.requestCount()).toBe(0);
  });

  it("never puts the key into the bundle, the lockfile, warnings or errors", async () => {
    const root = await ctx.project({ "src/main.js": ALL_KINDS });
    const result = await rollupBuild(root, {
      apiKey: SECRET_KEY,
      env: ctx.envWithoutCredentials(),
      manifest: true,
    });
    const written = await readFile(join(root, "rbxassets.lock.json"), "utf8");
    const manifest = String(result.assets[0]?.source);
    for (const text of [result.code, written, manifest, JSON.stringify(result.warnings)]) {
      expect(text).not.toContain(SECRET_KEY);
    }

    const wrongKey = `${SECRET_KEY}-wrong`;
    const other = await ctx.project({
      "src/main.js": `export { default as blue } from "./images/blue.png";`,
    });
    const error = await rollupBuild(other, { apiKey: wrongKey, env: ctx.envWithoutCredentials() }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain("src/images/blue.png");
    expect(`${error?.message} ${error?.stack}`).not.toContain(wrongKey);
  });

  it("explicit options win over the environment, which wins over .env", async () => {
    const root = await ctx.project({
      "src/main.js": `export { default as red } from "./images/red.png";`,
      ".env": `RBXASSETS_API_KEY=${SECRET_KEY}\nRBXASSETS_CREATOR=${CREATOR}\nRBXASSETS_API_URL=${ctx.emulator.url}\n`,
    });
    // .env alone is enough to build.
    await rollupBuild(root, { env: {} });
    expect(ctx.emulator.stats().creates).toBe(1);
    // The environment's wrong key beats .env; the explicit option beats the environment.
    await writeProjectFile(root, "src/main.js", `export { default as blue } from "./images/blue.png";`);
    await expect(rollupBuild(root, { env: { RBXASSETS_API_KEY: "wrong" } })).rejects.toThrow(
      /src\/images\/blue\.png/,
    );
    await rollupBuild(root, { env: { RBXASSETS_API_KEY: "wrong" }, apiKey: SECRET_KEY });
    expect(ctx.emulator.stats().creates).toBe(2);
  });

  it("opts any supported file in with ?rbxasset, also one that exclude leaves out", async () => {
    const root = await ctx.project({
      "src/main.js": `export { default as blue } from "./images/blue.png?rbxasset";`,
    });
    const result = await rollupBuild(root, { env: ctx.env(), exclude: ["**/images/**"] });
    const lock = await readLockfile(root);
    expect(result.exports.blue).toBe(`rbxassetid://${lock["src/images/blue.png"]?.assetId}`);
  });

  it("uploads audio with audio: true", async () => {
    const root = await ctx.project({ "src/main.js": `export { default as ping } from "./sounds/ping.wav";` });
    const result = await rollupBuild(root, { env: ctx.env(), audio: true });
    const lock = await readLockfile(root);
    expect(result.exports.ping).toBe(`rbxassetid://${lock["src/sounds/ping.wav"]?.assetId}`);
  });

  it("serves virtual:rbxassets from the lockfile and emits the map as a manifest", async () => {
    const root = await ctx.project({ "src/main.js": ALL_KINDS });
    await rollupBuild(root, { env: ctx.env() });
    const lock = await readLockfile(root);
    const expected = Object.fromEntries(
      Object.entries(lock).map(([path, entry]) => [path, `rbxassetid://${entry.assetId}`]),
    );

    await writeProjectFile(
      root,
      "src/main.js",
      `import assets, { assetUri } from "virtual:rbxassets";
       import red from "./images/red.png";
       export const all = assets;
       export const byPath = assetUri("src/images/red.png");
       export const direct = red;
       export let unknown;
       try { assetUri("nope.png"); } catch (error) { unknown = error.message; }`,
    );
    const result = await rollupBuild(root, { env: ctx.envWithoutCredentials(), manifest: "ids.json" });
    expect(result.exports.all).toEqual(expected);
    expect(result.exports.byPath).toBe(result.exports.direct);
    expect(result.exports.unknown).toContain("nope.png");
    expect(result.assets.map((asset) => asset.fileName)).toEqual(["ids.json"]);
    expect(JSON.parse(String(result.assets[0]?.source))).toEqual(expected);
    expect(assetUris(result.code).length).toBeGreaterThanOrEqual(8);
  });

  it("puts ids uploaded by the same build into virtual:rbxassets", async () => {
    const root = await ctx.project({
      "src/main.js": `
        import assets, { assetUri } from "virtual:rbxassets";
        import "./late.js";
        export const all = assets;
        export const crate = assetUri("src/models/crate.rbxm");`,
      // Imported after the virtual module: its upload finishes after the virtual module is loaded.
      "src/late.js": `import crate from "./models/crate.rbxm"; import red from "./images/red.png"; export { crate, red };`,
    });
    const result = await rollupBuild(root, { env: ctx.env() });
    const lock = await readLockfile(root);
    expect(result.exports.all).toEqual({
      "src/images/red.png": `rbxassetid://${lock["src/images/red.png"]?.assetId}`,
      "src/models/crate.rbxm": `rbxassetid://${lock["src/models/crate.rbxm"]?.assetId}`,
    });
    expect(result.exports.crate).toBe(`rbxassetid://${lock["src/models/crate.rbxm"]?.assetId}`);
    expect(result.warnings).toEqual([]);
  });

  it("emits rbxassets.json with manifest: true, including ids resolved in the same build", async () => {
    const root = await ctx.project({ "src/main.js": `export { default as red } from "./images/red.png";` });
    const result = await rollupBuild(root, { env: ctx.env(), manifest: true });
    expect(result.assets.map((asset) => asset.fileName)).toEqual(["rbxassets.json"]);
    expect(JSON.parse(String(result.assets[0]?.source))).toEqual({
      "src/images/red.png": result.exports.red,
    });
  });
});
