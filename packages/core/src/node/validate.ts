import { open } from "node:fs/promises";
import { limits } from "@rbxassets/spec";
import { descriptionProblem, displayNameProblem } from "../client/metadata-limits.js";
import { parseCreator } from "./config.js";
import type { DetectedFile } from "./detect.js";
import { isTgaHeader, tgaDimensions } from "./detect.js";
import { mediaDurationSeconds } from "./duration.js";
import { PipelineError } from "./errors.js";
import { isConvertedExtension } from "./formats.js";
import { toProjectPath } from "./paths.js";
import type { AssetType } from "./types.js";

export interface ValidateMeta {
  displayName: string;
  description: string;
  assetType: AssetType;
  /** `user:<id>` or `group:<id>`. Required unless `requireCreator` is false (check mode). */
  creator?: string;
  expectedPrice?: number;
}

export interface ValidateOptions {
  /** Root the file name in messages is relative to. Default: `process.cwd()`. */
  root?: string;
  /** Default true; check mode validates without credentials or creator. */
  requireCreator?: boolean;
}

const IMAGE_HEAD_BYTES = 512 * 1024; // image-size's own read size for headers

/**
 * Everything that can be checked before a request: each failure is a PipelineError naming the file, the
 * rule and the fix, so that nothing is sent that the service would refuse.
 */
export async function validateFile(
  detected: DetectedFile,
  meta: ValidateMeta,
  options: ValidateOptions = {},
): Promise<void> {
  const file = toProjectPath(options.root ?? process.cwd(), detected.path);
  const fail = (rule: string, problem: string, fix: string): never => {
    throw new PipelineError(file, rule, problem, fix);
  };

  if (!detected.assetTypes.includes(meta.assetType)) {
    fail(
      "asset-type",
      `a .${detected.extension} file cannot be uploaded as ${meta.assetType}`,
      `use one of ${detected.assetTypes.join(", ")}`,
    );
  }
  if (detected.size === 0) fail("empty", "the file is empty", "export the file again");
  if (detected.size > limits.maxFileBytes) {
    fail(
      "size",
      `the file is ${formatBytes(detected.size)}, over the ${formatBytes(limits.maxFileBytes)} limit`,
      "compress it or reduce its resolution or length",
    );
  }
  const truncated = await truncation(detected);
  if (truncated) fail("truncated", truncated, "re-export it");
  for (const found of [displayNameProblem(meta.displayName), descriptionProblem(meta.description)]) {
    if (found) fail(found.rule, found.problem, found.fix);
  }
  if (options.requireCreator !== false) {
    if (meta.creator === undefined || meta.creator.trim() === "") {
      fail(
        "creator",
        "no creator is configured",
        "set RBXASSETS_CREATOR (or the creator option, or creator in the project file rbxassets.config.*) to user:<id> or group:<id>",
      );
    } else if (!parseCreator(meta.creator)) {
      fail(
        "creator",
        `creator ${JSON.stringify(meta.creator)} is not user:<id> or group:<id>`,
        "fix RBXASSETS_CREATOR",
      );
    }
  }
  if (meta.assetType === "Video" && (meta.expectedPrice === undefined || !(meta.expectedPrice >= 0))) {
    fail(
      "expected-price",
      "video uploads carry a fee and no expected price is set",
      "set videoExpectedPrice (Robux) to the most you accept",
    );
  }

  // A converted source (SVG) is measured once rendered, by the process stage.
  if (detected.kind === "image" && !isConvertedExtension(detected.extension)) {
    const size = await imageDimensions(detected);
    if (!size) fail("image-dimensions", "the image dimensions cannot be read", "export the image again");
    checkImageDimensions(file, size!.width, size!.height);
  }
  if (detected.kind === "audio" || detected.kind === "video") {
    const seconds = await mediaDurationSeconds(detected.path, detected.extension);
    const max = detected.kind === "audio" ? limits.maxAudioSeconds : limits.maxVideoSeconds;
    if (seconds !== undefined && seconds > max) {
      fail(
        "duration",
        `the ${detected.kind} lasts ${formatSeconds(seconds)}, over ${formatSeconds(max)}`,
        `trim it to ${formatSeconds(max)} or less`,
      );
    }
  }
}

/** The service's size rule for images: under `maxImageDimension` on each side. */
export function checkImageDimensions(
  file: string,
  width: number,
  height: number,
  fix = `resize it below ${limits.maxImageDimension}x${limits.maxImageDimension}`,
): void {
  const max = limits.maxImageDimension;
  if (width >= max || height >= max) {
    throw new PipelineError(
      file,
      "image-dimensions",
      `the image is ${width}x${height}, not under ${max}x${max}`,
      fix,
    );
  }
}

/** How much of the end of a file the completeness checks read. */
const TAIL_BYTES = 4096;
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * Whether the file is complete, where the format makes that cheap to tell (a fixed header field or end
 * marker, at most a few KB read): the problem when it is not, else undefined. Audio is not checked (its
 * containers have no cheap end marker) and glTF JSON was parsed whole by detection.
 */
async function truncation(detected: DetectedFile): Promise<string | undefined> {
  const { extension } = detected;
  if (!["png", "jpg", "jpeg", "bmp", "tga", "glb"].includes(extension)) return undefined;
  const handle = await open(detected.path, "r");
  try {
    const { size } = await handle.stat();
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    };
    const tail = () => read(Math.max(0, size - TAIL_BYTES), TAIL_BYTES);
    const declared = (what: string, bytes: number) =>
      `the ${what} is truncated (its header declares ${bytes} bytes, the file has ${size})`;
    switch (extension) {
      case "png":
        // The last chunk is IEND; bytes after it (padding, a stray byte) are ignored by every reader.
        return (await tail()).includes(PNG_IEND) ? undefined : "the image is truncated (no IEND chunk)";
      case "jpg":
      case "jpeg": {
        const end = await tail();
        let last = end.length;
        while (last > 0 && end[last - 1] === 0) last--; // trailing zero padding
        return last >= 2 && end[last - 2] === 0xff && end[last - 1] === 0xd9
          ? undefined
          : "the image is truncated (no end-of-image marker FFD9)";
      }
      case "bmp": {
        const header = await read(0, 14);
        if (header.length < 14) return "the image is truncated (incomplete BMP header)";
        const fileSize = header.readUInt32LE(2);
        const dataOffset = header.readUInt32LE(10);
        if (fileSize > size) return declared("image", fileSize);
        if (dataOffset > size) return declared("image", dataOffset);
        return undefined;
      }
      case "tga": {
        const header = await read(0, 18);
        if (!isTgaHeader(header)) return undefined; // detection vouched for it; nothing more to tell
        const idLength = header[0]!;
        const colorMapLength = header[1] === 1 ? header.readUInt16LE(5) * Math.ceil(header[7]! / 8) : 0;
        const { width, height } = tgaDimensions(header);
        // Run-length encoded data (types 9 to 11) has no size known in advance: only the header parts count.
        const imageBytes = header[2]! < 8 ? width * height * Math.ceil(header[16]! / 8) : 0;
        const needed = 18 + idLength + colorMapLength + imageBytes;
        return needed > size ? declared("image", needed) : undefined;
      }
      case "glb": {
        const header = await read(0, 12);
        if (header.length < 12) return "the model is truncated (incomplete glTF binary header)";
        const length = header.readUInt32LE(8);
        if (length > size) return declared("model", length);
        if (length < size) return `the glTF binary header declares ${length} bytes but the file has ${size}`;
        return undefined;
      }
      default:
        return undefined;
    }
  } finally {
    await handle.close();
  }
}

async function imageDimensions(
  detected: DetectedFile,
): Promise<{ width: number; height: number } | undefined> {
  const handle = await open(detected.path, "r");
  let head: Buffer;
  try {
    head = Buffer.alloc(Math.min(IMAGE_HEAD_BYTES, detected.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    head = head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (detected.extension === "tga") return isTgaHeader(head) ? tgaDimensions(head) : undefined;
  const { imageSize } = await import("image-size"); // loaded on first use: a ~110 ms import
  try {
    const { width, height } = imageSize(head);
    return width !== undefined && height !== undefined ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${bytes} bytes`;
}

function formatSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
