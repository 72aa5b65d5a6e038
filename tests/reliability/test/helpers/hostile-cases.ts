// The corpus of hostile inputs that hostile-input.test.ts runs through the real CLI binary, in the order the
// report lists them: each is to be refused with a clear one-line error on stderr naming the file or field, a
// non-zero exit, and no request at all. A few odd-but-legal inputs (unicode, spaces, a newline in a name)
// must either work or be refused the same way.
import { mkdir, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mp4, png, pngHeader, wav } from "./files.js";

export interface Case {
  name: string;
  args: string[];
  /** Text a stderr line must contain: the file or field the error is about. */
  mentions: string;
  files?: Record<string, Buffer | string>;
  setup?: (root: string) => Promise<void>;
  env?: Record<string, string | undefined>;
  /**
   * "refuse" (default): non-zero, one line, no request. "either": that, or success with this display name.
   * "byDesign": accepted on purpose (the reason is reported): it must succeed with this display name.
   */
  expect?: "refuse" | { either: string } | { byDesign: string; name: string };
  /** A known gap (reported in docs/reliability.md, not failed on): why the refusal does not happen yet. */
  known?: string;
}

/** A whole, valid PNG. */
export const good = png(1);

/** A glTF binary of `actual` bytes whose header declares `declared` (a valid JSON chunk inside). */
function glb(declared: number, actual: number): Buffer {
  const json = Buffer.from('{"asset":{"version":"2.0"}}'.padEnd(Math.max(28, actual - 20), " "));
  const header = Buffer.alloc(20);
  header.write("glTF", 0, "latin1");
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(declared, 8);
  header.writeUInt32LE(json.length, 12);
  header.write("JSON", 16, "latin1");
  return Buffer.concat([header, json]).subarray(0, actual);
}
export const cases: Case[] = [
  {
    name: "PNG truncated inside its header",
    files: { "t.png": good.subarray(0, 14) },
    args: ["upload", "t.png"],
    mentions: "t.png",
  },
  {
    name: "PNG truncated after its header (no image data, no IEND)",
    files: { "t.png": good.subarray(0, 33) },
    args: ["upload", "t.png"],
    mentions: "t.png",
  },
  {
    name: "PNG truncated in the middle of its image data",
    files: { "t.png": good.subarray(0, good.length - 20) },
    args: ["upload", "t.png"],
    mentions: "t.png",
  },
  {
    name: "PNG truncated in its image data (sync)",
    files: { "t.png": good.subarray(0, good.length - 20) },
    args: ["sync", "t.png"],
    mentions: "t.png",
  },
  {
    name: "glTF binary whose header declares more bytes than the file has",
    files: { "m.glb": glb(64, 40) },
    args: ["upload", "m.glb"],
    mentions: "m.glb",
  },
  {
    name: "corrupt image (random bytes as .png)",
    files: { "c.png": Buffer.from("this is not an image at all, just text pretending") },
    args: ["upload", "c.png"],
    mentions: "c.png",
  },
  {
    name: "PNG named .fbx",
    files: { "model.fbx": good },
    args: ["upload", "model.fbx"],
    mentions: "model.fbx",
  },
  { name: "empty file", files: { "empty.png": "" }, args: ["upload", "empty.png"], mentions: "empty.png" },
  {
    name: "25 MB file",
    setup: async (root) => {
      await writeFile(join(root, "big.png"), pngHeader(64, 64));
      await truncate(join(root, "big.png"), 25_000_000);
    },
    args: ["upload", "big.png"],
    mentions: "big.png",
  },
  {
    name: "9000x9000 image (crafted header)",
    files: { "huge.png": pngHeader(9000, 9000) },
    args: ["upload", "huge.png"],
    mentions: "huge.png",
  },
  {
    name: "path outside the project root (upload)",
    setup: async (root) => writeFile(join(root, "..", "outside.png"), png(2)),
    args: ["upload", "../outside.png", "--wait"],
    mentions: "outside.png",
    expect: {
      byDesign:
        "a single explicit upload is not recorded in the lockfile, so it takes any path (~/Downloads/x.png); sync, resolve and lookup refuse it",
      name: "outside",
    },
  },
  {
    name: "path outside the project root (sync)",
    setup: async (root) => writeFile(join(root, "..", "outside.png"), png(3)),
    args: ["sync", "../outside.png"],
    mentions: "outside.png",
  },
  {
    name: "symlink inside the root to a file outside it (sync)",
    setup: async (root) => {
      await writeFile(join(root, "..", "target.png"), png(8));
      await symlink(join(root, "..", "target.png"), join(root, "link.png"));
    },
    args: ["sync", "link.png"],
    mentions: "link.png",
  },
  {
    name: "symlink loop (upload)",
    setup: async (root) => {
      await symlink("loop-b.png", join(root, "loop-a.png"));
      await symlink("loop-a.png", join(root, "loop-b.png"));
    },
    args: ["upload", "loop-a.png"],
    mentions: "loop-a.png",
  },
  {
    name: "symlink loop (sync)",
    setup: async (root) => {
      await symlink("loop-b.png", join(root, "loop-a.png"));
      await symlink("loop-a.png", join(root, "loop-b.png"));
    },
    args: ["sync", "loop-a.png"],
    mentions: "loop-a.png",
  },
  {
    name: "file name with a leading dash",
    files: { "-dash.png": good },
    args: ["upload", "-dash.png"],
    mentions: "-dash.png",
  },
  {
    name: "description of 1001 characters",
    files: { "g.png": good },
    args: ["upload", "g.png", "--description", "d".repeat(1001)],
    mentions: "description",
  },
  {
    name: "display name of 51 characters",
    files: { "g.png": good },
    args: ["upload", "g.png", "--name", "n".repeat(51)],
    mentions: "display name",
  },
  { name: "asset id with letters", args: ["get", "abc"], mentions: '"abc"' },
  { name: "asset id with a decimal point", args: ["get", "12.5"], mentions: '"12.5"' },
  { name: "negative asset id", args: ["get", "-5"], mentions: "-5" },
  { name: "asset id in exponent notation", args: ["versions", "1e3"], mentions: '"1e3"' },
  { name: "empty asset id", args: ["get", ""], mentions: '""' },
  {
    name: "asset id of 21 digits",
    args: ["get", "123456789012345678901"],
    mentions: "123456789012345678901",
  },
  {
    name: "malformed lockfile",
    files: { "g.png": good, "rbxassets.lock.json": '{"version": 1, "assets": {"g.png": {"assetId": "x' },
    args: ["sync", "."],
    mentions: "rbxassets.lock.json",
  },
  {
    name: "lockfile with merge conflict markers",
    files: {
      "g.png": good,
      "rbxassets.lock.json": '<<<<<<< HEAD\n{"version":1,"assets":{}}\n=======\n{}\n>>>>>>> b\n',
    },
    args: ["sync", "."],
    mentions: "rbxassets.lock.json",
  },
  {
    name: 'unknown creator form "team:1" (flag)',
    files: { "g.png": good },
    args: ["--creator", "team:1", "upload", "g.png"],
    mentions: "team:1",
  },
  {
    name: 'unknown creator form "team:1" (env, sync)',
    files: { "g.png": good },
    env: { RBXASSETS_CREATOR: "team:1" },
    args: ["sync", "."],
    mentions: "team:1",
  },
  {
    name: "directory passed as a file",
    setup: (root) => mkdir(join(root, "dir.png")),
    args: ["upload", "dir.png"],
    mentions: "dir.png",
  },
  {
    name: "directory without extension passed as a file",
    setup: (root) => mkdir(join(root, "images")),
    args: ["upload", "images"],
    mentions: "images",
  },
  {
    name: ".gltf with invalid JSON",
    files: { "m.gltf": '{"asset": {"version": "2.0"' },
    args: ["upload", "m.gltf"],
    mentions: "m.gltf",
  },
  {
    name: "WAV whose header claims 4 GB of data but holds 1 KB (odd but legal)",
    files: { "lie.wav": wav({ claimedBytes: 0xfffffff0, actualBytes: 1024 }) },
    args: ["upload", "lie.wav", "--wait"],
    mentions: "lie.wav",
    // The duration is computed from min(header, file size): the lie is not believed, 1 KB is short.
    expect: { either: "lie" },
  },
  {
    name: "WAV whose header claims a byte rate of 1 (a 2 KB file lasting 34 minutes)",
    files: { "slow.wav": wav({ claimedBytes: 2048, actualBytes: 2048, byteRate: 1 }) },
    args: ["upload", "slow.wav"],
    mentions: "slow.wav",
  },
  {
    name: "WAV really longer than 7 minutes (8 kHz mono, 8 minutes)",
    files: { "long.wav": wav({ claimedBytes: 3_840_000, actualBytes: 3_840_000, byteRate: 8000 }) },
    args: ["upload", "long.wav"],
    mentions: "long.wav",
  },
  {
    name: "--type Video without --expected-price",
    files: { "clip.mp4": mp4() },
    args: ["upload", "clip.mp4", "--type", "Video"],
    mentions: "expected-price",
  },
  {
    name: "unknown --type",
    files: { "g.png": good },
    args: ["upload", "g.png", "--type", "Sound"],
    mentions: "Sound",
  },
  { name: "negative page size", args: ["versions", "123", "--page-size", "-1"], mentions: "page-size" },
  { name: "page size over 50", args: ["versions", "123", "--page-size", "51"], mentions: "page-size" },
  {
    name: "negative expected price",
    files: { "clip.mp4": mp4() },
    args: ["upload", "clip.mp4", "--expected-price", "-5"],
    mentions: "expected-price",
  },
  {
    name: "unknown flag",
    files: { "g.png": good },
    args: ["upload", "g.png", "--frobnicate"],
    mentions: "--frobnicate",
  },
  { name: "unknown command", args: ["uplaod", "g.png"], mentions: "uplaod" },
  {
    name: "--api-key-file that does not exist",
    args: ["--api-key-file", "nope.txt", "get", "1"],
    mentions: "nope.txt",
  },
  {
    name: "empty --api-key-file",
    files: { "key.txt": "  \n" },
    args: ["--api-key-file", "key.txt", "get", "1"],
    mentions: "key.txt",
  },
  {
    name: "--api-url that is not http(s)",
    args: ["--api-url", "ftp://example.com/assets", "get", "1"],
    mentions: "RBXASSETS_API_URL",
  },
  { name: "malformed operation id", args: ["operation", "a b/../c"], mentions: "operation id" },
  { name: "version number 0", args: ["rollback", "123", "0"], mentions: '"0"' },
  { name: "update with nothing to change", args: ["update", "123"], mentions: "nothing to update" },
  {
    name: "update a non-model with new content",
    files: { "g.png": good },
    args: ["update", "123", "--file", "g.png"],
    mentions: "g.png",
  },
  {
    name: "four social links",
    args: [
      "update",
      "123",
      ...["github", "twitch", "youtube", "discord"].flatMap((k) => ["--social", `${k}=https://x.test/${k}`]),
    ],
    mentions: "social links",
  },
  {
    name: "social link that is not a URL",
    args: ["update", "123", "--social", "github=javascript:alert(1)"],
    mentions: "github",
  },
  {
    name: "file without an extension",
    files: { README: "hello" },
    args: ["upload", "README"],
    mentions: "README",
  },
  {
    name: "unsupported extension (.exe)",
    files: { "tool.exe": "MZ" },
    args: ["upload", "tool.exe"],
    mentions: "tool.exe",
  },
  {
    name: "TGA with an invalid header",
    files: { "bad.tga": Buffer.alloc(40, 0xff) },
    args: ["upload", "bad.tga"],
    mentions: "bad.tga",
  },
  { name: "file that does not exist", args: ["upload", "missing.png"], mentions: "missing.png" },
  {
    name: "no creator configured",
    files: { "g.png": good },
    env: { RBXASSETS_CREATOR: undefined },
    args: ["upload", "g.png"],
    mentions: "RBXASSETS_CREATOR",
  },
  {
    name: "no credentials configured",
    env: { RBXASSETS_API_KEY: undefined },
    args: ["get", "1"],
    mentions: "RBXASSETS_API_KEY",
  },
  {
    name: "newline in a file name (odd but legal)",
    files: { "new\nline.png": png(4) },
    args: ["upload", "new\nline.png", "--wait"],
    mentions: "line.png",
    expect: { either: "new\nline" },
  },
  {
    name: "unicode file name (odd but legal)",
    files: { "ünïcødé 🎨.png": png(5) },
    args: ["upload", "ünïcødé 🎨.png", "--wait"],
    mentions: "ünïcødé",
    expect: { either: "ünïcødé 🎨" },
  },
  {
    name: "file name with spaces (odd but legal)",
    files: { "with  spaces .png": png(6) },
    args: ["upload", "with  spaces .png", "--wait"],
    mentions: "spaces",
    expect: { either: "with  spaces" },
  },
  {
    name: "leading-dash file name after -- (odd but legal)",
    files: { "-dash.png": png(7) },
    args: ["upload", "--wait", "--", "-dash.png"],
    mentions: "-dash.png",
    expect: { either: "-dash" },
  },
];
