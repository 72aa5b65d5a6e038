// Appends journal lines with group commit: lines that arrive while a write runs (or in the same tick) go
// together in the next one, one write and one fsync for all. Each line is written once, so the bytes
// written grow with the number of uploads, not with its square.
import { type FileHandle, open, rm } from "node:fs/promises";
import { join } from "node:path";
import { probeWrite } from "../writable-check.js";
import { ensureJournalDir, ownJournalName } from "./location.js";
import type { JournalRecord } from "./records.js";

export class JournalWriter {
  readonly #lockfilePath: string;
  #file: { path: string; handle: FileHandle } | undefined;
  #lines: string[] = [];
  #queued: Promise<void> | undefined;
  #chain: Promise<void> = Promise.resolve();
  /** Uploads begun and not ended: at zero, the file is removed. */
  #live = 0;

  constructor(lockfilePath: string) {
    this.#lockfilePath = lockfilePath;
  }

  /** Writes (and removes) a probe file where the journal goes: throws when it cannot be written. */
  async probe(): Promise<void> {
    const dir = await ensureJournalDir(this.#lockfilePath);
    await probeWrite(join(dir, `${ownJournalName(this.#lockfilePath)}.probe`), "wx");
  }

  async #open(): Promise<string> {
    if (!this.#file) {
      const dir = await ensureJournalDir(this.#lockfilePath);
      const path = join(dir, ownJournalName(this.#lockfilePath));
      const handle = await open(path, "a", 0o644);
      this.#file = { path, handle };
    }
    return this.#file.path;
  }

  /** Appends a record; resolves once it is durably on disk. */
  append(record: JournalRecord): Promise<void> {
    if (record.t === "intent") this.#live++;
    if (record.t === "end") this.#live--;
    this.#lines.push(`${JSON.stringify(record)}\n`);
    if (!this.#queued) {
      const queued = this.#chain.then(async () => {
        // One tick more: records sent by uploads started together share this write.
        await new Promise((resolve) => setImmediate(resolve));
        this.#queued = undefined;
        await this.#flush();
      });
      this.#queued = queued;
      this.#chain = queued.catch(() => {});
    }
    return this.#queued;
  }

  async #flush(): Promise<void> {
    const lines = this.#lines;
    this.#lines = [];
    if (lines.length === 0) return;
    const path = await this.#open();
    const { handle } = this.#file!;
    await handle.write(lines.join(""));
    // Nothing left in flight and nothing waiting: the journal has nothing to say, remove it.
    if (this.#live === 0 && this.#lines.length === 0) {
      this.#file = undefined;
      await handle.close();
      await rm(path, { force: true });
      return;
    }
    await handle.datasync();
  }
}
