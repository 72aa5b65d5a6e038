import { open } from "node:fs/promises";

type Handle = Awaited<ReturnType<typeof open>>;

/**
 * Duration in seconds of an audio or video file, when it can be read cheaply from headers (WAV, FLAC,
 * MP3 (constant bitrate or Xing/Info header), MP4/QuickTime `mvhd`); undefined otherwise.
 */
export async function mediaDurationSeconds(path: string, extension: string): Promise<number | undefined> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    switch (extension) {
      case "wav":
        return await wavDuration(handle, size);
      case "flac":
        return await flacDuration(handle);
      case "mp3":
        return await mp3Duration(handle, size);
      case "mp4":
      case "mov":
        return await isoMediaDuration(handle, size);
      default:
        return undefined;
    }
  } catch {
    return undefined; // unreadable headers: the service decides
  } finally {
    await handle.close();
  }
}

async function read(handle: Handle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function wavDuration(handle: Handle, size: number): Promise<number | undefined> {
  const header = await read(handle, 0, 12);
  if (header.toString("latin1", 0, 4) !== "RIFF" || header.toString("latin1", 8, 12) !== "WAVE")
    return undefined;
  let position = 12;
  let byteRate: number | undefined;
  while (position + 8 <= size) {
    const chunk = await read(handle, position, 20);
    if (chunk.length < 8) return undefined;
    const id = chunk.toString("latin1", 0, 4);
    const length = chunk.readUInt32LE(4);
    if (id === "fmt " && chunk.length >= 20) byteRate = chunk.readUInt32LE(16); // after format, channels, rate
    if (id === "data") return byteRate ? Math.min(length, size - position - 8) / byteRate : undefined;
    position += 8 + length + (length % 2);
  }
  return undefined;
}

async function flacDuration(handle: Handle): Promise<number | undefined> {
  const header = await read(handle, 0, 42);
  if (header.toString("latin1", 0, 4) !== "fLaC" || header.length < 42) return undefined;
  // STREAMINFO: sample rate (20 bits) and total samples (36 bits) starting at byte 18 of the file.
  const sampleRate = (header[18]! << 12) | (header[19]! << 4) | (header[20]! >> 4);
  const totalSamples = (header[21]! & 0x0f) * 2 ** 32 + header.readUInt32BE(22);
  return sampleRate > 0 && totalSamples > 0 ? totalSamples / sampleRate : undefined;
}

const MP3_BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MP3_BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const MP3_SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  0: [11025, 12000, 8000],
};

async function mp3Duration(handle: Handle, size: number): Promise<number | undefined> {
  let offset = 0;
  const id3 = await read(handle, 0, 10);
  if (id3.toString("latin1", 0, 3) === "ID3" && id3.length === 10) {
    offset =
      10 + (((id3[6]! & 0x7f) << 21) | ((id3[7]! & 0x7f) << 14) | ((id3[8]! & 0x7f) << 7) | (id3[9]! & 0x7f));
  }
  const frame = await read(handle, offset, 200);
  if (frame.length < 4 || frame[0] !== 0xff || (frame[1]! & 0xe0) !== 0xe0) return undefined;
  const version = (frame[1]! >> 3) & 0x03; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
  const layer = (frame[1]! >> 1) & 0x03; // 1 = Layer III
  if (layer !== 1 || version === 1) return undefined;
  const bitrateKbps = (version === 3 ? MP3_BITRATES_V1_L3 : MP3_BITRATES_V2_L3)[frame[2]! >> 4];
  const sampleRate = MP3_SAMPLE_RATES[version]?.[(frame[2]! >> 2) & 0x03];
  if (!bitrateKbps || !sampleRate) return undefined;
  const samplesPerFrame = version === 3 ? 1152 : 576;
  // A Xing/Info header carries the frame count, exact for variable bitrate files.
  for (const tag of ["Xing", "Info"]) {
    const at = frame.indexOf(tag, 4, "latin1");
    if (at > 0 && at + 12 <= frame.length && (frame.readUInt32BE(at + 4) & 0x1) === 1) {
      return (frame.readUInt32BE(at + 8) * samplesPerFrame) / sampleRate;
    }
  }
  return ((size - offset) * 8) / (bitrateKbps * 1000);
}

async function isoMediaDuration(handle: Handle, size: number): Promise<number | undefined> {
  const moov = await findBox(handle, 0, size, "moov");
  if (!moov) return undefined;
  const mvhd = await findBox(handle, moov.start, moov.end, "mvhd");
  if (!mvhd) return undefined;
  const body = await read(handle, mvhd.start, 32);
  const version = body[0];
  if (version === 1 && body.length >= 32) {
    const timescale = body.readUInt32BE(20);
    const duration = Number(body.readBigUInt64BE(24));
    return timescale ? duration / timescale : undefined;
  }
  if (body.length < 20) return undefined;
  const timescale = body.readUInt32BE(12);
  return timescale ? body.readUInt32BE(16) / timescale : undefined;
}

/** Walks sibling ISO boxes in [from, to) and returns the body range of the first of `type`. */
async function findBox(
  handle: Handle,
  from: number,
  to: number,
  type: string,
): Promise<{ start: number; end: number } | undefined> {
  let position = from;
  for (let guard = 0; position + 8 <= to && guard < 1000; guard++) {
    const header = await read(handle, position, 16);
    if (header.length < 8) return undefined;
    let length = header.readUInt32BE(0);
    let headerLength = 8;
    if (length === 1 && header.length >= 16) {
      length = Number(header.readBigUInt64BE(8));
      headerLength = 16;
    } else if (length === 0) {
      length = to - position;
    }
    if (length < headerLength) return undefined;
    if (header.toString("latin1", 4, 8) === type)
      return { start: position + headerLength, end: position + length };
    position += length;
  }
  return undefined;
}
