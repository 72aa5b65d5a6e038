// The process stage end to end: what reaches the emulator is decoded and compared pixel for pixel.
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPipeline, type PipelineEvent, type PipelineOptions } from "../src/node/index.js";
import { parseLockfile } from "../src/node/lockfile.js";
import { alphaBleed } from "../src/node/process/alpha-bleed.js";
import { cropImage } from "../src/node/process/rgba.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { tempProject } from "./pipeline-project.js";
import { decode, encode, iconPixels, pixel, uploadedContent } from "./process-fixtures.js";

let emulator: RunningEmulator;
let project: { root: string; dispose(): Promise<void> };

beforeAll(async () => {
  // The key belongs to the creator the project uploads for.
  emulator = await startTestEmulator({
    creator: "user:42",
    operations: { pendingPolls: 0 },
    rateLimits: false,
    keepContent: true,
    // An atlas named "... atlas 1" is rejected: one failed atlas among several.
    moderation: (input) => (input.displayName.includes("doomed atlas 1") ? "Rejected" : "Approved"),
  });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  project = await tempProject("rbxassets-process-");
  emulator.resetStats();
});
afterEach(() => project.dispose());

function pipeline(options: PipelineOptions = {}) {
  const events: PipelineEvent[] = [];
  const env = {
    RBXASSETS_API_KEY: emulator.apiKey,
    RBXASSETS_API_URL: emulator.url,
    RBXASSETS_CREATOR: "user:42",
  };
  const p = createPipeline({ root: project.root, env, onEvent: (e) => events.push(e), ...options });
  const decodes = () => events.filter((e) => e.type === "decode").length;
  return { p, events, decodes };
}

async function put(file: string, bytes: Uint8Array | string) {
  const path = join(project.root, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}

async function lock() {
  const { readFile } = await import("node:fs/promises");
  return parseLockfile(await readFile(join(project.root, "rbxassets.lock.json"), "utf8"));
}

describe("alpha bleeding on upload", () => {
  it("uploads the bled image; a warm run decodes nothing; turning bleeding off re-uploads the original", async () => {
    const source = iconPixels(16, 16, 3);
    await put("icons/a.png", await encode(source));
    const first = pipeline();
    const report = await first.p.sync(["icons"]);
    expect(report.failed).toEqual([]);
    expect(report.uploaded.map((a) => a.file)).toEqual(["icons/a.png"]);
    expect(first.decodes()).toBe(1);
    const sent = await decode(await uploadedContent(emulator.url, report.uploaded[0]!.assetId));
    expect(sent.data).toEqual(alphaBleed(source).data);
    expect(pixel(sent, 0, 0)).toEqual([...pixel(source, 2, 2).slice(0, 3), 0]); // corner took the edge colour
    expect(pixel(sent, 8, 8)).toEqual(pixel(source, 8, 8)); // partly transparent centre unchanged

    const warm = pipeline();
    const again = await warm.p.sync(["icons"]);
    expect(again.unchanged.map((a) => [a.file, a.status])).toEqual([["icons/a.png", "unchanged"]]);
    expect(warm.decodes()).toBe(0);
    expect(emulator.stats().creates).toBe(1);

    const off = pipeline({ processing: { alphaBleed: false } });
    const plain = await off.p.sync(["icons"]);
    expect(plain.uploaded.map((a) => a.file)).toEqual(["icons/a.png"]);
    const original = await decode(await uploadedContent(emulator.url, plain.uploaded[0]!.assetId));
    expect(original.data).toEqual(source.data);
    expect((await lock()).assets.get("icons/a.png")!.process).toBeUndefined();
  });
});

describe("images bleeding cannot change", () => {
  it("go up byte for byte: an RGB PNG is not even decoded, an opaque RGBA one is decoded once", async () => {
    const { createHash } = await import("node:crypto");
    const { png } = await import("./pipeline-fixtures.js");
    const opaque = iconPixels(6, 6, 1, 0);
    opaque.data[(3 * 6 + 3) * 4 + 3] = 255; // no partly transparent pixel either
    const rgba = await encode(opaque);
    const rgb = png(5, 5, 7);
    await put("flat/rgb.png", rgb);
    await put("flat/rgba.png", rgba);
    const { p, decodes } = pipeline();
    const report = await p.sync(["flat"]);
    expect(report.uploaded).toHaveLength(2);
    expect(decodes()).toBe(1);
    const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    expect(Object.keys(emulator.stats().contentUploads).sort()).toEqual([sha(rgb), sha(rgba)].sort());
    const assets = (await lock()).assets;
    expect(assets.get("flat/rgb.png")!.process).toBeUndefined();
    expect(assets.get("flat/rgba.png")!.process).toMatch(/^p1-/);
  });
});

describe("SVG", () => {
  it("round trip: an SVG goes up as a PNG of its intrinsic size, bled", async () => {
    await put(
      "vec/bar.svg",
      '<svg xmlns="http://www.w3.org/2000/svg" width="12" height="6"><rect width="6" height="6" fill="#00ff00"/></svg>',
    );
    const { p } = pipeline();
    const report = await p.sync(["vec"]);
    expect(report.failed).toEqual([]);
    const sent = await uploadedContent(emulator.url, report.uploaded[0]!.assetId);
    expect(sent.subarray(1, 4).toString("latin1")).toBe("PNG");
    const image = await decode(sent);
    expect([image.width, image.height]).toEqual([12, 6]);
    expect(pixel(image, 0, 0)).toEqual([0, 255, 0, 255]);
    expect(pixel(image, 11, 5)).toEqual([0, 255, 0, 0]);
  });

  it("an invalid SVG fails with one line naming the file, and nothing is uploaded", async () => {
    await put("vec/broken.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect");
    const { p } = pipeline();
    const report = await p.sync(["vec"]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.reason).toMatch(/^vec\/broken\.svg: the file is not a valid SVG .+ — /);
    expect(emulator.stats().creates).toBe(0);
  });
});

describe("spritesheets", () => {
  const sheet = { spritesheet: { maxSize: 64, padding: 2 } };
  const sizes = [20, 12, 28, 16, 8, 24, 10, 18, 14, 22];

  async function writeIcons(count: number, from = 0) {
    const sources = new Map<string, ReturnType<typeof iconPixels>>();
    for (let i = from; i < from + count; i++) {
      const size = sizes[i % sizes.length]!;
      const image = iconPixels(size, size + (i % 3), i);
      const file = `ui/icon${String(i).padStart(2, "0")}.png`;
      await put(file, await encode(image));
      sources.set(file, image);
    }
    return sources;
  }

  it("lookup of a spritesheet input's file no sync has packed is undefined, even when its content is recorded for another file", async () => {
    const bytes = await encode(iconPixels(12, 12, 7));
    await put("plain/same.png", bytes);
    const { p } = pipeline();
    expect((await p.sync(["plain"])).uploaded).toHaveLength(1);
    // The same bytes in a spritesheet input: a sync packs them; until then the lockfile has no answer.
    await put("ui/same.png", bytes);
    const sheetPipeline = pipeline({ processing: sheet }).p;
    expect(await sheetPipeline.lookup("ui/same.png")).toBeUndefined();
    const packed = await sheetPipeline.sync(["ui"], { input: "ui" });
    expect(packed.failed).toEqual([]);
    expect((await sheetPipeline.lookup("ui/same.png"))?.sprite).toBeDefined();
  });

  it("packs, uploads atlases in which every sprite's rect holds its bled pixels, with extruded padding", async () => {
    const sources = await writeIcons(10);
    const { p } = pipeline({ processing: sheet });
    const report = await p.sync(["ui"], { input: "ui" });
    expect(report.failed).toEqual([]);
    expect(report.uploaded).toHaveLength(10);
    const atlases = new Set(report.uploaded.map((a) => a.assetId));
    expect(atlases.size).toBeGreaterThan(1);
    expect(emulator.stats().creates).toBe(atlases.size);
    const decoded = new Map<string, Awaited<ReturnType<typeof decode>>>();
    for (const id of atlases) decoded.set(id, await decode(await uploadedContent(emulator.url, id)));
    for (const asset of report.uploaded) {
      const { x, y, width, height } = asset.sprite!;
      const atlas = decoded.get(asset.assetId)!;
      expect(atlas.width).toBeLessThanOrEqual(64);
      const source = sources.get(asset.file)!;
      expect(cropImage(atlas, x, y, width, height).data).toEqual(alphaBleed(source).data);
      // Padding repeats the edge: the pixel left of the rect equals the rect's first column.
      expect(pixel(atlas, x - 1, y + 3)).toEqual(pixel(atlas, x, y + 3));
      expect(pixel(atlas, x - 2, y + height - 1)).toEqual(pixel(atlas, x, y + height - 1));
    }
    const locked = await lock();
    expect(locked.sprites.size).toBe(10);
    expect(locked.atlases.size).toBe(atlases.size);
    expect(locked.assets.size).toBe(0);
    const first = report.uploaded[0]!;
    expect(locked.sprites.get(first.file)).toMatchObject({ atlas: first.atlas, ...first.sprite });
  });

  it("a warm run decodes nothing and uploads nothing; adding one image re-uploads one atlas", async () => {
    await writeIcons(10);
    const cold = pipeline({ processing: sheet });
    const before = await cold.p.sync(["ui"], { input: "ui" });
    const creates = emulator.stats().creates;

    const warm = pipeline({ processing: sheet });
    const again = await warm.p.sync(["ui"], { input: "ui" });
    expect(warm.decodes()).toBe(0);
    expect(emulator.stats().creates).toBe(creates);
    expect(again.unchanged.map((a) => [a.file, a.assetId, a.sprite])).toEqual(
      before.uploaded.map((a) => [a.file, a.assetId, a.sprite]),
    );

    await writeIcons(1, 10);
    const grow = pipeline({ processing: sheet });
    const grown = await grow.p.sync(["ui"], { input: "ui" });
    expect(grown.failed).toEqual([]);
    expect(emulator.stats().creates).toBe(creates + 1);
    const moved = new Set(grown.uploaded.map((a) => a.atlas));
    expect(moved.size).toBe(1);
    // Sprites in the other atlases kept their asset and rect.
    const kept = new Map(before.uploaded.map((a) => [a.file, a]));
    for (const asset of grown.unchanged) {
      expect([asset.assetId, asset.sprite]).toEqual([
        kept.get(asset.file)!.assetId,
        kept.get(asset.file)!.sprite,
      ]);
    }
    expect(grown.unchanged.length).toBeGreaterThan(0);
  });

  it("a change of options re-processes and re-uploads; removing an image re-uploads only its atlas", async () => {
    await writeIcons(10);
    await pipeline({ processing: sheet }).p.sync(["ui"], { input: "ui" });
    const creates = emulator.stats().creates;
    const wider = pipeline({ processing: { spritesheet: { maxSize: 64, padding: 3 } } });
    const redone = await wider.p.sync(["ui"], { input: "ui" });
    expect(redone.uploaded).toHaveLength(10);
    expect(wider.decodes()).toBe(10);
    const afterPadding = emulator.stats().creates;
    expect(afterPadding).toBeGreaterThan(creates);

    await rm(join(project.root, "ui/icon03.png"));
    const shrink = pipeline({ processing: { spritesheet: { maxSize: 64, padding: 3 } } });
    const shrunk = await shrink.p.sync(["ui"], { input: "ui" });
    expect(emulator.stats().creates).toBe(afterPadding + 1);
    expect(new Set(shrunk.uploaded.map((a) => a.atlas)).size).toBe(1);
    expect((await lock()).sprites.has("ui/icon03.png")).toBe(false);
  });

  it("two syncs of the same spritesheet at once upload each atlas once", async () => {
    await writeIcons(10);
    const [a, b] = await Promise.all([
      pipeline({ processing: sheet }).p.sync(["ui"], { input: "ui" }),
      pipeline({ processing: sheet }).p.sync(["ui"], { input: "ui" }),
    ]);
    expect([...a.failed, ...b.failed]).toEqual([]);
    const atlases = new Set([...a.uploaded, ...a.unchanged].map((asset) => asset.assetId));
    expect(emulator.stats().creates).toBe(atlases.size);
    expect(new Set([...b.uploaded, ...b.unchanged].map((asset) => asset.assetId))).toEqual(atlases);
  });

  it("an SVG joins the sheet as its rendered pixels", async () => {
    await writeIcons(2);
    await put(
      "ui/dot.svg",
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="4"><rect width="4" height="4" fill="#ff0000"/></svg>',
    );
    const { p } = pipeline({ processing: sheet });
    const report = await p.sync(["ui"], { input: "ui" });
    expect(report.failed).toEqual([]);
    const dot = report.uploaded.find((asset) => asset.file === "ui/dot.svg")!;
    expect(dot.sprite).toMatchObject({ width: 8, height: 4 });
    const atlas = await decode(await uploadedContent(emulator.url, dot.assetId));
    const { x, y } = dot.sprite!;
    expect(pixel(atlas, x, y)).toEqual([255, 0, 0, 255]);
    expect(pixel(atlas, x + 7, y + 3)).toEqual([255, 0, 0, 0]); // transparent half, bled red
  });

  it("check mode lists the sprites whose atlas would be uploaded, and uploads nothing", async () => {
    await writeIcons(4);
    const { p } = pipeline({ processing: sheet });
    const report = await p.sync(["ui"], { input: "ui", check: true });
    expect(report.pending).toEqual(["ui/icon00.png", "ui/icon01.png", "ui/icon02.png", "ui/icon03.png"]);
    expect(emulator.stats().creates).toBe(0);
    await p.sync(["ui"], { input: "ui" });
    const again = await pipeline({ processing: sheet }).p.sync(["ui"], { input: "ui", check: true });
    expect(again.pending).toEqual([]);
    expect(again.unchanged).toHaveLength(4);
  });

  it("an image larger than maxSize goes up alone with a note", async () => {
    await writeIcons(2);
    const big = iconPixels(70, 10, 9);
    await put("ui/wide.png", await encode(big));
    const { p, events } = pipeline({ processing: sheet });
    const report = await p.sync(["ui"], { input: "ui" });
    const wide = report.uploaded.find((a) => a.file === "ui/wide.png")!;
    expect(wide.sprite).toBeUndefined();
    expect(events).toContainEqual({
      type: "warning",
      file: "ui/wide.png",
      message: expect.stringMatching(
        /^70x10 is larger than the spritesheet's maxSize 64 .*uploaded on its own$/,
      ),
    });
    const sent = await decode(await uploadedContent(emulator.url, wide.assetId));
    expect(sent.data).toEqual(alphaBleed(big).data);
  });

  it("one failed atlas fails only its sprites", async () => {
    await writeIcons(10);
    const { p } = pipeline({ processing: sheet });
    const report = await p.sync(["ui"], { input: "doomed" });
    const failedAtlas = "doomed#1";
    expect(report.failed.length).toBeGreaterThan(0);
    expect(report.uploaded.length).toBeGreaterThan(0);
    expect(report.uploaded.every((a) => a.atlas !== failedAtlas)).toBe(true);
    for (const item of report.failed) {
      expect(item.reason).toMatch(
        /^ui\/icon\d\d\.png: its atlas was not uploaded: doomed#1: moderation rejected/,
      );
    }
    expect((await lock()).atlases.has(failedAtlas)).toBe(false);
  });
});
