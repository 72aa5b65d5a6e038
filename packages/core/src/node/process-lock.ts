// A cross-process lock that is never taken from a live process: a lock folder holding its owner's host,
// pid and a token. It goes stale only when its owner's pid is gone on this host (a stopped, paused or slow
// holder keeps it), so that a writer resumed after SIGSTOP never renames over entries it did not read.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { abortableDelay } from "./delay.js";
import { isProcessAlive } from "./process-alive.js";

/** A lock folder without an owner file for this long was left by a process killed between two calls. */
const ORPHAN_MS = 10_000;
/** A lock from another host cannot be checked: it goes stale after this long (locks are held for ms). */
const FOREIGN_STALE_MS = 60_000;

export interface HeldLock {
  /** Whether the lock is still ours (checked just before a rename: the fence). */
  held(): Promise<boolean>;
  release(): Promise<void>;
}

interface Owner {
  host: string;
  pid: number;
  token: string;
}

const HOST = hostname();

/**
 * Waits until this process holds the lock `<path>.lock`. A local error (read-only file system, no space,
 * no permission) throws at once instead of being retried: waiting would not fix it.
 */
export async function acquireLock(path: string, signal?: AbortSignal): Promise<HeldLock> {
  for (let wait = 5; ; wait = Math.min(wait * 1.5, 100)) {
    signal?.throwIfAborted();
    const lock = await tryLock(path);
    if (lock) return lock;
    await abortableDelay(wait, signal);
  }
}

/** Takes the lock if it is free or stale; undefined when a live process holds it. */
export async function tryLock(path: string): Promise<HeldLock | undefined> {
  const dir = `${path}.lock`;
  const token = randomBytes(8).toString("hex");
  if (await tryTake(dir, token)) return heldLock(dir, token);
  const owner = await readOwner(dir);
  if (!(await isStale(dir, owner))) return undefined;
  await takeOver(dir, owner);
  return (await tryTake(dir, token)) ? heldLock(dir, token) : undefined;
}

/** Tries once; true when the lock is ours. */
async function tryTake(dir: string, token: string): Promise<boolean> {
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    const owner: Owner = { host: HOST, pid: process.pid, token };
    await writeFile(`${dir}/owner`, JSON.stringify(owner));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return true;
}

function heldLock(dir: string, token: string): HeldLock {
  const held = async () => (await readOwner(dir))?.token === token;
  return {
    held,
    release: async () => {
      if (await held()) await rm(dir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

async function readOwner(dir: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(`${dir}/owner`, "utf8")) as Owner;
    return typeof owner.pid === "number" && typeof owner.token === "string" ? owner : undefined;
  } catch {
    return undefined;
  }
}

async function isStale(dir: string, owner: Owner | undefined): Promise<boolean> {
  if (owner?.host === HOST) return !isProcessAlive(owner.pid);
  // No owner yet (being created, or its creator died between mkdir and write), or another host's lock.
  try {
    const age = Date.now() - (await stat(dir)).mtimeMs;
    return age > (owner ? FOREIGN_STALE_MS : ORPHAN_MS);
  } catch {
    return false; // gone meanwhile: the next try takes it
  }
}

/**
 * Moves the stale lock aside (atomic: of two processes taking it over, one wins), then checks that what
 * it moved is the lock it judged; a live lock moved by mistake goes back (its owner's fence notices if not).
 */
async function takeOver(dir: string, judged: Owner | undefined): Promise<void> {
  const aside = `${dir}.stale-${randomBytes(4).toString("hex")}`;
  try {
    await rename(dir, aside);
  } catch {
    return;
  }
  const moved = await readOwner(aside);
  if (moved && moved.token !== judged?.token) {
    await rename(aside, dir).catch(() => {});
    return;
  }
  await rm(aside, { recursive: true, force: true }).catch(() => {});
}
