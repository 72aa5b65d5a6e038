import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { writeFileAtomic } from "../atomic-write.js";

/**
 * Writes `data` atomically unless the file already holds exactly it: an unchanged module keeps its
 * modification time, so that watchers (Rojo, a bundler, our own watch mode) do not fire for nothing.
 * Returns whether the file was written.
 */
export async function writeIfChanged(path: string, data: string | Buffer): Promise<boolean> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  try {
    if ((await readFile(path)).equals(bytes)) return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, bytes);
  return true;
}
