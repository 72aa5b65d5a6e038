// The class of a Roblox model file's first root instance: a `KeyframeSequence` or `CurveAnimation` root
// makes the file an animation (as asphalt and tungsten upload it). `.rbxmx` is XML; `.rbxm` is the binary
// format (https://dom.rojo.space/binary): its INST chunks name each instance's class and its PRNT chunk
// says which instances sit at the root. Chunks may be LZ4 blocks or zstd frames: lz4js and fzstd are
// small pure-JavaScript decoders (no native build), so detection runs wherever core does.
import { decompress as zstdDecompress } from "fzstd";
import { decompressBlock as lz4DecompressBlock } from "lz4js";

export const ANIMATION_ROOT_CLASSES: readonly string[] = ["KeyframeSequence", "CurveAnimation"];

const BINARY_MAGIC = "<roblox!";
const HEADER_BYTES = 32;
const CHUNK_HEADER_BYTES = 16;
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** The first root instance's class; undefined when the file holds none or cannot be read as a model. */
export function modelRootClass(bytes: Uint8Array, extension: string): string | undefined {
  try {
    return extension === "rbxmx" ? xmlRootClass(bytes) : binaryRootClass(bytes);
  } catch {
    return undefined;
  }
}

export function isAnimationModel(bytes: Uint8Array, extension: string): boolean {
  const root = modelRootClass(bytes, extension);
  return root !== undefined && ANIMATION_ROOT_CLASSES.includes(root);
}

/** The first `<Item class="…">` is the first root: children are nested inside their parent's element. */
function xmlRootClass(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes)
    .toString("utf8")
    .replace(/<!--[\s\S]*?-->/g, "");
  return /<Item\s[^>]*?class\s*=\s*"([^"]+)"/.exec(text)?.[1];
}

function binaryRootClass(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (Buffer.from(bytes.subarray(0, 8)).toString("latin1") !== BINARY_MAGIC) return undefined;
  const classOf = new Map<number, string>();
  let parents: { child: number; parent: number }[] = [];
  for (let offset = HEADER_BYTES; offset + CHUNK_HEADER_BYTES <= bytes.length; ) {
    const name = Buffer.from(bytes.subarray(offset, offset + 4)).toString("latin1");
    const compressed = view.getUint32(offset + 4, true);
    const size = view.getUint32(offset + 8, true);
    const start = offset + CHUNK_HEADER_BYTES;
    const stored = compressed === 0 ? size : compressed;
    if (start + stored > bytes.length) return undefined;
    offset = start + stored;
    if (name === "END\0") break;
    if (name !== "INST" && name !== "PRNT") continue;
    const data =
      compressed === 0
        ? bytes.subarray(start, start + size)
        : inflate(bytes.subarray(start, start + compressed), size);
    const chunk = new Reader(data);
    if (name === "INST") {
      chunk.u32(); // class id
      const className = chunk.string();
      chunk.u8(); // object format
      const count = chunk.u32();
      for (const referent of chunk.referents(count)) classOf.set(referent, className);
    } else {
      chunk.u8(); // version
      const count = chunk.u32();
      const children = chunk.referents(count);
      const parentsOf = chunk.referents(count);
      parents = children.map((child, n) => ({ child, parent: parentsOf[n]! }));
    }
  }
  const root = parents.find((p) => p.parent === -1);
  return root === undefined ? undefined : classOf.get(root.child);
}

function inflate(data: Uint8Array, size: number): Uint8Array {
  if (ZSTD_MAGIC.every((byte, n) => data[n] === byte)) return zstdDecompress(data);
  const out = new Uint8Array(size);
  lz4DecompressBlock(data, out, 0, data.length, 0);
  return out;
}

/** Little-endian reads over a chunk's data, and the format's interleaved, zigzag, delta-coded referents. */
class Reader {
  #at = 0;
  readonly #view: DataView;
  constructor(readonly data: Uint8Array) {
    this.#view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  u8(): number {
    return this.#view.getUint8(this.#at++);
  }
  u32(): number {
    const value = this.#view.getUint32(this.#at, true);
    this.#at += 4;
    return value;
  }
  string(): string {
    const length = this.u32();
    const text = Buffer.from(this.data.subarray(this.#at, this.#at + length)).toString("utf8");
    this.#at += length;
    return text;
  }
  /** `count` i32s stored as 4 byte planes (big-endian), zigzag-coded, each the difference from the last. */
  referents(count: number): number[] {
    const planes = this.data.subarray(this.#at, this.#at + count * 4);
    if (planes.length < count * 4) throw new RangeError("truncated referents");
    this.#at += count * 4;
    const out: number[] = [];
    let last = 0;
    for (let n = 0; n < count; n++) {
      const raw =
        ((planes[n]! << 24) |
          (planes[count + n]! << 16) |
          (planes[2 * count + n]! << 8) |
          planes[3 * count + n]!) >>>
        0;
      last += (raw >>> 1) ^ -(raw & 1);
      out.push(last);
    }
    return out;
  }
}
