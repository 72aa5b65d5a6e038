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
