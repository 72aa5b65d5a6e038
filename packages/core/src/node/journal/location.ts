// Where the journal lives: `.rbxassets/journal/` beside the lockfile, one file per process. The folder
// carries its own `.gitignore` (`*`), so it is never committed by accident, whatever the project's own
// ignore rules; beside the lockfile (not under node_modules/.cache) because a CLI user may have no
// node_modules, and every tool that shares the lockfile (CLI, plugins, TUI) must find the same journal.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { isProcessAlive } from "../process-alive.js";

export const JOURNAL_FOLDER = ".rbxassets";
const HOST = hostname().replace(/[^A-Za-z0-9_-]/g, "_");

export function journalDir(lockfilePath: string): string {
  return join(dirname(lockfilePath), JOURNAL_FOLDER, "journal");
}

/** Makes the journal folder (and the `.gitignore` that keeps `.rbxassets/` out of git). */
export async function ensureJournalDir(lockfilePath: string): Promise<string> {
  const dir = journalDir(lockfilePath);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dirname(dir), ".gitignore"), "*\n", { flag: "wx" }).catch((error) => {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  });
  return dir;
}

/** A fresh journal file name for this process: `<lockfile>.<host>.<pid>.<random>.jsonl`. */
export function ownJournalName(lockfilePath: string): string {
  return `${basename(lockfilePath)}.${HOST}.${process.pid}.${randomBytes(4).toString("hex")}.jsonl`;
}

/**
 * Journals of this lockfile left by processes that are gone (on this host: a pid reused since stays
 * "alive" and its journal waits for a later run; another host's journal is never touched).
 */
export async function deadJournals(lockfilePath: string): Promise<string[]> {
  const dir = journalDir(lockfilePath);
  const prefix = `${basename(lockfilePath)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith(".jsonl"))
    .filter((name) => {
      const [host, pid] = name.slice(prefix.length).split(".");
      return host === HOST && !isProcessAlive(Number(pid));
    })
    .map((name) => join(dir, name));
}
