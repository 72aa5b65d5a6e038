import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PipelineError } from "../src/node/errors.js";
import { processImage } from "../src/node/process/image.js";
import { resolveProcessOptions } from "../src/node/process/options.js";

const svg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"><rect width="5" height="20" fill="#ff0000"/></svg>',
);

async function pixels(png: Uint8Array) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe("SVG rasterizing", () => {
  it("renders at the intrinsic size, as a PNG, with the transparent half bled", async () => {
    const out = (await processImage(svg, "icons/bar.svg", resolveProcessOptions({})))!;
    const { data, width, height } = await pixels(out.bytes);
    expect([width, height]).toEqual([10, 20]);
    expect((await sharp(out.bytes).metadata()).format).toBe("png");
    expect([...data.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
    // Right half: transparent, coloured like the left.
    expect([...data.subarray(9 * 4, 10 * 4)]).toEqual([255, 0, 0, 0]);
  });

  it("renders at a scale or a size", async () => {
    const scaled = (await processImage(svg, "a.svg", resolveProcessOptions({ svg: { scale: 3 } })))!;
    expect([scaled.width, scaled.height]).toEqual([30, 60]);
    const sized = (await processImage(svg, "a.svg", resolveProcessOptions({ svg: { height: 64 } })))!;
    expect([sized.width, sized.height]).toEqual([32, 64]);
    const { data } = await pixels(sized.bytes);
    expect([...data.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
  });

  it("keeps the transparent pixels' RGB as rendered when bleeding is off", async () => {
    const out = (await processImage(svg, "a.svg", resolveProcessOptions({ alphaBleed: false })))!;
    const { data } = await pixels(out.bytes);
    expect(data[9 * 4 + 3]).toBe(0);
    expect([...data.subarray(9 * 4, 9 * 4 + 3)]).not.toEqual([255, 0, 0]);
  });

  it("refuses invalid SVG with one line naming the file", async () => {
    const error = await processImage(
      Buffer.from("<svg><nope"),
      "icons/broken.svg",
      resolveProcessOptions({}),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).message).toMatch(
      /^icons\/broken\.svg: the file is not a valid SVG \(.+\) — /,
    );
    expect((error as PipelineError).message).not.toContain("\n");
  });

  it("refuses an SVG that would render too large before rendering it", async () => {
    const huge = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="10"></svg>');
    await expect(processImage(huge, "big.svg", resolveProcessOptions({}))).rejects.toThrow(
      /^big\.svg: the image is 9000x10, not under 8000x8000 — give it a smaller size or scale$/,
    );
  });
});
