// A build grants what `rbxassets sync` grants: each input with `grant` has its experiences granted `Use` of
// the assets the build resolved from it, each grant recorded in the lockfile, so that a second build and a
// sync send none (and a build after a sync none either). A key without the scope fails the build once.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createPipeline, loadProject, syncProjectInputs } from "@rbxassets/core/node";
import { describe, expect, test } from "vitest";
import { BUILDERS } from "./bundlers.js";
import { SECRET_KEY, useEmulator } from "./helpers.js";

const NO_GRANT_KEY = "rbxassets-unplugin-no-grants-3b9f0e";
const ctx = useEmulator({
  apiKeys: [SECRET_KEY, { key: NO_GRANT_KEY, scopes: ["asset:read", "asset:write"] }],
  universes: ["1001", "1002"],
});

/** Inputs holding the imported files alone, so that a sync and a build grant the same assets. */
const CONFIG = {
  inputs: {
    images: { include: ["src/images/red.png", "src/images/blue.png"], grant: { experiences: [1001] } },
    models: { include: "src/models/crate.rbxm", grant: { experiences: ["1002"] } },
  },
};
const MAIN = [
  'export { default as red } from "./images/red.png";',
  'export { default as blue } from "./images/blue.png";',
  'export { default as crate } from "./models/crate.rbxm";',
  "",
].join("\n");

async function app(config: object = CONFIG, main = MAIN): Promise<string> {
  const root = await ctx.project();
  await writeFile(join(root, "rbxassets.config.json"), JSON.stringify(config));
  await writeFile(join(root, "src/main.js"), main);
  return root;
}

const grantRequests = () => ctx.emulator.stats().requests.AssetPermissions_GrantAssetPermissions ?? 0;

interface Lock {
  assets: Record<string, { assetId: string; grants?: string[] }>;
  atlases?: Record<string, { assetId: string; grants?: string[] }>;
}
const readLock = async (root: string) =>
  JSON.parse(await readFile(join(root, "rbxassets.lock.json"), "utf8")) as Lock;

/** The experiences the emulator says may use the asset. */
async function grantsOf(assetId: string): Promise<string[]> {
  const response = await fetch(`${new URL(ctx.emulator.url).origin}/_emulator/assets/${assetId}/grants`);
  return ((await response.json()) as { universeIds: string[] }).universeIds;
}

/** `rbxassets sync` of the project file: each input through core's pipeline with its own options. */
async function sync(root: string) {
  const project = (await loadProject(root))!;
  return syncProjectInputs(project, project.inputs, {
    pipelineFor: (_, options) => createPipeline({ root, env: ctx.env(), ...options }),
  });
}

describe.each(Object.keys(BUILDERS) as (keyof typeof BUILDERS)[])("%s", (bundler) => {
  const build = BUILDERS[bundler];

  test("a build grants each input's experiences; a second build and a sync send no grant", async () => {
    const root = await app();
    expect((await build(root, { env: ctx.env() })).errors).toBe("");
    expect(grantRequests()).toBe(2); // one per input's experience
    const lock = await readLock(root);
    expect(lock.assets["src/images/red.png"]?.grants).toEqual(["1001"]);
    expect(lock.assets["src/images/blue.png"]?.grants).toEqual(["1001"]);
    expect(lock.assets["src/models/crate.rbxm"]?.grants).toEqual(["1002"]);
    expect(await grantsOf(lock.assets["src/images/red.png"]!.assetId)).toEqual(["1001"]);

    ctx.emulator.resetStats();
    const warm = await build(root, { env: ctx.envWithoutCredentials() });
    expect(warm.errors).toBe("");
    expect(ctx.requestCount()).toBe(0);

    const synced = await sync(root);
    expect(synced.failed).toEqual([]);
    expect(synced.unchanged).toHaveLength(3);
    expect(grantRequests()).toBe(0);
  });

  test("after a sync granted them, a build sends nothing", async () => {
    const root = await app();
    expect((await sync(root)).grants?.granted).toHaveLength(3);
    ctx.emulator.resetStats();
    expect((await build(root, { env: ctx.envWithoutCredentials() })).errors).toBe("");
    expect(ctx.requestCount()).toBe(0);
  });

  test("a key without asset-permissions:write fails the build with one line, once; the uploads are recorded", async () => {
    const root = await app();
    const { errors } = await build(root, { env: { ...ctx.env(), RBXASSETS_API_KEY: NO_GRANT_KEY } });
    const lines = errors.split("\n").filter((line) => line.includes("asset-permissions:write"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /the service refused to grant \(403: .*\) — give the API key the asset-permissions API with its Write operation \(scope asset-permissions:write\) in the Creator Dashboard, then build again/,
    );
    expect(errors).not.toContain(NO_GRANT_KEY);
    expect(grantRequests()).toBe(1); // the second input is not asked again
    const lock = await readLock(root);
    expect(Object.keys(lock.assets)).toHaveLength(3);
    expect(Object.values(lock.assets).every((entry) => entry.grants === undefined)).toBe(true);
  });

  test("an asset the service refuses fails the build, naming its file", async () => {
    // An open-use asset: every experience may use it already, so a grant to one is refused.
    const root = await app(
      {
        inputs: {
          open: { include: "src/images/blue.png", privacy: "openUse", grant: { experiences: [1001] } },
        },
      },
      'export { default as blue } from "./images/blue.png";\n',
    );
    const { errors } = await build(root, { env: ctx.env() });
    expect(errors).toMatch(
      /src\/images\/blue\.png: not granted to experience 1001: the asset is open use already: every experience may use it \(PublicAssetCannotBeGrantedTo\) — check the asset and the experience in the Creator Dashboard/,
    );
    expect((await readLock(root)).assets["src/images/blue.png"]?.grants).toBeUndefined();
  });
});

test("webpack: a grant due with no key fails the build once, naming what to set", async () => {
  const root = await app();
  expect((await sync(root)).grants?.granted).toHaveLength(3);
  const config = structuredClone(CONFIG);
  config.inputs.images.grant.experiences.push(1002);
  await writeFile(join(root, "rbxassets.config.json"), JSON.stringify(config));
  ctx.emulator.resetStats();
  const { errors } = await BUILDERS.webpack(root, { env: ctx.envWithoutCredentials() });
  expect(errors).toBe(
    "rbxassets: experience 1002 is to be granted assets, and no credentials are configured — set the plugin's apiKey option, or RBXASSETS_API_KEY in the environment or .env, to a key with the asset-permissions:write scope",
  );
  expect(ctx.requestCount()).toBe(0);
});

test("webpack: sprites are granted through their atlas, once, as a sync grants them", async () => {
  const sprites = { include: "src/images/{red,blue}.png", spritesheet: true, alphaBleed: false };
  const root = await app(
    { inputs: { sprites: { ...sprites, grant: { experiences: [1001] } } } },
    'export { default as red } from "./images/red.png?sprite";\nexport { default as blue } from "./images/blue.png?sprite";\n',
  );
  expect((await sync(root)).failed).toEqual([]);
  // A new experience: the build grants it the atlas the sprites are in.
  const config = { inputs: { sprites: { ...sprites, grant: { experiences: [1001, 1002] } } } };
  await writeFile(join(root, "rbxassets.config.json"), JSON.stringify(config));
  ctx.emulator.resetStats();
  expect((await BUILDERS.webpack(root, { env: ctx.env() })).errors).toBe("");
  expect(grantRequests()).toBe(1);
  const atlas = (await readLock(root)).atlases?.["sprites#0"];
  expect(atlas?.grants).toEqual(["1001", "1002"]);
  expect(await grantsOf(atlas!.assetId)).toEqual(["1001", "1002"]);

  ctx.emulator.resetStats();
  expect((await sync(root)).failed).toEqual([]);
  expect(grantRequests()).toBe(0);
});
