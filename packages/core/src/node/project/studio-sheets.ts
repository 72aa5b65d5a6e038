// The Studio target's spritesheets: each image prepared, validated and processed as for the cloud, then
// packed and rendered with the same pure pixel code (layout, atlas rendering) into PNGs written once each.
// Studio keeps no lockfile record, so the layout is packed afresh each time.

import { atlasPng } from "../process/atlas.js";
import { decodeImage } from "../process/codec.js";
import { planLayout, type SpriteInput } from "../process/layout.js";
import type { ResolvedProcessOptions } from "../process/options.js";
import type { RgbaImage } from "../process/rgba.js";
import type { InputFile } from "./inputs.js";

/** A file as it would be uploaded: the processed bytes and their file name (`.png` for an SVG). */
export interface ProcessedFile {
  bytes: Uint8Array;
  fileName: string;
}

export interface StudioSprite {
  file: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StudioAtlas {
  /** Path below the project's folder in content: `.atlases/<input>-<n>.png`. */
  path: string;
  bytes: Uint8Array;
  sprites: StudioSprite[];
}

export interface StudioSheets {
  atlases: StudioAtlas[];
  failed: { file: string; error: unknown }[];
  /** Images too large for an atlas: written on their own. */
  alone: InputFile[];
}

export async function packStudioSheets(
  processed: (file: string) => Promise<ProcessedFile>,
  group: string,
  files: InputFile[],
  processing: ResolvedProcessOptions,
): Promise<StudioSheets> {
  const sheet = processing.spritesheet!;
  const result: StudioSheets = { atlases: [], failed: [], alone: [] };
  const images = new Map<string, RgbaImage>();
  const sprites: SpriteInput[] = [];
  await Promise.all(
    files.map(async (item) => {
      try {
        // Processed exactly as an image uploaded on its own, then decoded for the atlas.
        const { bytes, fileName } = await processed(item.file);
        const image = await decodeImage(bytes, fileName, undefined);
        if (
          image.width + 2 * sheet.padding > sheet.maxSize ||
          image.height + 2 * sheet.padding > sheet.maxSize
        ) {
          result.alone.push(item);
          return;
        }
        images.set(item.file, image);
        sprites.push({ file: item.file, key: item.file, width: image.width, height: image.height });
      } catch (error) {
        result.failed.push({ file: item.file, error });
      }
    }),
  );
  const plan = planLayout(sprites, [], { group, maxSize: sheet.maxSize, padding: sheet.padding });
  for (const [index, layout] of plan.atlases.entries()) {
    result.atlases.push({
      path: `.atlases/${group.replace(/[^A-Za-z0-9_.-]/g, "_")}-${index}.png`,
      bytes: await atlasPng(layout, sheet.padding, (file) => images.get(file)!),
      sprites: layout.sprites.map(({ file, x, y, width, height }) => ({ file, x, y, width, height })),
    });
  }
  return result;
}
