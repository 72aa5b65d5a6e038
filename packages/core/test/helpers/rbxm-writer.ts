// A minimal writer of Roblox binary models, by hand from the format's spec (https://dom.rojo.space/binary,
// "Roblox Binary Model Format", version 0): the file header, one INST chunk per class, a PRNT chunk, END.
// No PROP chunks: detection needs only classes and parents. Chunks are stored uncompressed, as an LZ4 block
// (lz4js) or as a zstd frame (Node's zlib), the three forms the spec allows.
import { zstdCompressSync } from "node:zlib";
import { compressBlock } from "lz4js";

export type Compression = "none" | "lz4" | "zstd";

/** Instances in file order: each with its class and its parent's index (-1: a root). */
export function writeRbxm(
  instances: { className: string; parent: number }[],
  compression: Compression = "none",
): Buffer {
  const classes = [...new Set(instances.map((i) => i.className))];
  const header = Buffer.alloc(32);
  header.write("<roblox!", 0, "latin1");
  Buffer.from([0x89, 0xff, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 8);
  header.writeUInt16LE(0, 14); // version
  header.writeInt32LE(classes.length, 16);
  header.writeInt32LE(instances.length, 20);
  const chunks: Buffer[] = [];
  classes.forEach((className, classId) => {
    const referents = instances.flatMap((instance, n) => (instance.className === className ? [n] : []));
    const name = Buffer.from(className, "utf8");
    const head = Buffer.alloc(4 + 4);
    head.writeUInt32LE(classId, 0);
    head.writeUInt32LE(name.length, 4);
    const count = Buffer.alloc(5);
    count.writeUInt8(0, 0); // object format: regular
    count.writeUInt32LE(referents.length, 1);
    chunks.push(
      chunk("INST", Buffer.concat([head, name, count, interleavedReferents(referents)]), compression),
    );
  });
  const prnt = Buffer.alloc(5);
  prnt.writeUInt8(0, 0);
  prnt.writeUInt32LE(instances.length, 1);
  chunks.push(
    chunk(
      "PRNT",
      Buffer.concat([
        prnt,
        interleavedReferents(instances.map((_, n) => n)),
        interleavedReferents(instances.map((i) => i.parent)),
      ]),
      compression,
    ),
  );
  chunks.push(chunk("END\0", Buffer.from("</roblox>", "latin1"), "none"));
  return Buffer.concat([header, ...chunks]);
}

function chunk(name: string, data: Buffer, compression: Compression): Buffer {
  const head = Buffer.alloc(16);
  head.write(name, 0, "latin1");
  let stored = data;
  if (compression === "lz4") {
    const out = new Uint8Array(data.length + Math.ceil(data.length / 255) + 16);
    const size = compressBlock(data, out, 0, data.length, new Uint32Array(1 << 16));
    // lz4js gives up on data with no repeat (returns 0): then one literal-only sequence, a valid LZ4 block.
    stored = size > 0 ? Buffer.from(out.subarray(0, size)) : literalBlock(data);
  } else if (compression === "zstd") stored = zstdCompressSync(data);
  head.writeUInt32LE(compression === "none" ? 0 : stored.length, 4);
  head.writeUInt32LE(data.length, 8);
  return Buffer.concat([head, stored]);
}

function literalBlock(data: Buffer): Buffer {
  const bytes = [Math.min(data.length, 15) << 4];
  if (data.length >= 15) {
    let rest = data.length - 15;
    for (; rest >= 255; rest -= 255) bytes.push(255);
    bytes.push(rest);
  }
  return Buffer.concat([Buffer.from(bytes), data]);
}

/** i32s as the spec stores referents: differences from the previous, zigzag-coded, in 4 big-endian byte planes. */
function interleavedReferents(values: number[]): Buffer {
  const out = Buffer.alloc(values.length * 4);
  let last = 0;
  values.forEach((value, n) => {
    const delta = value - last;
    last = value;
    const zigzag = ((delta << 1) ^ (delta >> 31)) >>> 0;
    for (let plane = 0; plane < 4; plane++)
      out[plane * values.length + n] = (zigzag >>> (24 - plane * 8)) & 0xff;
  });
  return out;
}
