import { alphaBleed } from "./alpha-bleed.js";
import { decodeImage, encodePng, isSvgFile } from "./codec.js";
import type { ResolvedProcessOptions } from "./options.js";
import { hasFullyTransparentPixel, type RgbaImage } from "./rgba.js";

/** What goes up instead of the source file: always a PNG. */
export interface ProcessedImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * One image's pixels as they go into an atlas or up on their own: decoded (an SVG rendered), then
 * alpha-bled when asked. A pure function of (bytes, options).
 */
export async function processPixels(
  bytes: Uint8Array,
  file: string,
  options: ResolvedProcessOptions,
): Promise<RgbaImage> {
  const decoded = await decodeImage(bytes, file, options.svg);
  return options.alphaBleed && hasFullyTransparentPixel(decoded) ? alphaBleed(decoded) : decoded;
}

/**
 * One image processed to upload on its own; undefined when the source can go up as it is (a PNG without
 * fully transparent pixels gains nothing from bleeding, and re-encoding it would only change its bytes).
 */
export async function processImage(
  bytes: Uint8Array,
  file: string,
  options: ResolvedProcessOptions,
): Promise<ProcessedImage | undefined> {
  const decoded = await decodeImage(bytes, file, options.svg);
  const bleed = options.alphaBleed && hasFullyTransparentPixel(decoded);
  if (!bleed && !isSvgFile(file)) return undefined;
  const pixels = bleed ? alphaBleed(decoded) : decoded;
  return { bytes: await encodePng(pixels, file), width: pixels.width, height: pixels.height };
}
