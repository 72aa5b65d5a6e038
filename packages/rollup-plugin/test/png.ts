// Small PNGs made in memory, for the plugin's tests.
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of `width` x `height`, colour type `colourType` (2 RGB, 6 RGBA), from its filtered scanlines. */
function pngOf(width: number, height: number, colourType: 2 | 6, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colourType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(scanlines)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A valid 1x1 RGB PNG whose pixel (and so whose hash) depends on `seed`. */
export function png(seed: number): Buffer {
  return pngOf(1, 1, 2, Buffer.from([0, seed & 0xff, (seed >> 8) & 0xff, 7]));
}

/** An RGBA PNG: a coloured square inside a fully transparent 1 px border. */
export function icon(size: number, seed: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      if (x === 0 || y === 0 || x === size - 1 || y === size - 1) continue;
      row.set([(seed * 70) & 255, (x * 9) & 255, (y * 13) & 255, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  return pngOf(size, size, 6, Buffer.concat(rows));
}
