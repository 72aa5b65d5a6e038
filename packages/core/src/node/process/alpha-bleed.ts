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
  const count = width * height;
  // 1 = may be sampled (visible, or coloured in an earlier pass); 2 = queued in the current frontier.
  const state = new Uint8Array(count);
  let frontier = new Int32Array(count);
  let frontierLength = 0;
  for (let i = 0; i < count; i++) if (data[i * 4 + 3] !== 0) state[i] = 1;
  for (let i = 0; i < count; i++) {
    if (state[i] === 0 && touchesSampled(state, i, width, height)) {
      state[i] = 2;
      frontier[frontierLength++] = i;
    }
  }
  let next = new Int32Array(count);
  const colours = new Uint8Array(count * 3);
  while (frontierLength > 0) {
    // Colour the whole ring from finished pixels first, then mark it finished: order-independent.
    for (let f = 0; f < frontierLength; f++) {
      const i = frontier[f]!;
      const x = i % width;
      const y = (i - x) / width;
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if ((dx === 0 && dy === 0) || nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (state[j] !== 1) continue;
          r += data[j * 4]!;
          g += data[j * 4 + 1]!;
          b += data[j * 4 + 2]!;
          n++;
        }
      }
      colours[f * 3] = Math.floor(r / n);
      colours[f * 3 + 1] = Math.floor(g / n);
      colours[f * 3 + 2] = Math.floor(b / n);
    }
    let nextLength = 0;
    for (let f = 0; f < frontierLength; f++) {
      const i = frontier[f]!;
      data[i * 4] = colours[f * 3]!;
      data[i * 4 + 1] = colours[f * 3 + 1]!;
      data[i * 4 + 2] = colours[f * 3 + 2]!;
      state[i] = 1;
    }
    // The next ring: untouched neighbours of this one.
    for (let f = 0; f < frontierLength; f++) {
      const i = frontier[f]!;
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const j = ny * width + nx;
          if (state[j] !== 0) continue;
          state[j] = 2;
          next[nextLength++] = j;
        }
      }
    }
    [frontier, next] = [next, frontier];
    frontierLength = nextLength;
  }
  return { width, height, data };
}

function touchesSampled(state: Uint8Array, i: number, width: number, height: number): boolean {
  const x = i % width;
  const y = (i - x) / width;
  for (let dy = -1; dy <= 1; dy++) {
    const ny = y + dy;
    if (ny < 0 || ny >= height) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx;
      if (nx < 0 || nx >= width) continue;
      if (state[ny * width + nx] === 1) return true;
    }
  }
  return false;
}
