import { createHash } from "node:crypto";
import { extname } from "node:path";
import { limits } from "@rbxassets/spec";
import type { SvgOptions } from "./codec.js";
import { pngMayHaveTransparency } from "./png-header.js";

/** Spritesheet packing of an input's images. */
export interface SpritesheetOptions {
  /** Most width and height of one atlas in pixels (default 1024). */
  maxSize?: number;
  /** Pixels around each sprite, filled by repeating its edge pixels (default 2). */
  padding?: number;
}

/**
 * How an input's images are processed before upload. The project file's `inputs.<name>` and the plugins'
 * options map onto this.
 */
export interface ProcessOptions {
  /** Alpha bleeding of images with transparent pixels (default true). */
  alphaBleed?: boolean;
  /** Pack the images into atlases: `true` for the defaults, or the sizes (default false). */
  spritesheet?: boolean | SpritesheetOptions;
  /** How SVG files are rasterized (default: their intrinsic size). */
  svg?: SvgOptions;
}

export interface ResolvedProcessOptions {
  alphaBleed: boolean;
  spritesheet: { maxSize: number; padding: number } | undefined;
  svg: SvgOptions;
}

export const DEFAULT_ATLAS_SIZE = 1024;
export const DEFAULT_PADDING = 2;

/**
 * The processing code's version: part of every fingerprint, so that a change to what processing produces
 * (bump it then) re-processes and re-uploads everything it touched.
 */
export const PROCESS_VERSION = 1;

/** Extensions the process stage can decode (sharp); others are uploaded as they are. */
const DECODABLE = new Set(["png", "jpg", "jpeg", "svg"]);

export function isDecodable(file: string): boolean {
  return DECODABLE.has(extname(file).slice(1).toLowerCase());
}

/** Options with defaults applied; a wrong value is a one-line error naming the option. */
export function resolveProcessOptions(options: ProcessOptions | undefined): ResolvedProcessOptions {
  const alphaBleed = options?.alphaBleed ?? true;
  if (typeof alphaBleed !== "boolean") throw new TypeError("alphaBleed must be true or false");
  const sheet = options?.spritesheet;
  let spritesheet: ResolvedProcessOptions["spritesheet"];
  if (sheet === true || (typeof sheet === "object" && sheet !== null)) {
    const given = sheet === true ? {} : sheet;
    const maxSize = given.maxSize ?? DEFAULT_ATLAS_SIZE;
    const padding = given.padding ?? DEFAULT_PADDING;
    if (!Number.isInteger(maxSize) || maxSize < 16 || maxSize >= limits.maxImageDimension) {
      throw new RangeError(
        `spritesheet.maxSize must be a whole number from 16 to ${limits.maxImageDimension - 1}, got ${maxSize}`,
      );
    }
    if (!Number.isInteger(padding) || padding < 0 || padding > 64) {
      throw new RangeError(`spritesheet.padding must be a whole number from 0 to 64, got ${padding}`);
    }
    spritesheet = { maxSize, padding };
  } else if (sheet !== undefined && sheet !== false) {
    throw new TypeError("spritesheet must be true, false or { maxSize, padding }");
  }
  const svg = options?.svg ?? {};
  for (const key of ["scale", "width", "height"] as const) {
    const value = svg[key];
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value > 0)) {
      throw new RangeError(`svg.${key} must be a positive number, got ${String(value)}`);
    }
  }
  return { alphaBleed, spritesheet, svg };
}

/**
 * What processing one image on its own depends on, as a short stable string; undefined when the file goes
 * up as it is (a JPEG, or a PNG with bleeding off), so that its lockfile entry stays as before.
 */
export function imageFingerprint(
  options: ResolvedProcessOptions,
  file: string,
  pngHead: () => Uint8Array | undefined,
): string | undefined {
  const extension = extname(file).slice(1).toLowerCase();
  if (extension === "svg") return fingerprint({ bleed: options.alphaBleed, svg: svgKey(options.svg) });
  if (extension !== "png" || !options.alphaBleed) return undefined;
  // A PNG that cannot hold a transparent pixel goes up as it is.
  const head = pngHead();
  if (head && !pngMayHaveTransparency(head)) return undefined;
  return fingerprint({ bleed: true });
}

/** What a sprite's place and pixels in an atlas depend on. */
export function spriteFingerprint(options: ResolvedProcessOptions, file: string): string {
  const sheet = options.spritesheet!;
  const svg = extname(file).toLowerCase() === ".svg" ? svgKey(options.svg) : undefined;
  return fingerprint({ bleed: options.alphaBleed, maxSize: sheet.maxSize, padding: sheet.padding, svg });
}

function svgKey(svg: SvgOptions): string {
  return `${svg.scale ?? ""}/${svg.width ?? ""}/${svg.height ?? ""}`;
}

function fingerprint(parts: Record<string, unknown>): string {
  const text = JSON.stringify({ v: PROCESS_VERSION, ...parts });
  return `p${PROCESS_VERSION}-${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}
