import type { Sharp, SharpOptions } from "sharp";
import { oneLine, PipelineError } from "../errors.js";
import { loadOptionalDependency } from "../optional-dependency.js";
import { checkImageDimensions } from "../validate.js";
import type { RgbaImage } from "./rgba.js";

/**
 * Decoding, encoding and SVG rendering go through sharp (libvips): one well-kept native library decodes
 * PNG and JPEG, encodes PNG, and renders SVG through its bundled librsvg, so no second renderer (such as
 * resvg-js) and no separate PNG codec are needed. It is loaded on first use: a warm run never pays for it.
 */
type SharpFactory = (input?: Uint8Array, options?: SharpOptions) => Sharp;
let sharpModule: Promise<SharpFactory> | undefined;
function loadSharp(file: string): Promise<SharpFactory> {
  return loadOptionalDependency("sharp", file, () => {
    sharpModule ??= import("sharp").then(
      (module) => module.default as unknown as SharpFactory,
      (error: unknown) => {
        sharpModule = undefined; // not kept: sharp installed during a watch counts from the next file
        throw error;
      },
    );
    return sharpModule;
  });
}

/** How an SVG is rasterized: at its intrinsic size, scaled, or to a given width and/or height. */
export interface SvgOptions {
  /** Multiplies the intrinsic size (default 1). */
  scale?: number;
  /** Target width in pixels; with `height` absent, the height follows the aspect ratio. */
  width?: number;
  /** Target height in pixels; with `width` absent, the width follows the aspect ratio. */
  height?: number;
}

/** SVG's nominal resolution: librsvg renders one user unit per pixel at 72 dpi in sharp. */
const SVG_DENSITY = 72;

export function isSvgFile(file: string): boolean {
  return /\.svg$/i.test(file);
}

/** Decodes a PNG or JPEG, or renders an SVG, to RGBA. Any failure is a one-line error naming the file. */
export async function decodeImage(
  bytes: Uint8Array,
  file: string,
  svg: SvgOptions | undefined,
): Promise<RgbaImage> {
  const sharp = await loadSharp(file);
  try {
    let pipeline: Sharp;
    if (isSvgFile(file)) {
      pipeline = await svgPipeline(sharp, bytes, file, svg ?? {});
    } else {
      pipeline = sharp(bytes);
    }
    const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    };
  } catch (error) {
    if (error instanceof PipelineError) throw error;
    const what = isSvgFile(file) ? "is not a valid SVG" : "cannot be decoded";
    throw new PipelineError(
      file,
      isSvgFile(file) ? "svg" : "decode",
      `the file ${what} (${oneLine((error as Error).message).slice(0, 200)})`,
      "export it again from the editor",
    );
  }
}

async function svgPipeline(
  sharp: SharpFactory,
  bytes: Uint8Array,
  file: string,
  svg: SvgOptions,
): Promise<Sharp> {
  const meta = await sharp(bytes, { density: SVG_DENSITY }).metadata();
  if (meta.format !== "svg" || !meta.width || !meta.height) throw new Error("no SVG document found");
  const { width, height } = targetSize(meta.width, meta.height, svg, file);
  // Rendered at the density that gives the target size directly: vectors stay sharp when scaled up.
  const density = SVG_DENSITY * Math.max(width / meta.width, height / meta.height);
  const rendered = sharp(bytes, { density });
  return rendered.resize(width, height, { fit: "fill" });
}

function targetSize(
  intrinsicWidth: number,
  intrinsicHeight: number,
  svg: SvgOptions,
  file: string,
): { width: number; height: number } {
  let width: number;
  let height: number;
  if (svg.width !== undefined || svg.height !== undefined) {
    width = svg.width ?? Math.round((svg.height! * intrinsicWidth) / intrinsicHeight);
    height = svg.height ?? Math.round((svg.width! * intrinsicHeight) / intrinsicWidth);
  } else {
    const scale = svg.scale ?? 1;
    width = Math.round(intrinsicWidth * scale);
    height = Math.round(intrinsicHeight * scale);
  }
  width = Math.max(1, width);
  height = Math.max(1, height);
  checkImageDimensions(file, width, height, "give it a smaller size or scale");
  return { width, height };
}

/** Encodes RGBA as PNG; the same pixels always give the same bytes. */
export async function encodePng(image: RgbaImage, file: string): Promise<Buffer> {
  const sharp = await loadSharp(file);
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png()
    .toBuffer();
}
