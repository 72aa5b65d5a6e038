import { createHash } from "node:crypto";
import { mkdir, rmdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { abortableDelay } from "./delay.js";
import { tryLock } from "./process-lock.js";

/** A held claim: its release, and whether another process held it first (then look its result up again). */
export interface Claim {
  release(): Promise<void>;
  waited: boolean;
}

/**
 * Cross-process "I am uploading this content" claims, so that two processes syncing the same project never
 * upload the same content twice: the second waits for the first, then finds the result in the lockfile (or
 * the first's journal). Claims live in the OS temp dir (keyed by the lockfile's path), not in the project.
 * A claim is never taken from a live process (a stopped or paused one keeps it): only from one whose
 * process is gone.
 */
export class ContentClaims {
  readonly #dir: string;
  #ready: Promise<unknown> | undefined;

  constructor(lockfilePath: string) {
    const key = createHash("sha256").update(lockfilePath).digest("hex").slice(0, 16);
    this.#dir = join(tmpdir(), `rbxassets-claims-${key}`);
  }

  /** Waits until this process holds the claim on `key`. */
  async acquire(key: string, signal?: AbortSignal): Promise<Claim> {
    const target = join(this.#dir, createHash("sha256").update(key).digest("hex"));
    let waited = false;
    for (let wait = 10; ; wait = Math.min(wait * 1.5, 200)) {
      signal?.throwIfAborted();
      this.#ready ??= mkdir(this.#dir, { recursive: true });
      await this.#ready;
      try {
        const lock = await tryLock(target);
        if (lock) {
          const release = async () => {
            await lock.release();
            // Leave no empty folder behind; fails harmlessly while other claims are held.
            await rmdir(this.#dir).then(
              () => {
                this.#ready = undefined;
              },
              () => {},
            );
          };
          return { release, waited };
        }
      } catch (error) {
        // ENOENT: another process removed the (empty) folder between our mkdir and lock: make it again.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        this.#ready = undefined;
        continue;
      }
      waited = true;
      // Another process is uploading this content: wait for it (not a rate-limit pause).
      await abortableDelay(wait, signal);
    }
  }
}
