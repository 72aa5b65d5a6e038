// The account gate: until a first write of a pipeline has settled, the credentials and the creator are
// unproven. Sending every queued upload at once would have a wrong key refused once per upload slot (16
// requests for one mistake), so the first write goes alone and the rest wait for it: after an account-level
// refusal none goes (an API that cannot be reached counts as one: each write already failed on consecutive
// connection attempts, and the rest would fail the same way, one by one); after anything else (success, or a failure of that file or of the network, which a
// one-by-one retry would only make slower) they all go.
import { type AccountRefusal, AccountRefusedError, classifyAccountRefusal } from "./account-refusal.js";

/** What a write's refusal is judged by: the configured creator, an update's recorded one, the API's URL. */
export interface WriteContext {
  creator?: string | undefined;
  targetCreator?: string | undefined;
  url?: string | undefined;
}

export class AccountGate {
  #open = false;
  /** The first write; settles (never rejects) when it has. */
  #probe: Promise<void> | undefined;
  #refusal: AccountRefusal | undefined;

  /** The first account-level refusal; after it no write is sent (credentials are fixed for the run). */
  get refusal(): AccountRefusal | undefined {
    return this.#refusal;
  }

  /**
   * Sends one write for `file` when the gate allows it. Throws an unattempted AccountRefusedError, with no
   * request, once the account was refused; the write's own error otherwise passes through untouched.
   */
  async send<T>(file: string, context: WriteContext, write: () => Promise<T>): Promise<T> {
    if (!this.#open && this.#probe) await this.#probe;
    if (this.#refusal) throw new AccountRefusedError(file, this.#refusal, { attempted: false });
    if (this.#open) return this.#judge(context, write);
    let settled!: () => void;
    this.#probe = new Promise((resolve) => {
      settled = resolve;
    });
    try {
      return await this.#judge(context, write);
    } finally {
      this.#open = true;
      settled();
    }
  }

  /**
   * Latches an API that cannot be reached, whatever request found it (a poll, a lookup): no write is sent
   * after it. Other errors are the file's own and latch nothing.
   */
  noteFailure(error: unknown, context: WriteContext): void {
    const refusal = classifyAccountRefusal(error, context);
    if (refusal?.reason === "unreachable") this.#refusal ??= refusal;
  }

  async #judge<T>(context: WriteContext, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      // Latched here, before the upload slot is released, so that no queued write starts after a refusal.
      this.#refusal ??= classifyAccountRefusal(error, context);
      throw error;
    }
  }
}
