// The process stage for an image uploaded on its own, in the pipeline's process seam (stages/process.ts):
// only a lockfile miss gets here, so a warm run never decodes.
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { limits } from "@rbxassets/spec";
import { PipelineError } from "../errors.js";
import { extensionInfo } from "../formats.js";
import { hashBytes } from "../hash.js";
import { processImage } from "../process/image.js";
import { assertSameContent } from "./changed.js";
import { type ProcessStage, sendAsIs } from "./process.js";

/**
 * The default process stage: a file prepared with a processing fingerprint (a PNG that may hold
 * transparent pixels, an SVG) is decoded, bled or rendered, and sent as PNG; anything else, and an image
 * processing would not change, is sent as it is. `onDecode` is told of each decode (progress, and tests
 * that count them).
 */
export function imageProcessStage(onDecode: (file: string) => void): ProcessStage {
  return async (prepared, signal) => {
    if (!prepared.processing || prepared.fingerprint === undefined) return sendAsIs(prepared, signal);
    const source = await readFile(prepared.absolute);
    // Processed from the bytes that were hashed, or reported as changed.
    assertSameContent(prepared.file, prepared.hash, hashBytes(source));
    onDecode(prepared.file);
    const processed = await processImage(source, prepared.file, prepared.processing);
    if (!processed) return sendAsIs(prepared, signal);
    if (processed.bytes.length > limits.maxFileBytes) {
      throw new PipelineError(
        prepared.file,
        "size",
        `the processed image is ${processed.bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit`,
        "reduce its resolution",
      );
    }
    const contentType = extensionInfo("png")!.contentTypes[prepared.assetType]!;
    return {
      data: new Blob([processed.bytes as Uint8Array<ArrayBuffer>], { type: contentType }),
      fileName: `${basename(prepared.absolute, extname(prepared.absolute))}.png`,
      contentType,
    };
  };
}
