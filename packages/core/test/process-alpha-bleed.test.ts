import { describe, expect, it } from "vitest";
import { alphaBleed } from "../src/node/process/alpha-bleed.js";
import type { RgbaImage } from "../src/node/process/rgba.js";

function image(width: number, height: number, pixel: (x: number, y: number) => number[]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return { width, height, data };
}
const at = (img: RgbaImage, x: number, y: number) => [
  ...img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4),
];

describe("alphaBleed", () => {
  it("gives a half-transparent image's transparent side the opaque side's colour, alpha untouched", () => {
    const source = image(8, 4, (x) => (x < 4 ? [200, 100, 50, 255] : [0, 0, 0, 0]));
    const out = alphaBleed(source);
    for (let y = 0; y < 4; y++) {
      for (let x = 0; x < 8; x++) {
        expect(at(out, x, y)).toEqual(x < 4 ? [200, 100, 50, 255] : [200, 100, 50, 0]);
      }
    }
  });

  it("keeps opaque and partly transparent pixels exactly, and leaves its input alone", () => {
    const source = image(5, 5, (x, y) =>
      x === 2 && y === 2 ? [10, 20, 30, 128] : x === 0 && y === 0 ? [250, 0, 0, 255] : [7, 7, 7, 0],
    );
    const before = new Uint8Array(source.data);
    const out = alphaBleed(source);
    expect(source.data).toEqual(before);
    expect(at(out, 2, 2)).toEqual([10, 20, 30, 128]);
    expect(at(out, 0, 0)).toEqual([250, 0, 0, 255]);
    // Every transparent pixel took a colour and stayed transparent.
    for (let i = 3; i < out.data.length; i += 4) expect(out.data[i]).toBe(before[i]);
  });

  it("takes the nearest visible colour, spreading ring by ring, averaging equidistant neighbours", () => {
    // Red at the left edge, blue at the right edge of a 7-wide row: each side's pixels take the nearer one.
    const source = image(7, 1, (x) =>
      x === 0 ? [255, 0, 0, 255] : x === 6 ? [0, 0, 255, 255] : [0, 0, 0, 0],
    );
    const out = alphaBleed(source);
    expect(at(out, 1, 0)).toEqual([255, 0, 0, 0]);
    expect(at(out, 2, 0)).toEqual([255, 0, 0, 0]);
    expect(at(out, 4, 0)).toEqual([0, 0, 255, 0]);
    expect(at(out, 5, 0)).toEqual([0, 0, 255, 0]);
    // The middle pixel is reached by both in the same pass.
    expect(at(out, 3, 0)).toEqual([127, 0, 127, 0]);
  });

  it("leaves a fully transparent image as it was", () => {
    const source = image(3, 3, () => [1, 2, 3, 0]);
    expect(alphaBleed(source).data).toEqual(source.data);
  });

  it("bleeds a 1024x1024 icon sheet (the benchmark's size) completely", () => {
    const source = image(1024, 1024, (x, y) =>
      ((x >> 6) + (y >> 6)) % 2 === 0 && x % 64 < 32 ? [x & 255, y & 255, 9, 255] : [0, 0, 0, 0],
    );
    const out = alphaBleed(source);
    let uncoloured = 0;
    for (let i = 0; i < out.data.length; i += 4)
      if (out.data[i + 3] === 0 && out.data[i + 2] !== 9) uncoloured++;
    expect(uncoloured).toBe(0);
  });
});
