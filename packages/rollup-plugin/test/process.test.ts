// The process stage through the plugin: sprite imports and the alphaBleed option, on a real Rollup build.
import { createHash } from "node:crypto";
import { createPipeline } from "@rbxassets/core/node";
import { describe, expect, it } from "vitest";
import { rollupBuild } from "./build.js";
import { useEmulator, writeProjectFile } from "./helpers.js";
import { icon } from "./png.js";

const ctx = useEmulator();

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("process stage through the plugin", () => {
  it("imports a file packed into a spritesheet with ?sprite as { Image, ImageRectOffset, ImageRectSize }", async () => {
    const root = await ctx.project({
      "src/icons/a.png": icon(8, 1),
      "src/icons/b.png": icon(12, 2),
      "src/main.js":
        'import a from "./icons/a.png?sprite";\nimport b from "./icons/b.png?sprite";\nexport { a, b };\n',
    });
    const sync = await createPipeline({ root, env: ctx.env(), processing: { spritesheet: true } }).sync(
      ["src/icons"],
      { input: "icons" },
    );
    expect(sync.failed).toEqual([]);
    const bySprite = new Map(sync.uploaded.map((asset) => [asset.file, asset]));
    ctx.emulator.resetStats();

    const result = await rollupBuild(root, { env: ctx.envWithoutCredentials() });
    expect(ctx.requestCount()).toBe(0);
    for (const [name, file] of [
      ["a", "src/icons/a.png"],
      ["b", "src/icons/b.png"],
    ] as const) {
      const asset = bySprite.get(file)!;
      expect(result.exports[name]).toEqual({
        Image: asset.uri,
        ImageRectOffset: { X: asset.sprite!.x, Y: asset.sprite!.y },
        ImageRectSize: { X: asset.sprite!.width, Y: asset.sprite!.height },
      });
    }
    expect((result.exports.a as { Image: string }).Image).toBe((result.exports.b as { Image: string }).Image);
  });

  it("fails a plain import of a packed file (typed as an id, it would be an object), naming ?sprite", async () => {
    const root = await ctx.project({
      "src/icons/a.png": icon(8, 1),
      "src/main.js": 'export { default } from "./icons/a.png";\n',
    });
    const sync = await createPipeline({ root, env: ctx.env(), processing: { spritesheet: true } }).sync(
      ["src/icons"],
      { input: "icons" },
    );
    expect(sync.failed).toEqual([]);
    ctx.emulator.resetStats();
    await expect(rollupBuild(root, { env: ctx.envWithoutCredentials() })).rejects.toThrow(
      /src\/icons\/a\.png: it is packed into a spritesheet, so it imports as a sprite — import it as "a\.png\?sprite"/,
    );
    expect(ctx.requestCount()).toBe(0);
  });

  it("fails a ?sprite import of a file that is not in a spritesheet, naming the file and the fix", async () => {
    const root = await ctx.project({
      "src/icons/a.png": icon(8, 1),
      "src/main.js": 'import a from "./icons/a.png?sprite";\nexport { a };\n',
    });
    await expect(rollupBuild(root, { env: ctx.env() })).rejects.toThrow(
      /src\/icons\/a\.png: it is not packed into a spritesheet — set spritesheet on its input/,
    );
  });

  it("alpha-bleeds imported images by default, and uploads them as they are with alphaBleed: false", async () => {
    const source = icon(8, 3);
    const files = { "src/icons/a.png": source, "src/main.js": 'export { default } from "./icons/a.png";\n' };
    const bled = await ctx.project(files);
    await rollupBuild(bled, { env: ctx.env() });
    const uploads = Object.keys(ctx.emulator.stats().contentUploads);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).not.toBe(sha256(source));
    ctx.emulator.resetStats();

    const plain = await ctx.project(files);
    await writeProjectFile(plain, "src/icons/a.png", source);
    await rollupBuild(plain, { env: ctx.env(), alphaBleed: false });
    expect(Object.keys(ctx.emulator.stats().contentUploads)).toEqual([sha256(source)]);
  });
});
