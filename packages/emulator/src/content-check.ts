// The upload service looks at the bytes, not only at the part's Content-Type: an empty file, or bytes
// that are not what the content type says (random bytes as image/png, a PNG as model/fbx), are refused,
// and so are images over the size limit. file-type reads magic numbers; image-size reads image headers;
// the formats they do not know (Roblox models, glTF JSON, ASCII FBX, TGA, mesh data) are checked here.
import { limits } from "@rbxassets/spec";
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import { invalidArgument } from "./errors.js";
import type { UploadedFile } from "./multipart.js";

/** For each content type the spec lists: does this content match it? */
const matchers: Record<string, (bytes: Buffer, sniffed: string | undefined) => boolean> = {
  "image/png": (_, sniffed) => sniffed === "png" || sniffed === "apng",
  "image/jpeg": (_, sniffed) => sniffed === "jpg",
  "image/bmp": (_, sniffed) => sniffed === "bmp",
  "image/tga": (bytes) => isTgaHeader(bytes),
  "audio/mpeg": (_, sniffed) => sniffed === "mp3",
  "audio/ogg": (_, sniffed) => ["ogg", "oga", "opus", "spx"].includes(sniffed ?? ""),
  "audio/wav": (_, sniffed) => sniffed === "wav",
  "audio/flac": (_, sniffed) => sniffed === "flac",
  "model/fbx": (bytes, sniffed) => sniffed === "fbx" || /^; FBX \d/.test(text(bytes)),
  "model/gltf+json": (bytes) => isGltfJson(bytes),
  "model/gltf-binary": (_, sniffed) => sniffed === "glb",
  "model/x-rbxm": (bytes) =>
    bytes.subarray(0, 8).toString("latin1") === "<roblox!" ||
    /^\s*(<\?xml[^>]*\?>\s*)?<roblox[\s>]/.test(text(bytes)),
  // MP4 and QuickTime share the ISO media container and their brands vary: either is accepted as either.
  "video/mp4": (_, sniffed) => ["mp4", "m4v", "mov"].includes(sniffed ?? ""),
  "video/mov": (_, sniffed) => ["mp4", "m4v", "mov"].includes(sniffed ?? ""),
  // Roblox mesh data starts with its version line ("version 1.00" up to "version 7.00").
  "model/x-file-mesh-data": (bytes) => /^version \d\.\d\d/.test(bytes.subarray(0, 16).toString("latin1")),
};

const imageTypes = new Set(["image/png", "image/jpeg", "image/bmp", "image/tga"]);

/** Throws 400 INVALID_ARGUMENT unless the file's bytes are a valid file of its declared content type. */
export async function checkContent(file: UploadedFile): Promise<void> {
  const { buffer, contentType } = file;
  if (buffer.length === 0) throw invalidArgument("fileContent is empty.");
  const matches = matchers[contentType];
  // A content type outside the spec's table is refused earlier (checkContentType); unknown here = accept.
  if (!matches) return;
  const sniffed = (await fileTypeFromBuffer(buffer))?.ext;
  if (!matches(buffer, sniffed)) {
    throw invalidArgument(
      `fileContent is not a valid ${contentType} file` +
        (sniffed ? ` (its bytes are ${sniffed.toUpperCase()}).` : " (unrecognized or corrupt data)."),
    );
  }
  if (imageTypes.has(contentType)) checkDimensions(buffer, contentType);
}

function checkDimensions(buffer: Buffer, contentType: string): void {
  let size: { width?: number; height?: number };
  try {
    size = contentType === "image/tga" ? tgaDimensions(buffer) : imageSize(buffer);
  } catch {
    throw invalidArgument(`fileContent is not a valid ${contentType} file (its dimensions cannot be read).`);
  }
  const { width = 0, height = 0 } = size;
  const max = limits.maxImageDimension;
  if (width >= max || height >= max) {
    throw invalidArgument(`The image is ${width}x${height}; images must be under ${max}x${max} pixels.`);
  }
}

function text(bytes: Buffer): string {
  return bytes
    .subarray(0, 4096)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}

function isGltfJson(bytes: Buffer): boolean {
  try {
    const json: unknown = JSON.parse(bytes.toString("utf8").replace(/^\uFEFF/, ""));
    return (
      typeof json === "object" && json !== null && typeof (json as { asset?: unknown }).asset === "object"
    );
  } catch {
    return false;
  }
}

/** TGA has no magic number: accept only a header whose every field holds a legal value. */
function isTgaHeader(bytes: Buffer): boolean {
  if (bytes.length < 18) return false;
  const colorMapType = bytes[1]!;
  const imageType = bytes[2]!;
  const colorMapped = imageType === 1 || imageType === 9;
  return (
    colorMapType <= 1 &&
    [1, 2, 3, 9, 10, 11].includes(imageType) &&
    colorMapped === (colorMapType === 1) &&
    (colorMapType === 0 || [15, 16, 24, 32].includes(bytes[7]!)) &&
    bytes.readUInt16LE(12) > 0 &&
    bytes.readUInt16LE(14) > 0 &&
    [8, 15, 16, 24, 32].includes(bytes[16]!) &&
    (bytes[17]! & 0xc0) === 0
  );
}

function tgaDimensions(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt16LE(12), height: bytes.readUInt16LE(14) };
}
