// Small, valid sample files of every uploadable kind, written into a temporary project.
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** A PNG that differs from the others by a trailing byte (still a valid PNG to every reader). */
export const png = (variant = 0): Buffer => Buffer.concat([PNG_1X1, Buffer.from([variant])]);

/** A tenth of a second of silent 8 kHz mono 8-bit PCM. */
export function wav(): Buffer {
  const samples = 800;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + samples, 4);
  header.write("WAVE", 8, "latin1");
  header.write("fmt ", 12, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 0x80)]);
}

export const fbx = (variant = 0): Buffer =>
  Buffer.from(`; FBX 7.4.0 project file\n; variant ${variant}\n`, "utf8");

export const rbxm = (variant = 0): Buffer =>
  Buffer.concat([
    Buffer.from("<roblox!\x89\xff\x0d\x0a\x1a\x0a\x00\x00", "latin1"),
    Buffer.alloc(32, variant),
  ]);

/** An MP4 with only a `ftyp` box. */
export function mp4(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write("ftypisom", 4, "latin1");
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write("isommp41", 16, "latin1");
  return ftyp;
}

/** A new temporary project folder holding `files` (path relative to the folder -> content). */
export async function makeProject(files: Record<string, Buffer | string> = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "rbxassets-cli-"));
  await writeProjectFiles(root, files);
  return root;
}

export async function writeProjectFiles(root: string, files: Record<string, Buffer | string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}
