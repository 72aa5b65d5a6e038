// The Vite plugin reads the project file (rbxassets.config.*) as the CLI does: its creator and lockfile,
// and the options of the input that holds an imported file.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createServiceContext, syncPaths } from "@rbxassets/cli";
import { build, createServer } from "vite";
import { expect, it } from "vitest";
import rbxassets from "../src/index.js";
import { CREATOR, SECRET_KEY, useEmulator, writeProjectFile } from "./helpers.js";
import { devServerConfig } from "./vite-config.js";

const ctx = useEmulator();

const HTML = `<!doctype html><html><body><script type="module" src="/src/main.js"></script></body></html>`;
const MAIN = `
import red from "./images/red.png";
import blue from "./images/blue.png";
globalThis.result = { red, blue };
`;

async function viteBuild(root: string, env: Record<string, string>) {
  await build({
    root,
    configFile: false,
    envFile: false,
    logLevel: "silent",
    build: { write: false, assetsInlineLimit: 0, modulePreload: { polyfill: false } },
    plugins: [rbxassets({ env })],
  });
}

it("a build takes the creator and lockfile from the project file, and each import its input's asset type", async () => {
  const root = await ctx.project({ "index.html": HTML, "src/main.js": MAIN });
  await writeProjectFile(
    root,
    "rbxassets.config.mjs",
    `export default {
  creator: "${CREATOR}",
  lockfile: "locks/assets.lock.json",
  inputs: {
    decals: { include: "src/images/blue.png", assetType: "Decal" },
    images: { include: ["src/images/red.png"] },
  },
};
`,
  );
  // No RBXASSETS_CREATOR: the project file's creator is the one used.
  await viteBuild(root, { RBXASSETS_API_URL: ctx.emulator.url, RBXASSETS_API_KEY: SECRET_KEY });
  const lock = JSON.parse(await readFile(join(root, "locks/assets.lock.json"), "utf8")) as {
    assets: Record<string, { assetType: string; creator: string }>;
  };
  expect(lock.assets["src/images/blue.png"]).toMatchObject({ assetType: "Decal", creator: CREATOR });
  expect(lock.assets["src/images/red.png"]).toMatchObject({ assetType: "Image", creator: CREATOR });
});

it("a broken project file fails the build with every problem, before any request", async () => {
  const root = await ctx.project({ "index.html": HTML, "src/main.js": MAIN });
  await writeProjectFile(
    root,
    "rbxassets.config.json",
    JSON.stringify({ inputs: { ui: { include: "src/images/*.png", assetTyp: "Decal", alphaBleed: 1 } } }),
  );
  const error = await viteBuild(root, ctx.env()).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toContain(
    'rbxassets.config.json: inputs.ui.assetTyp: is not a known key — did you mean "assetType"?',
  );
  expect(error?.message).toContain("rbxassets.config.json: inputs.ui.alphaBleed: 1 is not a boolean");
  expect(ctx.requestCount()).toBe(0);
});

it("the dev server honours it too: an import served from an input uploads with that input's options", async () => {
  const root = await ctx.project({ "src/main.js": `export { default as blue } from "./images/blue.png";` });
  await writeProjectFile(
    root,
    "rbxassets.config.json",
    JSON.stringify({
      creator: CREATOR,
      inputs: { decals: { include: "src/images/blue.png", assetType: "Decal" } },
    }),
  );
  const env = { RBXASSETS_API_URL: ctx.emulator.url, RBXASSETS_API_KEY: SECRET_KEY };
  const server = await createServer(devServerConfig(root, rbxassets({ env })));
  try {
    const served = (await server.ssrLoadModule("/src/main.js")) as Record<string, string>;
    const lock = JSON.parse(await readFile(join(root, "rbxassets.lock.json"), "utf8")) as {
      assets: Record<string, { assetId: string; assetType: string; creator: string }>;
    };
    const entry = lock.assets["src/images/blue.png"];
    expect(entry).toMatchObject({ assetType: "Decal", creator: CREATOR });
    expect(served.blue).toBe(`rbxassetid://${entry?.assetId}`);
  } finally {
    await server.close();
  }
});

it("vite build before any sync on a spritesheet input uploads nothing and names rbxassets sync (bug H); after the sync it sends nothing", async () => {
  const main = `import red from "./images/red.png?sprite";\nglobalThis.result = { red };\n`;
  const root = await ctx.project({ "index.html": HTML, "src/main.js": main });
  await writeProjectFile(
    root,
    "rbxassets.config.json",
    JSON.stringify({
      inputs: { sprites: { include: "src/images/*.png", spritesheet: true, alphaBleed: false } },
    }),
  );
  const error = await viteBuild(root, ctx.env()).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toContain(
    "src/images/red.png: its input packs a spritesheet, and no sync has packed this file yet (a build uploads nothing for it) — run `rbxassets sync sprites`, then build again",
  );
  expect(ctx.requestCount()).toBe(0);

  // `rbxassets sync` (the CLI's services), then the same build: every sprite from the lockfile.
  const synced = await syncPaths(await createServiceContext({ root, env: ctx.env() }), []);
  expect(synced.failed).toEqual([]);
  ctx.emulator.resetStats();
  await viteBuild(root, { RBXASSETS_API_URL: ctx.emulator.url, RBXASSETS_CREATOR: CREATOR });
  expect(ctx.requestCount()).toBe(0);
});

it("an input's existing asset is never uploaded: the import is its id", async () => {
  const root = await ctx.project({ "index.html": HTML, "src/main.js": MAIN });
  await writeProjectFile(
    root,
    "rbxassets.config.json",
    JSON.stringify({
      creator: CREATOR,
      inputs: { images: { include: "src/images/*.png", existing: { "blue.png": 424242 } } },
    }),
  );
  const creates = ctx.emulator.stats().creates;
  const output = (await build({
    root,
    configFile: false,
    envFile: false,
    logLevel: "silent",
    build: { write: false, assetsInlineLimit: 0, modulePreload: { polyfill: false } },
    plugins: [rbxassets({ env: { RBXASSETS_API_URL: ctx.emulator.url, RBXASSETS_API_KEY: SECRET_KEY } })],
  })) as { output: { type: string; code?: string }[] };
  const code = output.output.map((chunk) => chunk.code ?? "").join("\n");
  expect(code).toContain("rbxassetid://424242");
  expect(ctx.emulator.stats().creates).toBe(creates + 1); // red.png only
  const lock = JSON.parse(await readFile(join(root, "rbxassets.lock.json"), "utf8")) as {
    assets: Record<string, unknown>;
  };
  expect(Object.keys(lock.assets)).toEqual(["src/images/red.png"]);
});
