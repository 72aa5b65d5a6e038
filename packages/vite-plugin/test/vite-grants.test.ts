// `vite build` grants what `rbxassets sync` grants (the CLI's sync, run in this process): the experiences of
// each input with `grant` get `Use` of the assets the build resolved from it, recorded in the lockfile, so
// that a second build and a sync send none, and a build after a sync none either. Sprites are granted
// through their atlas; a key without the scope fails the build with one line; the dev server grants nothing.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createServiceContext, syncPaths } from "@rbxassets/cli";
import { build, createServer } from "vite";
import { expect, it } from "vitest";
import rbxassets from "../src/index.js";
import { SECRET_KEY, useEmulator, writeProjectFile } from "./helpers.js";
import { collectingLogger, devServerConfig } from "./vite-config.js";

const NO_GRANT_KEY = "rbxassets-vite-no-grants-91c4d2";
const ctx = useEmulator({
  apiKeys: [SECRET_KEY, { key: NO_GRANT_KEY, scopes: ["asset:read", "asset:write"] }],
  universes: ["1001", "1002"],
});

const HTML = `<!doctype html><html><body><script type="module" src="/src/main.js"></script></body></html>`;
const MAIN = `import red from "./images/red.png";\nimport blue from "./images/blue.png";\nglobalThis.result = { red, blue };\n`;
const SPRITES = `import red from "./images/red.png?sprite";\nimport blue from "./images/blue.png?sprite";\nglobalThis.result = { red, blue };\n`;

/** A project whose input holds the imported files alone, granted to `experiences`. */
async function project(experiences: number[], input: object = {}, main = MAIN): Promise<string> {
  const root = await ctx.project({ "index.html": HTML, "src/main.js": main });
  await writeConfig(root, experiences, input);
  return root;
}

async function writeConfig(root: string, experiences: number[], input: object = {}): Promise<void> {
  const images = { include: "src/images/{red,blue}.png", grant: { experiences }, ...input };
  await writeProjectFile(root, "rbxassets.config.json", JSON.stringify({ inputs: { images } }));
}

/** A real `vite build` (nothing written); the plugin's info lines, as a terminal shows them. */
async function viteBuild(root: string, env: Record<string, string>): Promise<string[]> {
  const infos: string[] = [];
  await build({
    root,
    configFile: false,
    envFile: false,
    logLevel: "info",
    customLogger: collectingLogger(infos),
    build: { write: false, assetsInlineLimit: 0, modulePreload: { polyfill: false } },
    plugins: [rbxassets({ env })],
  });
  return infos.filter((line) => line.includes("rbxassets"));
}

const cliSync = async (root: string) => syncPaths(await createServiceContext({ root, env: ctx.env() }), []);
const grantRequests = () => ctx.emulator.stats().requests.AssetPermissions_GrantAssetPermissions ?? 0;

interface Granted {
  assetId: string;
  grants?: string[];
}
async function readLock(root: string) {
  const text = await readFile(join(root, "rbxassets.lock.json"), "utf8");
  return JSON.parse(text) as { assets: Record<string, Granted>; atlases?: Record<string, Granted> };
}

it("vite build grants the input's experience and says so on its line; a second build and a sync send no grant", async () => {
  const root = await project([1001]);
  expect(await viteBuild(root, ctx.env())).toEqual([
    "[plugin rbxassets] 2 assets uploaded, 0 updated, 0 from the lockfile, 2 grants",
  ]);
  expect(grantRequests()).toBe(1);
  const lock = await readLock(root);
  expect(lock.assets["src/images/red.png"]?.grants).toEqual(["1001"]);
  expect(lock.assets["src/images/blue.png"]?.grants).toEqual(["1001"]);

  ctx.emulator.resetStats();
  expect(await viteBuild(root, ctx.env())).toEqual([]);
  const synced = await cliSync(root);
  expect(synced.failed).toEqual([]);
  expect(synced.unchanged).toHaveLength(2);
  expect(grantRequests()).toBe(0);
});

it("after a sync granted them, vite build sends nothing and prints nothing", async () => {
  const root = await project([1001]);
  expect((await cliSync(root)).grants?.granted).toHaveLength(2);
  ctx.emulator.resetStats();
  expect(await viteBuild(root, { RBXASSETS_API_URL: ctx.emulator.url })).toEqual([]);
  expect(ctx.requestCount()).toBe(0);
});

it("a key without asset-permissions:write fails vite build with one line naming the scope", async () => {
  const root = await project([1001, 1002]);
  const error = await viteBuild(root, { ...ctx.env(), RBXASSETS_API_KEY: NO_GRANT_KEY }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  // Vite 8 (Rolldown) puts the plugin's name on a line of its own: the message is the one line naming the scope.
  const lines = error?.message.split("\n").filter((line) => line.includes("asset-permissions:write"));
  expect(lines).toHaveLength(1);
  expect(lines?.[0]).toMatch(
    /the service refused to grant \(403: .*\) — give the API key the asset-permissions API with its Write operation \(scope asset-permissions:write\) in the Creator Dashboard, then build again: the uploads are recorded, only the grants are left to send$/,
  );
  expect(error?.message).not.toContain(NO_GRANT_KEY);
  expect(grantRequests()).toBe(1);
  expect(Object.keys((await readLock(root)).assets)).toHaveLength(2);
});

it("sprites: vite build grants a new experience their atlas, once, and a sync sends nothing after", async () => {
  const sheet = { spritesheet: true, alphaBleed: false };
  const root = await project([1001], sheet, SPRITES);
  expect((await cliSync(root)).failed).toEqual([]);
  await writeConfig(root, [1001, 1002], sheet);
  ctx.emulator.resetStats();
  expect(await viteBuild(root, ctx.env())).toEqual([
    "[plugin rbxassets] 0 assets uploaded, 0 updated, 2 from the lockfile, 1 grant",
  ]);
  expect(grantRequests()).toBe(1);
  expect((await readLock(root)).atlases?.["images#0"]?.grants).toEqual(["1001", "1002"]);

  ctx.emulator.resetStats();
  expect((await cliSync(root)).failed).toEqual([]);
  expect(grantRequests()).toBe(0);
});

it("the dev server grants nothing: a build or a sync does", async () => {
  const root = await project([1001], {}, `export { default as red } from "./images/red.png";\n`);
  const server = await createServer(devServerConfig(root, rbxassets({ env: ctx.env() })));
  try {
    const served = (await server.ssrLoadModule("/src/main.js")) as { red: string };
    expect(served.red).toMatch(/^rbxassetid:\/\/\d+$/);
  } finally {
    await server.close();
  }
  expect(ctx.emulator.stats().creates).toBe(1);
  expect(grantRequests()).toBe(0);
});
