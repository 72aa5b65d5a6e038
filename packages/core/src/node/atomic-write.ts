import { randomBytes } from "node:crypto";
import { open, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isProcessAlive } from "./process-alive.js";

/**
 * Writes `text` to `path` so that a reader (or a crash at any instant) sees either the old file or the
 * new one, never a mix: temp file in the same directory, fsync, rename over, fsync the directory.
 */
export async function writeFileAtomic(
  path: string,
  text: string | Uint8Array | Iterable<string>,
  /** Checked after the temp file is durable, just before the rename: false cancels the write. */
  fence?: () => Promise<boolean>,
): Promise<boolean> {
  const dir = dirname(path);
  const temp = join(dir, `${tempPrefix(path)}${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", 0o644);
  try {
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (fence && !(await fence())) {
      await rm(temp, { force: true });
      return false;
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
  return true;
}

/**
 * Removes temp files that killed writers left behind. Only files whose writer process is gone: a live writer
 * whose lock was taken over as stale (a long pause under load) must still be able to rename its file.
 */
export async function removeStaleTempFiles(path: string): Promise<void> {
  const prefix = tempPrefix(path);
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith(".tmp"))
      .filter((name) => !isProcessAlive(Number(name.slice(prefix.length).split(".")[0])))
      .map((name) => rm(join(dirname(path), name), { force: true })),
  );
}

function tempPrefix(path: string): string {
  return `.${basename(path)}.`;
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; not supported everywhere (Windows), where it is best effort.
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {}
}
