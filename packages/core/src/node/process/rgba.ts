/** A decoded image: `width * height` pixels, 4 bytes each (red, green, blue, alpha), row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Whether any pixel is fully transparent: only those are changed by alpha bleeding. */
export function hasFullyTransparentPixel(image: RgbaImage): boolean {
  const { data } = image;
  for (let i = 3; i < data.length; i += 4) if (data[i] === 0) return true;
  return false;
}

/** A fully transparent (all zero) image of this size. */
export function blankImage(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

/**
 * Copies `source` into `target` at (`left`, `top`), and repeats its edge pixels `extrude` pixels outward
 * on every side (corners included), so that texture filtering at a sprite's edge samples its own colours
 * rather than a neighbour's. The caller keeps the extruded area inside `target`.
 */
export function blitExtruded(
  target: RgbaImage,
  source: RgbaImage,
  left: number,
  top: number,
  extrude: number,
): void {
  const { width: sw, height: sh, data: src } = source;
  const dst = target.data;
  const tw = target.width;
  for (let y = -extrude; y < sh + extrude; y++) {
    const sy = y < 0 ? 0 : y >= sh ? sh - 1 : y;
    const rowStart = ((top + y) * tw + left) * 4;
    // The row's inner part in one copy; the extruded ends pixel by pixel.
    dst.set(src.subarray(sy * sw * 4, (sy + 1) * sw * 4), rowStart);
    for (let x = 1; x <= extrude; x++) {
      dst.set(src.subarray(sy * sw * 4, sy * sw * 4 + 4), rowStart - x * 4);
      dst.set(src.subarray(((sy + 1) * sw - 1) * 4, (sy + 1) * sw * 4), rowStart + (sw - 1 + x) * 4);
    }
  }
}

/** The `width` x `height` pixels of `image` at (`left`, `top`), as a new image. */
export function cropImage(
  image: RgbaImage,
  left: number,
  top: number,
  width: number,
  height: number,
): RgbaImage {
  const out = blankImage(width, height);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * image.width + left) * 4;
    out.data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return out;
}
