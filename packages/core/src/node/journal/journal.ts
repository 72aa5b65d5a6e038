// The journal of uploads in flight, as the pipeline uses it: `begin` before a request is sent (durable),
// `sent` when its answer names an operation (durable, before polling), `end` when the result is in the
// lockfile or nothing was stored. What a killed run leaves behind, the next run resumes (recover.ts).
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import type { LiveUpload, UploadIntent } from "./records.js";
import { JournalWriter } from "./writer.js";

/** One upload's place in the journal. */
export interface JournalTicket {
  /** The answer arrived: records its operation id durably (before polling starts). */
  sent(operation: string): Promise<void>;
  /** The result is in the lockfile, or the upload definitely stored nothing: the entry leaves. */
  end(): Promise<void>;
  /**
   * This run let go of the upload (a hard abort, a timeout): the entry stays, and the next pipeline of
   * this process on the same lockfile resumes it (a live process's journal is never adopted).
   */
  leave(): void;
}

/** An upload a pipeline let go of, with the ticket that ends its entry in that pipeline's journal. */
export interface LeftUpload {
  upload: LiveUpload;
  ticket: JournalTicket;
}

/** Per lockfile (absolute path): uploads this process's pipelines let go of, by journal entry id. */
const left = new Map<string, Map<string, LeftUpload>>();

/** Takes (so that two pipelines never resume the same one) what this process left in flight. */
export function takeLeftUploads(lockfilePath: string): LeftUpload[] {
  const key = resolve(lockfilePath);
  const uploads = [...(left.get(key)?.values() ?? [])];
  left.delete(key);
  return uploads;
}

/** Puts back an upload taken but not resumed (the resuming run was aborted too). */
export function putBackLeftUpload(lockfilePath: string, upload: LeftUpload): void {
  const key = resolve(lockfilePath);
  const uploads = left.get(key) ?? new Map<string, LeftUpload>();
  uploads.set(upload.upload.id, upload);
  left.set(key, uploads);
}

export class UploadJournal {
  readonly #writer: JournalWriter;
  readonly #lockfilePath: string;
  /** Content keys whose operation, resumed from an earlier run, had not finished: not uploaded again. */
  readonly #unsettled = new Map<string, string>();

  constructor(lockfilePath: string) {
    this.#writer = new JournalWriter(lockfilePath);
    this.#lockfilePath = lockfilePath;
  }

  /** Throws when the journal cannot be written (read-only, full, no permission). */
  probe(): Promise<void> {
    return this.#writer.probe();
  }

  /** Records the intent durably; resolves once it is on disk, so that the request may be sent. */
  async begin(intent: UploadIntent): Promise<JournalTicket> {
    const id = randomBytes(8).toString("hex");
    await this.#writer.append({ t: "intent", id, intent });
    let ended = false;
    let operation: string | undefined;
    const ticket: JournalTicket = {
      sent: (op) => {
        operation = op;
        return this.#writer.append({ t: "sent", id, operation: op });
      },
      end: async () => {
        if (ended) return;
        ended = true;
        await this.#writer.append({ t: "end", id });
      },
      leave: () => {
        if (ended) return;
        const upload = { id, intent, ...(operation !== undefined ? { operation } : {}) };
        putBackLeftUpload(this.#lockfilePath, { upload, ticket });
      },
    };
    return ticket;
  }

  /** Keeps an upload resumed from an earlier run whose operation is still running (operation id). */
  markUnsettled(key: string, operation: string): void {
    this.#unsettled.set(key, operation);
  }

  /** The operation of an earlier upload of this content still running on the service, if any. */
  unsettled(key: string): string | undefined {
    return this.#unsettled.get(key);
  }
}
