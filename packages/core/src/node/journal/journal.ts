// The journal of uploads in flight, as the pipeline uses it: `begin` before a request is sent (durable),
// `sent` when its answer names an operation (durable, before polling), `end` when the result is in the
// lockfile or nothing was stored. What a killed run leaves behind, the next run resumes (recover.ts).
import { randomBytes } from "node:crypto";
import type { UploadIntent } from "./records.js";
import { JournalWriter } from "./writer.js";

/** One upload's place in the journal. */
export interface JournalTicket {
  /** The answer arrived: records its operation id durably (before polling starts). */
  sent(operation: string): Promise<void>;
  /** The result is in the lockfile, or the upload definitely stored nothing: the entry leaves. */
  end(): Promise<void>;
}

export class UploadJournal {
  readonly #writer: JournalWriter;
  /** Content keys whose operation, resumed from an earlier run, had not finished: not uploaded again. */
  readonly #unsettled = new Map<string, string>();

  constructor(lockfilePath: string) {
    this.#writer = new JournalWriter(lockfilePath);
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
    return {
      sent: (operation) => this.#writer.append({ t: "sent", id, operation }),
      end: async () => {
        if (ended) return;
        ended = true;
        await this.#writer.append({ t: "end", id });
      },
    };
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
