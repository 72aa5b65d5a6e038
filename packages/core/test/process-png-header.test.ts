import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pngMayHaveTransparency } from "../src/node/process/png-header.js";
import { png } from "./pipeline-fixtures.js";

const raw = (channels: 3 | 4) => Buffer.alloc(4 * 4 * channels, 200);

describe("pngMayHaveTransparency", () => {
  it("is false for an RGB PNG without tRNS: alpha bleeding can never change it", async () => {
    expect(pngMayHaveTransparency(png(3, 3))).toBe(false);
    const rgb = await sharp(raw(3), { raw: { width: 4, height: 4, channels: 3 } })
      .png()
      .toBuffer();
    expect(pngMayHaveTransparency(rgb)).toBe(false);
  });

  it("is true for an alpha channel or a tRNS chunk, and when it cannot tell", async () => {
    const rgba = await sharp(raw(4), { raw: { width: 4, height: 4, channels: 4 } })
      .png()
      .toBuffer();
    expect(pngMayHaveTransparency(rgba)).toBe(true);
    const transparent = Buffer.alloc(4 * 4 * 4);
    const palette = await sharp(transparent, { raw: { width: 4, height: 4, channels: 4 } })
      .png({ palette: true })
      .toBuffer();
    expect(palette.includes(Buffer.from("tRNS"))).toBe(true);
    expect(pngMayHaveTransparency(palette)).toBe(true);
    expect(pngMayHaveTransparency(Buffer.from("not a png at all, but long enough to have a header"))).toBe(
      true,
    );
  });
});
