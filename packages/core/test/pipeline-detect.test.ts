import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { limits } from "@rbxassets/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateFile } from "../src/internal.js";
import { detectFile, hashFile, PipelineError } from "../src/node/index.js";
import { type FixtureFormat, fixture, mp3, png, tga, wav } from "./pipeline-fixtures.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rbxassets-detect-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, data: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

const cases: [FixtureFormat, string, string, string[]][] = [
  ["png", "png", "image", ["Image", "Decal"]],
  ["jpeg", "jpg", "image", ["Image", "Decal"]],
  ["jpeg", "jpeg", "image", ["Image", "Decal"]],
  ["bmp", "bmp", "image", ["Image", "Decal"]],
  ["tga", "tga", "image", ["Image", "Decal"]],
  ["mp3", "mp3", "audio", ["Audio"]],
  ["ogg", "ogg", "audio", ["Audio"]],
  ["wav", "wav", "audio", ["Audio"]],
  ["flac", "flac", "audio", ["Audio"]],
  ["fbx", "fbx", "model", ["Model"]],
  ["fbx-ascii", "fbx", "model", ["Model"]],
  ["gltf", "gltf", "model", ["Model"]],
  ["glb", "glb", "model", ["Model"]],
  ["rbxm", "rbxm", "model", ["Model", "Animation"]],
  ["rbxmx", "rbxmx", "model", ["Model", "Animation"]],
  ["mp4", "mp4", "video", ["Video"]],
  ["mov", "mov", "video", ["Video"]],
];

describe("detectFile", () => {
  it.each(cases)("detects %s content named .%s", async (format, extension, kind, assetTypes) => {
    const path = await put(`${format}-sample.${extension}`, fixture(format));
    const detected = await detectFile(path, { root: dir });
    expect(detected.kind).toBe(kind);
    expect(detected.assetTypes).toEqual(assetTypes);
    expect(detected.extension).toBe(extension);
    expect(detected.size).toBe(fixture(format).length);
    expect(detected.contentType).toMatch(/^(image|audio|model|video)\//);
  });

  it("names both the content and the extension when they disagree", async () => {
    const path = await put("logo.fbx", fixture("png"));
    const error = await detectFile(path, { root: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).rule).toBe("extension-mismatch");
    expect((error as Error).message).toBe(
      "logo.fbx: the content is PNG (image/png) but the extension is .fbx — rename it to .png or export it as .fbx",
    );
  });

  it("refuses unsupported extensions and unrecognized content with one-line errors", async () => {
    const gif = await put("anim.gif", "GIF89a");
    await expect(detectFile(gif, { root: dir })).rejects.toThrow(
      /^anim\.gif: \.gif files cannot be uploaded — use one of /,
    );
    const text = await put("notes.png", "just some text");
    await expect(detectFile(text, { root: dir })).rejects.toThrow(
      /^notes\.png: the content is not a valid \.png file/,
    );
    const badTga = await put("bad.tga", Buffer.alloc(40, 0x07));
    await expect(detectFile(badTga, { root: dir })).rejects.toThrow(
      /bad\.tga: the content is not a valid \.tga/,
    );
    const missing = join(dir, "missing.png");
    await expect(detectFile(missing, { root: dir })).rejects.toThrow(/missing\.png: the file does not exist/);
  });

  it("takes a plain uncompressed TGA for TGA, not for the Windows cursor file-type sees in 00 00 02 00", async () => {
    // 18-byte header: id length 0, no colour map, image type 2 (uncompressed true colour), 1x1, 24 bpp,
    // bottom-left origin; then one BGR pixel. No footer (TGA 1.0).
    const header = Buffer.alloc(18);
    header[2] = 2;
    header.writeUInt16LE(1, 12);
    header.writeUInt16LE(1, 14);
    header[16] = 24;
    const data = Buffer.concat([header, Buffer.from([0x10, 0x20, 0x30])]);
    expect([...data.subarray(0, 4)]).toEqual([0, 0, 2, 0]);
    const { fileTypeFromBuffer } = await import("file-type");
    expect((await fileTypeFromBuffer(data))?.ext).toBe("cur"); // what a naive sniff would conclude
    const detected = await detectFile(await put("plain.tga", data), { root: dir });
    expect(detected).toMatchObject({ extension: "tga", mime: "image/x-tga", kind: "image", size: 21 });
    await expect(
      validateFile(
        detected,
        { displayName: "plain", description: "", assetType: "Image" },
        { root: dir, requireCreator: false },
      ),
    ).resolves.toBeUndefined();
    // The same bytes under another name are still not trusted as TGA.
    await expect(detectFile(await put("plain.png", data), { root: dir })).rejects.toThrow(PipelineError);
  });

  it("does not take a JSON file without an asset key for glTF", async () => {
    const path = await put("scene.gltf", JSON.stringify({ scenes: [] }));
    await expect(detectFile(path, { root: dir })).rejects.toThrow(
      /scene\.gltf: the content is not a valid \.gltf/,
    );
  });
});

describe("validateFile", () => {
  const meta = { displayName: "Name", description: "", assetType: "Image" as const, creator: "user:1" };

  async function ruleOf(promise: Promise<unknown>): Promise<string | undefined> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error === undefined) return undefined;
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as Error).message).not.toContain("\n");
    expect((error as Error).message).toContain(" — ");
    return (error as PipelineError).rule;
  }

  it("accepts a valid file", async () => {
    const detected = await detectFile(await put("ok.png", png(4, 4)), { root: dir });
    expect(await ruleOf(validateFile(detected, meta, { root: dir }))).toBeUndefined();
  });

  it("checks image dimensions (PNG and TGA)", async () => {
    const max = limits.maxImageDimension;
    const big = await detectFile(await put("big.png", png(max, 1)), { root: dir });
    expect(await ruleOf(validateFile(big, meta, { root: dir }))).toBe("image-dimensions");
    const bigTga = await detectFile(await put("big.tga", tga(1, max)), { root: dir });
    expect(await ruleOf(validateFile(bigTga, meta, { root: dir }))).toBe("image-dimensions");
    const okTga = await detectFile(await put("ok.tga", tga(max - 1, 1)), { root: dir });
    expect(await ruleOf(validateFile(okTga, meta, { root: dir }))).toBeUndefined();
  });

  it("checks size, names, description, creator, asset type and video price", async () => {
    const detected = await detectFile(await put("v.png", png(1, 1)), { root: dir });
    const tooBig = { ...detected, size: limits.maxFileBytes + 1 };
    expect(await ruleOf(validateFile(tooBig, meta))).toBe("size");
    const longName = "x".repeat(limits.maxDisplayNameLength + 1);
    expect(await ruleOf(validateFile(detected, { ...meta, displayName: longName }))).toBe("display-name");
    const longDescription = "x".repeat(limits.maxDescriptionLength + 1);
    expect(await ruleOf(validateFile(detected, { ...meta, description: longDescription }))).toBe(
      "description",
    );
    const { creator: _, ...noCreator } = meta;
    expect(await ruleOf(validateFile(detected, noCreator))).toBe("creator");
    expect(await ruleOf(validateFile(detected, noCreator, { requireCreator: false }))).toBeUndefined();
    expect(await ruleOf(validateFile(detected, { ...meta, assetType: "Model" }))).toBe("asset-type");
    const video = await detectFile(await put("clip.mp4", fixture("mp4")), { root: dir });
    expect(await ruleOf(validateFile(video, { ...meta, assetType: "Video" }))).toBe("expected-price");
    expect(
      await ruleOf(validateFile(video, { ...meta, assetType: "Video", expectedPrice: 0 })),
    ).toBeUndefined();
  });

  describe("refuses truncated files before any request", () => {
    const image = meta;
    const model = { ...meta, assetType: "Model" as const };
    async function problem(name: string, data: Buffer, m: typeof meta | typeof model = image) {
      const detected = await detectFile(await put(name, data), { root: dir });
      return validateFile(detected, m, { root: dir }).then(
        () => undefined,
        (error: unknown) => {
          expect(error).toBeInstanceOf(PipelineError);
          expect((error as PipelineError).rule).toBe("truncated");
          return (error as Error).message;
        },
      );
    }

    it("PNG: cut after IHDR or inside IDAT has no IEND chunk; bytes after IEND are fine", async () => {
      const whole = png(4, 4);
      expect(await problem("t.png", whole.subarray(0, 33))).toBe(
        "t.png: the image is truncated (no IEND chunk) — re-export it",
      );
      expect(await problem("t2.png", whole.subarray(0, whole.length - 20))).toMatch(/no IEND chunk/);
      expect(await problem("padded.png", Buffer.concat([whole, Buffer.from([7])]))).toBeUndefined();
      expect(await problem("whole.png", whole)).toBeUndefined();
    });

    it("JPEG: must end with FFD9, trailing zero padding allowed", async () => {
      const whole = fixture("jpeg");
      expect(await problem("t.jpg", whole.subarray(0, whole.length - 2))).toBe(
        "t.jpg: the image is truncated (no end-of-image marker FFD9) — re-export it",
      );
      expect(await problem("padded.jpg", Buffer.concat([whole, Buffer.alloc(100)]))).toBeUndefined();
      expect(await problem("whole.jpeg", whole)).toBeUndefined();
    });

    it("BMP: the header's file size must not exceed the real size", async () => {
      const whole = fixture("bmp");
      expect(await problem("t.bmp", whole.subarray(0, whole.length - 1))).toBe(
        `t.bmp: the image is truncated (its header declares ${whole.length} bytes, the file has ${whole.length - 1}) — re-export it`,
      );
      expect(await problem("whole.bmp", whole)).toBeUndefined();
    });

    it("TGA: header plus declared pixel data must fit", async () => {
      const whole = tga(4, 4);
      // 18-byte header + 48 bytes of pixels; the 26-byte footer is optional.
      expect(await problem("t.tga", whole.subarray(0, 18 + 47))).toMatch(
        /^t\.tga: the image is truncated \(its header declares 66 bytes, the file has 65\)/,
      );
      expect(await problem("nofooter.tga", whole.subarray(0, 18 + 48))).toBeUndefined();
    });

    it("GLB: the header's length must equal the file size", async () => {
      const whole = fixture("glb");
      expect(await problem("t.glb", whole.subarray(0, whole.length - 4), model)).toMatch(
        /^t\.glb: the model is truncated \(its header declares \d+ bytes/,
      );
      expect(await problem("long.glb", Buffer.concat([whole, Buffer.alloc(4)]), model)).toMatch(
        /^long\.glb: the glTF binary header declares \d+ bytes but the file has \d+ — re-export it$/,
      );
      expect(await problem("whole.glb", whole, model)).toBeUndefined();
    });

    it("glTF: truncated JSON is refused by detection", async () => {
      const whole = fixture("gltf");
      const path = await put("t.gltf", whole.subarray(0, whole.length - 5));
      await expect(detectFile(path, { root: dir })).rejects.toThrow(
        /^t\.gltf: the content is not a valid \.gltf/,
      );
    });
  });

  it("reads audio duration from WAV and MP3 headers", async () => {
    const longWav = await detectFile(await put("long.wav", wav(limits.maxAudioSeconds + 1)), { root: dir });
    expect(await ruleOf(validateFile(longWav, { ...meta, assetType: "Audio" }))).toBe("duration");
    const shortWav = await detectFile(await put("short.wav", wav(1)), { root: dir });
    expect(await ruleOf(validateFile(shortWav, { ...meta, assetType: "Audio" }))).toBeUndefined();
    // 128 kbps: 16 000 bytes a second.
    const frames = Math.ceil(((limits.maxAudioSeconds + 5) * 16000) / 417);
    const longMp3 = await detectFile(await put("long.mp3", mp3(0, frames)), { root: dir });
    expect(await ruleOf(validateFile(longMp3, { ...meta, assetType: "Audio" }))).toBe("duration");
  });
});

describe("hashFile", () => {
  it("hashes content as sha256-<hex>", async () => {
    const path = await put("h.txt", "abc");
    expect(await hashFile(path)).toBe(
      "sha256-ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
