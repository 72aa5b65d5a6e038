/** Bytes of a PNG's start that `pngMayHaveTransparency` needs: the chunks before the first IDAT. */
export const PNG_HEAD_BYTES = 4096;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Whether a PNG can hold a fully transparent pixel, from its header alone: an alpha channel (colour types
 * 4 and 6) or a tRNS chunk before the image data. A PNG that cannot is never changed by alpha bleeding, so
 * it is not processed at all (and its lockfile entry stays as before processing existed). Anything this
 * cannot tell (not a PNG, chunks past `head`) counts as "may": the decoder then decides.
 */
export function pngMayHaveTransparency(head: Uint8Array): boolean {
  if (head.length < 33 || SIGNATURE.some((byte, i) => head[i] !== byte)) return true;
  const colourType = head[25];
  if (colourType === 4 || colourType === 6) return true;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let at = 8;
  while (at + 8 <= head.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(head[at + 4]!, head[at + 5]!, head[at + 6]!, head[at + 7]!);
    if (type === "tRNS") return true;
    if (type === "IDAT" || type === "IEND") return false;
    at += 12 + length;
  }
  return true;
}
