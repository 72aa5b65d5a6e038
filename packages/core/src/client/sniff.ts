// Content type from a file's first bytes, for uploads that come without a name or type (a bare Buffer).
// Only the formats the spec accepts; anything else stays undefined.

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return bytes.every((byte, i) => head[offset + i] === byte);
}

const SIGNATURES: ReadonlyArray<{ contentType: string; test: (head: Uint8Array) => boolean }> = [
  { contentType: "image/png", test: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { contentType: "image/jpeg", test: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { contentType: "image/bmp", test: (h) => startsWith(h, ascii("BM")) && h.length >= 14 },
  { contentType: "audio/ogg", test: (h) => startsWith(h, ascii("OggS")) },
  { contentType: "audio/flac", test: (h) => startsWith(h, ascii("fLaC")) },
  { contentType: "audio/wav", test: (h) => startsWith(h, ascii("RIFF")) && startsWith(h, ascii("WAVE"), 8) },
  {
    contentType: "audio/mpeg",
    test: (h) => startsWith(h, ascii("ID3")) || (h[0] === 0xff && ((h[1] ?? 0) & 0xe0) === 0xe0),
  },
  { contentType: "model/gltf-binary", test: (h) => startsWith(h, ascii("glTF")) },
  { contentType: "model/fbx", test: (h) => startsWith(h, ascii("Kaydara FBX Binary")) },
  { contentType: "model/x-rbxm", test: (h) => startsWith(h, ascii("<roblox")) },
  {
    contentType: "video/mp4",
    test: (h) => startsWith(h, ascii("ftyp"), 4) && !startsWith(h, ascii("qt  "), 8),
  },
  { contentType: "video/mov", test: (h) => startsWith(h, ascii("ftypqt  "), 4) },
];

export const SNIFF_BYTES = 32;

export function sniffContentType(head: Uint8Array): string | undefined {
  return SIGNATURES.find((signature) => signature.test(head))?.contentType;
}
