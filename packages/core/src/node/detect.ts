import { open, readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { limits } from "@rbxassets/spec";
import { PipelineError } from "./errors.js";
import { type AssetKind, extensionInfo, supportedExtensions } from "./formats.js";
import { isAnimationModel } from "./model-root.js";
import { toProjectPath } from "./paths.js";
import type { AssetType } from "./types.js";

export interface DetectedFile {
  /** Absolute path. */
  path: string;
  /** Lower-case extension without the dot. */
  extension: string;
  /** The MIME type sniffed from the content. */
  mime: string;
  kind: AssetKind;
  /** Asset types this file can be uploaded as, the default first. */
  assetTypes: AssetType[];
  /** The content type to upload with (spec's, for the default asset type). */
  contentType: string;
  size: number;
}

/** A sniffed format: its canonical name (used in messages), MIME type, and the extensions it may carry. */
interface Sniffed {
  format: string;
  mime: string;
  extensions: readonly string[];
}

const TGA: Sniffed = { format: "TGA", mime: "image/x-tga", extensions: ["tga"] };
const HEAD_BYTES = 4100; // what file-type needs for every format we accept

const fromFileType: Record<string, Omit<Sniffed, "mime">> = {
  png: { format: "PNG", extensions: ["png"] },
  apng: { format: "PNG", extensions: ["png"] },
  jpg: { format: "JPEG", extensions: ["jpg", "jpeg"] },
  bmp: { format: "BMP", extensions: ["bmp"] },
  mp3: { format: "MP3", extensions: ["mp3"] },
  ogg: { format: "Ogg", extensions: ["ogg"] },
  oga: { format: "Ogg", extensions: ["ogg"] },
  opus: { format: "Ogg", extensions: ["ogg"] },
  spx: { format: "Ogg", extensions: ["ogg"] },
  wav: { format: "WAV", extensions: ["wav"] },
  flac: { format: "FLAC", extensions: ["flac"] },
  fbx: { format: "FBX", extensions: ["fbx"] },
  glb: { format: "glTF binary", extensions: ["glb"] },
  // MP4 and QuickTime share the ISO media container; brands vary, so either extension is accepted.
  mp4: { format: "MP4", extensions: ["mp4", "mov"] },
  m4v: { format: "MP4", extensions: ["mp4", "mov"] },
  mov: { format: "QuickTime", extensions: ["mov", "mp4"] },
};

/**
 * Detects what a file is from its content (magic bytes via file-type, plus our own checks for the formats
 * it does not know), checks that against the extension, and maps it to the asset types it can become.
 */
export async function detectFile(path: string, options: { root?: string } = {}): Promise<DetectedFile> {
  const absolute = resolve(path);
  const shown = toProjectPath(resolve(options.root ?? process.cwd()), absolute);
  const extension = extname(absolute).slice(1).toLowerCase();
  const info = extensionInfo(extension);
  if (!info) {
    throw new PipelineError(
      shown,
      "unsupported-extension",
      extension ? `.${extension} files cannot be uploaded` : "a file without an extension cannot be uploaded",
      `use one of ${supportedExtensions()
        .map((e) => `.${e}`)
        .join(", ")}`,
    );
  }

  const { head, size } = await readHead(absolute, shown);
  const sniffed = await sniff(absolute, extension, head, size);
  if (!sniffed) {
    throw new PipelineError(
      shown,
      "unrecognized-content",
      `the content is not a valid .${extension} file (unrecognized or truncated data)`,
      `re-export the file as .${extension}`,
    );
  }
  if (!sniffed.extensions.includes(extension)) {
    const suggested = sniffed.extensions[0];
    const fix =
      suggested && extensionInfo(suggested)
        ? `rename it to .${suggested} or export it as .${extension}`
        : `convert it to a supported format (${supportedExtensions()
            .map((e) => `.${e}`)
            .join(", ")})`;
    throw new PipelineError(
      shown,
      "extension-mismatch",
      `the content is ${sniffed.format} (${sniffed.mime}) but the extension is .${extension}`,
      fix,
    );
  }
  let assetTypes = [...info.assetTypes];
  // A Roblox model whose root is a KeyframeSequence or CurveAnimation is an animation: that comes first.
  if (assetTypes.includes("Animation") && (await readsAsAnimation(absolute, extension, size))) {
    assetTypes = ["Animation", ...assetTypes.filter((type) => type !== "Animation")];
  }
  const defaultType = assetTypes[0]!;
  return {
    path: absolute,
    extension,
    mime: sniffed.mime,
    kind: info.kind,
    assetTypes,
    contentType: info.contentTypes[defaultType]!,
    size,
  };
}

/** Whether the model file's root is an animation (a file too big to upload is left to validation). */
async function readsAsAnimation(path: string, extension: string, size: number): Promise<boolean> {
  if (size > limits.maxFileBytes) return false;
  return isAnimationModel(await readFile(path), extension);
}

async function readHead(path: string, shown: string): Promise<{ head: Buffer; size: number }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PipelineError(
      shown,
      "unreadable",
      code === "ENOENT" ? "the file does not exist" : `the file cannot be read (${code ?? "error"})`,
      "check the path and its permissions",
      { cause: error },
    );
  }
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw new PipelineError(shown, "unreadable", "it is not a regular file (a directory?)", "pass a file");
    const { size } = info;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    let filled = 0;
    while (filled < head.length) {
      const { bytesRead } = await handle.read(head, filled, head.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { head: head.subarray(0, filled), size };
  } finally {
    await handle.close();
  }
}

async function sniff(
  path: string,
  extension: string,
  head: Buffer,
  size: number,
): Promise<Sniffed | undefined> {
  // Text and headerless formats first: file-type does not know them (or would call them plain XML).
  if (head.subarray(0, 8).toString("latin1") === "<roblox!") {
    return { format: "Roblox binary model", mime: "model/x-rbxm", extensions: ["rbxm"] };
  }
  const text = head.toString("utf8").replace(/^\uFEFF/, "");
  if (/^\s*(<\?xml[^>]*\?>\s*)?<roblox[\s>]/.test(text)) {
    return { format: "Roblox XML model", mime: "model/x-rbxm", extensions: ["rbxmx"] };
  }
  if (/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/.test(text)) {
    return { format: "SVG", mime: "image/svg+xml", extensions: ["svg"] };
  }
  if (/^; FBX \d/.test(text)) {
    return { format: "FBX", mime: "model/fbx", extensions: ["fbx"] };
  }
  if (/^\s*\{/.test(text) && (await isGltfJson(path, text, size))) {
    return { format: "glTF", mime: "model/gltf+json", extensions: ["gltf"] };
  }
  // A TGA header is only trusted under a .tga name; before file-type, whose weak signatures (CUR) it resembles.
  if (extension === "tga" && isTgaHeader(head)) return TGA;
  // Loaded on first use (a ~100 ms import) so that commands that never detect a file start fast.
  const { fileTypeFromBuffer } = await import("file-type");
  const found = await fileTypeFromBuffer(head);
  if (found) {
    const known = fromFileType[found.ext];
    return known
      ? { ...known, mime: found.mime }
      : { format: found.ext.toUpperCase(), mime: found.mime, extensions: [] };
  }
  return undefined;
}

async function isGltfJson(path: string, head: string, size: number): Promise<boolean> {
  // Too large to parse cheaply: validation rejects it on size anyway, so judge by the head alone.
  if (size > limits.maxFileBytes) return /"asset"\s*:/.test(head);
  try {
    const json: unknown = JSON.parse(await readFile(path, "utf8"));
    return (
      typeof json === "object" && json !== null && typeof (json as { asset?: unknown }).asset === "object"
    );
  } catch {
    return false;
  }
}

/** TGA has no magic number: accept only a header whose every field holds a legal value. */
export function isTgaHeader(head: Uint8Array): boolean {
  if (head.length < 18) return false;
  const view = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const colorMapType = view[1]!;
  const imageType = view[2]!;
  const colorMapEntryBits = view[7]!;
  const width = view.readUInt16LE(12);
  const height = view.readUInt16LE(14);
  const depth = view[16]!;
  const descriptor = view[17]!;
  if (colorMapType > 1) return false;
  if (![1, 2, 3, 9, 10, 11].includes(imageType)) return false;
  const colorMapped = imageType === 1 || imageType === 9;
  if (colorMapped !== (colorMapType === 1)) return false;
  if (colorMapType === 1 && ![15, 16, 24, 32].includes(colorMapEntryBits)) return false;
  if (width === 0 || height === 0) return false;
  if (![8, 15, 16, 24, 32].includes(depth)) return false;
  if ((descriptor & 0xc0) !== 0) return false; // interleaving bits, unused since TGA 2.0
  return true;
}

/** Width and height from a TGA header (image-size knows TGA too, but only after our header check). */
export function tgaDimensions(head: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  return { width: view.readUInt16LE(12), height: view.readUInt16LE(14) };
}
