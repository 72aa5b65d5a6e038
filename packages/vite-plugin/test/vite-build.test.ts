import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Rollup } from "vite";
import { beforeAll, describe, expect, it } from "vitest";
import rbxassets, { type ViteRbxassetsOptions } from "../src/index.js";
import { assetUris, readLockfile, SECRET_KEY, useEmulator, writeProjectFile } from "./helpers.js";
import { collectingLogger } from "./vite-config.js";
import { VITE_VERSIONS, type ViteApi } from "./vite-versions.js";

const ctx = useEmulator();

const HTML = `<!doctype html><html><body><script type="module" src="/src/main.js"></script></body></html>`;
const MAIN = `
import red from "./images/red.png";
import checker from "./images/checker.bmp";
import crate from "./models/crate.rbxm";
import ship from "./models/ship.glb";
globalThis.result = { red, checker, crate, ship };
`;

describe.each(VITE_VERSIONS)("%s build", (_name, loadVite) => {
  let vite: ViteApi;
  beforeAll(async () => {
    vite = await loadVite();
  });

  async function viteBuild(root: string, options: ViteRbxassetsOptions = {}, infos?: string[]) {
    const result = (await vite.build({
      root,
      configFile: false,
      envFile: false,
      // With `infos`, the build's info lines are collected through Vite's logger, as a terminal shows them.
      ...(infos ? { logLevel: "info", customLogger: collectingLogger(infos) } : { logLevel: "silent" }),
      build: { write: false, assetsInlineLimit: 0, modulePreload: { polyfill: false } },
      plugins: [rbxassets(options)],
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const output = (Array.isArray(result) ? result : [result]).flatMap((item) => item.output);
    const chunks = output.filter((item): item is Rollup.OutputChunk => item.type === "chunk");
    const assets = output.filter((item): item is Rollup.OutputAsset => item.type === "asset");
    return { code: chunks.map((chunk) => chunk.code).join("\n"), assets };
  }

  it("puts the ids into the bundle and emits no copy of the files", async () => {
    const root = await ctx.project({ "index.html": HTML, "src/main.js": MAIN });
    const { code, assets } = await viteBuild(root, { env: ctx.env() });

    const lock = await readLockfile(root);
    expect(Object.keys(lock).sort()).toEqual([
      "src/images/checker.bmp",
      "src/images/red.png",
      "src/models/crate.rbxm",
      "src/models/ship.glb",
    ]);
    expect(assetUris(code).sort()).toEqual(
      Object.values(lock)
        .map((entry) => `rbxassetid://${entry.assetId}`)
        .sort(),
    );
    expect(assets.map((asset) => asset.fileName)).toEqual(["index.html"]);
    expect(code).not.toContain("data:image");
    expect(ctx.emulator.stats().creates).toBe(4);
  });

  it("builds again from the lockfile with no credentials and no request", async () => {
    const root = await ctx.project({ "index.html": HTML, "src/main.js": MAIN });
    const first = await viteBuild(root, { env: ctx.env() });
    ctx.emulator.resetStats();
    const second = await viteBuild(root, { env: ctx.envWithoutCredentials() });
    expect(assetUris(second.code)).toEqual(assetUris(first.code));
    expect(ctx.requestCount()).toBe(0);
  });

  it("leaves ?url, ?raw, ?inline and excluded files to Vite; ?rbxasset opts a file in", async () => {
    const root = await ctx.project({
      "index.html": HTML,
      "src/main.js": `
        import url from "./images/red.png?url";
        import inline from "./images/red-copy.png?inline";
        import raw from "./models/tree.rbxmx?raw";
        import excluded from "./images/blue.png";
        import optedIn from "./images/checker.bmp?rbxasset";
        globalThis.result = { url, inline, raw, excluded, optedIn };`,
    });
    const { code, assets } = await viteBuild(root, { env: ctx.env(), exclude: ["**/blue.*"] });

    const lock = await readLockfile(root);
    expect(Object.keys(lock)).toEqual(["src/images/checker.bmp"]);
    expect(assetUris(code)).toEqual([`rbxassetid://${lock["src/images/checker.bmp"]?.assetId}`]);
    const names = assets.map((asset) => asset.fileName);
    expect(names.some((name) => /red-.*\.png$/.test(name))).toBe(true);
    expect(names.some((name) => /blue-.*\.png$/.test(name))).toBe(true);
    expect(code).toMatch(/data:[^,]*;base64,/); // red-copy.png?inline
    expect(code).toContain("Tree"); // the raw XML text
    expect(ctx.emulator.stats().creates).toBe(1);
  });

  it("prints one summary line through Vite's logger, and none when nothing was uploaded", async () => {
    const root = await ctx.project({ "index.html": HTML, "src/main.js": MAIN });
    const first: string[] = [];
    await viteBuild(root, { env: ctx.env() }, first);
    expect(first.filter((line) => line.includes("rbxassets"))).toEqual([
      "[plugin rbxassets] 4 assets uploaded, 0 updated, 0 from the lockfile",
    ]);
    const again: string[] = [];
    await viteBuild(root, { env: ctx.env() }, again);
    expect(again.length).toBeGreaterThan(0);
    expect(again.filter((line) => line.includes("rbxassets"))).toEqual([]);
  });

  it("keeps a changed model's id", async () => {
    const root = await ctx.project({ "index.html": HTML, "src/main.js": MAIN });
    const first = await viteBuild(root, { env: ctx.env() });
    const original = await readFile(join(root, "src/models/crate.rbxm"));
    await writeProjectFile(root, "src/models/crate.rbxm", Buffer.concat([original, Buffer.from("v2")]));
    ctx.emulator.resetStats();

    const second = await viteBuild(root, { env: ctx.env() });
    expect(assetUris(second.code).sort()).toEqual(assetUris(first.code).sort());
    expect(ctx.emulator.stats().requests.Assets_UpdateAsset).toBe(1);
    expect(ctx.emulator.stats().creates).toBe(0);
  });

  it("fails the build with the path of a bad file", async () => {
    const root = await ctx.project({
      "index.html": HTML,
      "src/main.js": `import bad from "./bad/corrupt.png"; globalThis.result = bad;`,
    });
    await expect(viteBuild(root, { env: ctx.env() })).rejects.toThrow(
      /src\/bad\/corrupt\.png: the content is not a valid \.png/,
    );
  });

  it("fails without credentials naming RBXASSETS_API_KEY, and never leaks the key", async () => {
    const root = await ctx.project({ "index.html": HTML, "src/main.js": MAIN });
    await expect(viteBuild(root, { env: ctx.envWithoutCredentials() })).rejects.toThrow(/RBXASSETS_API_KEY/);
    const { code, assets } = await viteBuild(root, {
      apiKey: SECRET_KEY,
      env: ctx.envWithoutCredentials(),
      manifest: true,
    });
    expect(code).not.toContain(SECRET_KEY);
    for (const asset of assets) expect(String(asset.source)).not.toContain(SECRET_KEY);
  });

  it("serves virtual:rbxassets, with ids uploaded by the same build, and emits the manifest", async () => {
    const root = await ctx.project({
      "index.html": HTML,
      "src/main.js": `
        import assets, { assetUri } from "virtual:rbxassets";
        import "./late.js";
        globalThis.result = [assets, assetUri("src/images/red.png")];`,
      "src/late.js": MAIN,
    });
    const { code, assets } = await viteBuild(root, { env: ctx.env(), manifest: "ids.json" });
    const lock = await readLockfile(root);
    const expected = Object.fromEntries(
      Object.entries(lock).map(([path, entry]) => [path, `rbxassetid://${entry.assetId}`]),
    );
    expect(Object.keys(expected)).toHaveLength(4);
    const manifest = assets.find((asset) => asset.fileName === "ids.json");
    expect(JSON.parse(String(manifest?.source))).toEqual(expected);
    // The map is in the bundle as JSON text (quoted as the minifier likes): each path next to its id.
    for (const [path, uri] of Object.entries(expected)) expect(code).toContain(`"${path}":"${uri}"`);
    expect(code).not.toContain("__RBXASSETS_MAP_");
  });
});
