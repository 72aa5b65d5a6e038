// The process stage for an image uploaded on its own: between prepare (hash, lockfile lookup) and validate.
// Only a lockfile miss gets here, so a warm run never decodes.
import { readFile } from "node:fs/promises";
import { limits } from "@rbxassets/spec";
import { PipelineError } from "../errors.js";
import { extensionInfo } from "../formats.js";
import { processImage } from "./image.js";
import type { ResolvedProcessOptions } from "./options.js";

/** Bytes to upload instead of the file's own. */
export interface UploadContent {
  bytes: Uint8Array;
  fileName: string;
  /** The upload's extension (png for a rendered SVG). */
  extension: string;
}

/**
 * The file's content as it goes up: processed (an SVG rendered, a PNG alpha-bled), or undefined when the
 * file goes up as it is. `onDecode` is told of each decode, for progress and for tests that count them.
 */
export async function processForUpload(
  absolute: string,
  file: string,
  options: ResolvedProcessOptions,
  onDecode: (file: string) => void,
): Promise<UploadContent | undefined> {
  const source = await readFile(absolute);
  onDecode(file);
  const processed = await processImage(source, file, options);
  if (!processed) return undefined;
  if (processed.bytes.length > limits.maxFileBytes) {
    throw new PipelineError(
      file,
      "size",
      `the processed image is ${processed.bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit`,
      "reduce its resolution",
    );
  }
  const base = (absolute.split(/[\\/]/).pop() ?? "image").replace(/\.[^.]*$/, "");
  return { bytes: processed.bytes, fileName: `${base}.png`, extension: "png" };
}

/** The content type an upload of these bytes carries, from the spec. */
export function contentTypeOf(content: UploadContent, assetType: string): string | undefined {
  const info = extensionInfo(content.extension);
  return info?.contentTypes[assetType as keyof typeof info.contentTypes];
}
