// Small file systems for the tests that need a full or read-only disk: a tmpfs where this process may
// mount one (root with CAP_SYS_ADMIN), else undefined with the reason, so that the test skips saying why.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Mounts a tmpfs of `size` on `dir`; the reason it could not, otherwise. */
export async function mountTmpfs(dir: string, size: string): Promise<string | undefined> {
  try {
    await run("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]);
    return undefined;
  } catch (error) {
    return `cannot mount a tmpfs here (${firstLine(error)})`;
  }
}

export async function remountReadOnly(dir: string): Promise<string | undefined> {
  try {
    await run("mount", ["-o", "remount,ro", dir]);
    return undefined;
  } catch (error) {
    return `cannot remount read-only (${firstLine(error)})`;
  }
}

export async function unmount(dir: string): Promise<void> {
  await run("umount", [dir]).catch(() => {});
}

/** `chattr +i` (immutable: even root cannot write); the reason it could not, otherwise. */
export async function makeImmutable(file: string, on = true): Promise<string | undefined> {
  try {
    await run("chattr", [on ? "+i" : "-i", file]);
    return undefined;
  } catch (error) {
    return `chattr is not available or not supported on this file system (${firstLine(error)})`;
  }
}

function firstLine(error: unknown): string {
  const { stderr, message } = error as { stderr?: string; message?: string };
  return (stderr || message || String(error)).trim().split("\n")[0]!;
}
