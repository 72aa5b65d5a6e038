import { createHash } from "node:crypto";
import { mkdir, rmdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import properLockfile from "proper-lockfile";
import { abortableDelay } from "./delay.js";

/**
 * Cross-process "I am uploading this content" claims, so that two processes syncing the same project never
 * upload the same content twice: the second waits for the first, then finds the result in the lockfile.
 * Claims live in the OS temp dir (keyed by the lockfile's path), not in the project; a claim left by a
 * killed process goes stale and is taken over.
 */
export class ContentClaims {
  readonly #dir: string;
  readonly #staleMs: number;
  #ready: Promise<unknown> | undefined;

  constructor(lockfilePath: string, staleMs = 3000) {
    const key = createHash("sha256").update(lockfilePath).digest("hex").slice(0, 16);
    this.#dir = join(tmpdir(), `rbxassets-claims-${key}`);
    this.#staleMs = Math.max(2000, staleMs);
  }

  /** Waits until this process holds the claim on `key`; resolves to its release function. */
  async acquire(key: string, signal?: AbortSignal): Promise<() => Promise<void>> {
    const name = createHash("sha256").update(key).digest("hex");
    const target = join(this.#dir, name);
    for (let wait = 10; ; wait = Math.min(wait * 1.5, 200)) {
      signal?.throwIfAborted();
      this.#ready ??= mkdir(this.#dir, { recursive: true });
      await this.#ready;
      try {
        const release = await properLockfile.lock(target, {
          realpath: false,
          stale: this.#staleMs,
          retries: 0,
          onCompromised: () => {},
        });
        return async () => {
          await release().catch(() => {});
          // Leave no empty folder behind; fails harmlessly while other claims are held.
          await rmdir(this.#dir).then(
            () => {
              this.#ready = undefined;
            },
            () => {},
          );
        };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // ENOENT: another process removed the (empty) folder between our mkdir and lock: make it again.
        if (code === "ENOENT") {
          this.#ready = undefined;
          continue;
        }
        if (code !== "ELOCKED") throw error;
      }
      // Another process is uploading this content: wait for it (not a rate-limit pause).
      await abortableDelay(wait, signal);
    }
  }
}
