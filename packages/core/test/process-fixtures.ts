// Images for the process-stage tests, and reading back what reached the emulator.
import sharp from "sharp";
import type { RgbaImage } from "../src/node/process/rgba.js";

/**
 * A `width` x `height` icon: a coloured disc-ish block (colour from `seed`) inside a fully transparent
 * border of `border` px, with a partly transparent pixel in its centre.
 */
export function iconPixels(width: number, height: number, seed: number, border = 2): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= border && y >= border && x < width - border && y < height - border;
      if (!inside) continue; // RGB stays 0: what bleeding must replace
      const i = (y * width + x) * 4;
      data[i] = (seed * 67 + x * 3) & 255;
      data[i + 1] = (seed * 131 + y * 5) & 255;
      data[i + 2] = (seed * 29 + 90) & 255;
      data[i + 3] = 255;
    }
  }
  const centre = (Math.floor(height / 2) * width + Math.floor(width / 2)) * 4;
  data[centre + 3] = 128;
  return { width, height, data };
}

export function encode(image: RgbaImage): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png()
    .toBuffer();
}

export async function decode(bytes: Uint8Array): Promise<RgbaImage> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

/** The bytes the emulator holds for an asset (it must run with `keepContent: true`). */
export async function uploadedContent(emulatorUrl: string, assetId: string): Promise<Buffer> {
  const origin = new URL(emulatorUrl).origin;
  const response = await fetch(`${origin}/_emulator/assets/${assetId}/content`);
  if (!response.ok) throw new Error(`no content for asset ${assetId}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

export function pixel(image: RgbaImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [...image.data.subarray(i, i + 4)];
}
