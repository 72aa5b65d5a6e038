// `rbxassets sync` and a build resolve a project file's input alike (the one resolver): whichever runs
// second finds every file in the lockfile and sends no request, whatever the input's options say.
import { createServiceContext, syncPaths } from "@rbxassets/cli";
import { describe, expect, it } from "vitest";
import { rollupBuild } from "./build.js";
import { readLockfile, useEmulator } from "./helpers.js";
import { icon } from "./png.js";

const ctx = useEmulator();

/** Per-input options of the project file, each alone and together. */
const OPTIONS: Record<string, Record<string, unknown>> = {
  "alphaBleed: false": { alphaBleed: false },
  'assetType: "Decal"': { assetType: "Decal" },
  "alphaBleed: false with Decal": { alphaBleed: false, assetType: "Decal" },
  defaults: {},
};

async function iconsProject(input: Record<string, unknown>, main: string): Promise<string> {
  return ctx.project({
    "rbxassets.config.json": JSON.stringify({ inputs: { icons: { include: "src/icons/*.png", ...input } } }),
    "src/icons/a.png": icon(8, 1),
    "src/icons/b.png": icon(12, 2),
    "src/main.js": main,
  });
}

/** What the CLI's `rbxassets sync` runs (its services), with the test emulator's credentials. */
async function cliSync(root: string, env: Record<string, string>) {
  const service = await createServiceContext({ root, env });
  return syncPaths(service, []);
}

const PLAIN = 'import a from "./icons/a.png";\nimport b from "./icons/b.png";\nexport { a, b };\n';

describe("sync, then build (and build, then sync): the second sends nothing", () => {
  for (const [name, input] of Object.entries(OPTIONS)) {
    it(`${name}: a build after a sync makes 0 requests`, async () => {
      const root = await iconsProject(input, PLAIN);
      const synced = await cliSync(root, ctx.env());
      expect(synced.failed).toEqual([]);
      expect(synced.uploaded).toHaveLength(2);
      ctx.emulator.resetStats();
      const result = await rollupBuild(root, { env: ctx.envWithoutCredentials() });
      expect(ctx.requestCount()).toBe(0);
      const locked = await readLockfile(root);
      expect(result.exports.a).toBe(`rbxassetid://${locked["src/icons/a.png"]!.assetId}`);
    });

    it(`${name}: a sync after a build makes 0 requests`, async () => {
      const root = await iconsProject(input, PLAIN);
      await rollupBuild(root, { env: ctx.env() });
      expect(ctx.emulator.stats().creates).toBe(2);
      ctx.emulator.resetStats();
      const synced = await cliSync(root, ctx.env());
      expect(synced.failed).toEqual([]);
      expect(synced.unchanged).toHaveLength(2);
      expect(ctx.requestCount()).toBe(0);
    });
  }

  it("spritesheet: a build after a sync makes 0 requests and imports the sprites", async () => {
    const main =
      'import a from "./icons/a.png?sprite";\nimport b from "./icons/b.png?sprite";\nexport { a, b };\n';
    const root = await iconsProject({ spritesheet: { maxSize: 64, padding: 1 }, alphaBleed: false }, main);
    const synced = await cliSync(root, ctx.env());
    expect(synced.failed).toEqual([]);
    ctx.emulator.resetStats();
    const result = await rollupBuild(root, { env: ctx.envWithoutCredentials() });
    expect(ctx.requestCount()).toBe(0);
    const a = result.exports.a as { Image: string };
    expect(a.Image).toMatch(/^rbxassetid:\/\/\d+$/);
    expect((result.exports.b as { Image: string }).Image).toBe(a.Image);
  });

  it("spritesheet: a build before any sync uploads nothing and names rbxassets sync (bug H)", async () => {
    const main = 'import a from "./icons/a.png?sprite";\nexport { a };\n';
    const root = await iconsProject({ spritesheet: true }, main);
    const error = await rollupBuild(root, { env: ctx.env() }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /^.*src\/icons\/a\.png: its input packs a spritesheet, and no sync has packed this file yet \(a build uploads nothing for it\) — run `rbxassets sync icons`, then build again$/,
    );
    // The path once (bug I): the plugin's own failure is not caught and prefixed a second time.
    expect(error?.message.split("src/icons/a.png: ")).toHaveLength(2);
    expect(ctx.requestCount()).toBe(0);
    await expect(readLockfile(root)).rejects.toThrow(/ENOENT/);
  });
});
