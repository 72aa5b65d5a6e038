import { limits } from "@rbxassets/spec";
import { PipelineError } from "../errors.js";
import { checkImageDimensions } from "../validate.js";
import { encodePng } from "./codec.js";
import type { AtlasLayout } from "./layout.js";
import { blankImage, blitExtruded, type RgbaImage } from "./rgba.js";

/**
 * An atlas's pixels: each sprite (already processed, e.g. alpha-bled) at its place, its padding filled by
 * repeating its edge pixels so that filtering at a sprite's edge never pulls in a neighbour's colours.
 * Everything else stays fully transparent.
 */
export function renderAtlas(
  layout: AtlasLayout,
  padding: number,
  imageOf: (file: string) => RgbaImage,
): RgbaImage {
  const atlas = blankImage(layout.width, layout.height);
  for (const sprite of layout.sprites) {
    const image = imageOf(sprite.file);
    if (image.width !== sprite.width || image.height !== sprite.height) {
      throw new Error(
        `${sprite.file} is ${image.width}x${image.height}, its rect ${sprite.width}x${sprite.height}`,
      );
    }
    blitExtruded(atlas, image, sprite.x, sprite.y, padding);
  }
  return atlas;
}

/**
 * An atlas as the PNG that goes up (or into Studio's content folder): rendered, encoded, and within the
 * spec's limits for an image, else a one-line error naming the atlas.
 */
export async function atlasPng(
  layout: AtlasLayout,
  padding: number,
  imageOf: (file: string) => RgbaImage,
): Promise<Uint8Array> {
  checkImageDimensions(layout.name, layout.width, layout.height, "lower the spritesheet's maxSize");
  const bytes = await encodePng(renderAtlas(layout, padding, imageOf));
  if (bytes.length > limits.maxFileBytes) {
    throw new PipelineError(
      layout.name,
      "size",
      `the atlas is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit`,
      "lower the spritesheet's maxSize",
    );
  }
  return bytes;
}
