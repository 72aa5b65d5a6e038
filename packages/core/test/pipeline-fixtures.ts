// Small, valid files of every format the pipeline accepts, built in code (no binary blobs in git). `seed`
// changes the content (and so the hash) without changing the format.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { deflateSync } from "node:zlib";

export type FixtureFormat =
  | "png"
  | "jpeg"
  | "bmp"
  | "tga"
  | "mp3"
  | "ogg"
  | "wav"
  | "flac"
  | "fbx"
  | "fbx-ascii"
  | "gltf"
  | "glb"
  | "rbxm"
  | "rbxmx"
  | "mp4"
  | "mov";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  return Buffer.concat([u32be(data.length), body, u32be(crc32(body))]);
}

export function png(width: number, height: number, seed = 0): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.alloc(1 + width * 3, seed & 0xff);
  row[0] = 0;
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("tEXt", Buffer.from(`seed\0${seed}`, "latin1")),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function jpeg(seed: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x06]), u32be(seed)]);
  // SOF0: 8-bit, 2x3 pixels, 1 component.
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 8, 0x00, 0x03, 0x00, 0x02, 1, 1, 0x11, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, comment, sof, Buffer.from([0xff, 0xd9])]);
}

function bmp(seed: number): Buffer {
  const pixels = Buffer.from([seed & 0xff, 0, 0, 0]); // 1x1, 24 bit, row padded to 4
  const header = Buffer.alloc(54);
  header.write("BM", 0, "latin1");
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(1, 18);
  header.writeInt32LE(1, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(pixels.length, 34);
  return Buffer.concat([header, pixels]);
}

export function tga(width: number, height: number, seed = 0): Buffer {
  const header = Buffer.alloc(18);
  header[2] = 2; // uncompressed true colour
  header.writeUInt16LE(width, 12);
  header.writeUInt16LE(height, 14);
  header[16] = 24;
  header[17] = 0x20; // top-left origin
  const pixels = Buffer.alloc(width * height * 3, seed & 0xff);
  const footer = Buffer.concat([Buffer.alloc(8), Buffer.from("TRUEVISION-XFILE.\0", "latin1")]);
  return Buffer.concat([header, pixels, footer]);
}

export function mp3(seed = 0, frames = 4): Buffer {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
  // MPEG-1 Layer III, 128 kbps, 44.1 kHz, no padding: 417-byte frames.
  const frame = Buffer.alloc(417, seed & 0xff);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  return Buffer.concat([id3, ...Array.from({ length: frames }, () => frame)]);
}

function ogg(seed: number): Buffer {
  const packet = Buffer.alloc(30);
  packet.write("\x01vorbis", 0, "latin1");
  packet.writeUInt32LE(0, 7); // version
  packet[11] = 1; // channels
  packet.writeUInt32LE(44100, 12);
  packet[29] = 1;
  const page = Buffer.alloc(27 + 1);
  page.write("OggS", 0, "latin1");
  page[5] = 0x02; // beginning of stream
  page.writeUInt32LE(seed, 14); // serial number
  page[26] = 1; // one segment
  page[27] = packet.length;
  return Buffer.concat([page, packet]);
}

export function wav(seconds: number, seed = 0): Buffer {
  const sampleRate = 8000;
  const data = Buffer.alloc(Math.round(sampleRate * seconds), seed & 0xff); // 8-bit mono
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate, 28); // byte rate
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function flac(seed: number): Buffer {
  const info = Buffer.alloc(34);
  info.writeUInt16BE(4096, 0);
  info.writeUInt16BE(4096, 2);
  // 44100 Hz, 1 channel, 16 bits, 44100 samples (1 s); then an MD5 slot we fill with the seed.
  const sampleRate = 44100;
  info[10] = (sampleRate >> 12) & 0xff;
  info[11] = (sampleRate >> 4) & 0xff;
  info[12] = ((sampleRate & 0x0f) << 4) | (0 << 1) | 0;
  info[13] = (15 << 4) | 0;
  info.writeUInt32BE(44100, 14);
  info.writeUInt32BE(seed, 18);
  const blockHeader = Buffer.from([0x80, 0, 0, 34]); // last block, STREAMINFO, length 34
  return Buffer.concat([Buffer.from("fLaC", "latin1"), blockHeader, info]);
}

function fbx(seed: number): Buffer {
  const header = Buffer.concat([Buffer.from("Kaydara FBX Binary  \0", "latin1"), Buffer.from([0x1a, 0x00])]);
  const version = Buffer.alloc(4);
  version.writeUInt32LE(7400);
  return Buffer.concat([header, version, Buffer.alloc(160, seed & 0xff)]);
}

function glb(seed: number): Buffer {
  let json = Buffer.from(JSON.stringify({ asset: { version: "2.0", generator: `fixture ${seed}` } }), "utf8");
  json = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4, 0x20)]);
  const header = Buffer.alloc(12);
  header.write("glTF", 0, "latin1");
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + json.length, 8);
  const chunk = Buffer.alloc(8);
  chunk.writeUInt32LE(json.length, 0);
  chunk.write("JSON", 4, "latin1");
  return Buffer.concat([header, chunk, json]);
}

function isoMedia(brand: string, seed: number, seconds = 2): Buffer {
  const box = (type: string, body: Buffer) =>
    Buffer.concat([u32be(8 + body.length), Buffer.from(type, "latin1"), body]);
  const ftyp = box(
    "ftyp",
    Buffer.concat([Buffer.from(brand, "latin1"), u32be(0), Buffer.from(brand, "latin1")]),
  );
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale
  mvhd.writeUInt32BE(seconds * 1000, 16); // duration
  mvhd.writeUInt32BE(seed, 96);
  return Buffer.concat([ftyp, box("moov", box("mvhd", mvhd))]);
}

export function fixture(format: FixtureFormat, seed = 0): Buffer {
  switch (format) {
    case "png":
      return png(1, 1, seed);
    case "jpeg":
      return jpeg(seed);
    case "bmp":
      return bmp(seed);
    case "tga":
      return tga(1, 1, seed);
    case "mp3":
      return mp3(seed);
    case "ogg":
      return ogg(seed);
    case "wav":
      return wav(0.1, seed);
    case "flac":
      return flac(seed);
    case "fbx":
      return fbx(seed);
    case "fbx-ascii":
      return Buffer.from(`; FBX 7.4.0 project file\n; seed ${seed}\nFBXHeaderExtension:  {\n}\n`, "utf8");
    case "gltf":
      return Buffer.from(
        `${JSON.stringify({ asset: { version: "2.0" }, extras: { seed } }, null, 2)}\n`,
        "utf8",
      );
    case "glb":
      return glb(seed);
    case "rbxm":
      return Buffer.concat([
        Buffer.from("<roblox!\x89\xff\r\n\x1a\n", "latin1"),
        u32be(seed),
        Buffer.alloc(16),
      ]);
    case "rbxmx":
      return Buffer.from(`<roblox version="4"><!-- ${seed} --></roblox>\n`, "utf8");
    case "mp4":
      return isoMedia("isom", seed);
    case "mov":
      return isoMedia("qt  ", seed);
  }
}

/** Writes `contents` (path -> bytes) under `root`, creating folders. */
export async function writeFiles(root: string, contents: Record<string, Buffer | string>): Promise<void> {
  for (const [path, data] of Object.entries(contents)) {
    const absolute = join(root, path);
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, data);
  }
}
