import type { RgbaImage } from "./rgba.js";

/**
 * Alpha bleeding: every fully transparent pixel takes the colour of its nearest non-transparent
 * neighbours, so that Roblox's texture filtering, which blends a visible edge pixel with the transparent
 * one beside it, blends in a matching colour instead of the (usually black) RGB of empty pixels: no dark
 * halo around transparent icons.
 *
 * The colour spreads outward in passes, like asphalt's and tarmac's: pass 1 colours the transparent pixels
 * touching a visible one (8-neighbourhood) with the average of those visible neighbours; pass n colours
 * the next ring from the pixels coloured before it. A pass reads only pixels finished in earlier passes,
 * so the result does not depend on visiting order. Alpha is never changed, and pixels with any alpha
 * (opaque or partly transparent) keep their values exactly. An image with no visible pixel is returned as
 * it was.
 *
 * Pure: returns a new image and leaves `image` untouched.
 */
export function alphaBleed(image: RgbaImage): RgbaImage {
  const { width, height } = image;
  const data = new Uint8Array(image.data);
  // Work on a copy framed by a 1-pixel border that is never sampled nor queued: neighbours are fixed
  // offsets, with no bounds checks in the inner loops.
  const stride = width + 2;
  const size = stride * (height + 2);
  const state = new Uint8Array(size); // 0 empty, 1 may be sampled, 2 queued, 3 border
  const rgb = new Uint8Array(size * 3);
  for (let x = 0; x < stride; x++) {
    state[x] = 3;
    state[size - 1 - x] = 3;
  }
  for (let y = 0; y < height; y++) {
    const row = (y + 1) * stride;
    state[row] = 3;
    state[row + stride - 1] = 3;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i + 3] === 0) continue;
      const p = row + x + 1;
      state[p] = 1;
      rgb[p * 3] = data[i]!;
      rgb[p * 3 + 1] = data[i + 1]!;
      rgb[p * 3 + 2] = data[i + 2]!;
    }
  }
  const offsets = [-stride - 1, -stride, -stride + 1, -1, 1, stride - 1, stride, stride + 1];
  let frontier = new Int32Array(width * height);
  let next = new Int32Array(width * height);
  let frontierLength = 0;
  for (let p = stride; p < size - stride; p++) {
    if (state[p] !== 0) continue;
    for (const offset of offsets) {
      if (state[p + offset] === 1) {
        state[p] = 2;
        frontier[frontierLength++] = p;
        break;
      }
    }
  }
  const colours = new Uint8Array(width * height * 3);
  let bled = 0;
  const done = new Int32Array(width * height);
  while (frontierLength > 0) {
    // Colour the whole ring from finished pixels first, then mark it finished: order-independent.
    for (let f = 0; f < frontierLength; f++) {
      const p = frontier[f]!;
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let k = 0; k < 8; k++) {
        const q = p + offsets[k]!;
        if (state[q] !== 1) continue;
        r += rgb[q * 3]!;
        g += rgb[q * 3 + 1]!;
        b += rgb[q * 3 + 2]!;
        n++;
      }
      colours[f * 3] = (r / n) | 0;
      colours[f * 3 + 1] = (g / n) | 0;
      colours[f * 3 + 2] = (b / n) | 0;
    }
    let nextLength = 0;
    for (let f = 0; f < frontierLength; f++) {
      const p = frontier[f]!;
      rgb[p * 3] = colours[f * 3]!;
      rgb[p * 3 + 1] = colours[f * 3 + 1]!;
      rgb[p * 3 + 2] = colours[f * 3 + 2]!;
      state[p] = 1;
      done[bled++] = p;
    }
    // The next ring: untouched neighbours of this one.
    for (let f = 0; f < frontierLength; f++) {
      const p = frontier[f]!;
      for (let k = 0; k < 8; k++) {
        const q = p + offsets[k]!;
        if (state[q] !== 0) continue;
        state[q] = 2;
        next[nextLength++] = q;
      }
    }
    [frontier, next] = [next, frontier];
    frontierLength = nextLength;
  }
  // Only bled pixels change, and only their colour.
  for (let d = 0; d < bled; d++) {
    const p = done[d]!;
    const y = ((p / stride) | 0) - 1;
    const i = (y * width + (p - (y + 1) * stride - 1)) * 4;
    data[i] = rgb[p * 3]!;
    data[i + 1] = rgb[p * 3 + 1]!;
    data[i + 2] = rgb[p * 3 + 2]!;
  }
  return { width, height, data };
}
