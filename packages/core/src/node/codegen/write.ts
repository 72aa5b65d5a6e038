import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { writeFileAtomic } from "../atomic-write.js";

/**
 * Writes `text` atomically unless the file already holds exactly it: an unchanged module keeps its
 * modification time, so that watchers (Rojo, a bundler, our own watch mode) do not fire for nothing.
 * Returns whether the file was written.
 */
export async function writeIfChanged(path: string, text: string): Promise<boolean> {
  try {
    if ((await readFile(path, "utf8")) === text) return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, text);
  return true;
}
