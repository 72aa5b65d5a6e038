// Before the first upload of a run: can the lockfile (and the journal) be written? Uploading first and
// failing to record after would upload everything again on every rerun.
import { mkdir, open, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { PipelineError } from "./errors.js";
import { localProblemWords } from "./local-error.js";

/** Why a local file cannot be written, in plain words (the words every local file error uses). */
function localWriteProblem(code: string | undefined): string {
  return localProblemWords(code) ?? code ?? "it cannot be written";
}

export function unwritableError(shown: string, error: unknown): PipelineError {
  const code = (error as NodeJS.ErrnoException).code;
  const fix =
    code === "ENOSPC" || code === "EDQUOT"
      ? "free some space, then run again"
      : code === "EROFS"
        ? "run where the project can be written, or remount it read-write"
        : "make it writable (its permissions, or an immutable flag), then run again";
  return new PipelineError(
    shown,
    "unwritable",
    `cannot be written: ${localWriteProblem(code)}; nothing was uploaded`,
    fix,
    { facts: { code } },
  );
}

/** Throws an `unwritable` PipelineError naming the lockfile when it (or its folder) cannot be written. */
export async function checkLockfileWritable(path: string, shown: string): Promise<void> {
  try {
    // The file itself (immutable, read-only), then its folder: the write goes through a temp file there.
    await (await open(path, "r+")).close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw unwritableError(shown, error);
  }
  // Named like the lockfile's temp files, so that a probe left by a killed run is cleaned up with them.
  const probe = join(dirname(path), `.${basename(path)}.${process.pid}.probe.tmp`);
  try {
    // The lockfile's first write makes its folder (`lockfile: "locks/assets.lock.json"`): so does the probe.
    await mkdir(dirname(path), { recursive: true });
    await probeWrite(probe, "w");
  } catch (error) {
    throw unwritableError(shown, error);
  }
}

/**
 * Writes a small file at `path`, syncs it to disk and removes it: throws what the file system says when it
 * cannot (read-only, full, immutable). `wx` when the file must be new.
 */
export async function probeWrite(path: string, flags: "w" | "wx"): Promise<void> {
  try {
    const handle = await open(path, flags, 0o644);
    try {
      await handle.write("{}\n");
      await handle.datasync();
    } finally {
      await handle.close();
    }
  } finally {
    await rm(path, { force: true }).catch(() => {});
  }
}
