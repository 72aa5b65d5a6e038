// The account gate: until one write of a pipeline has been answered without an account-level refusal, the
// credentials and the creator are unproven. Sending every queued upload at once would have a wrong key
// refused once per upload slot (16 requests for one mistake), so the first write goes alone and the rest
// wait for its answer: then they all go, or, after a refusal, none does.
import { type AccountRefusal, AccountRefusedError, classifyAccountRefusal } from "./account-refusal.js";

/** What a write's refusal is judged by: the configured creator, and an update's recorded one. */
export interface WriteContext {
  creator?: string | undefined;
  targetCreator?: string | undefined;
}

export class AccountGate {
  #proven = false;
  /** The write sent while the account is unproven; settles (never rejects) when it is answered. */
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
    while (!this.#proven && this.#probe) await this.#probe;
    if (this.#refusal) throw new AccountRefusedError(file, this.#refusal, { attempted: false });
    if (this.#proven) return this.#judge(context, write);
    let answered!: () => void;
    this.#probe = new Promise((resolve) => {
      answered = resolve;
    });
    try {
      return await this.#judge(context, write);
    } finally {
      // Waiters wake in order: the first starts the next probe if this one proved nothing (a network error).
      this.#probe = undefined;
      answered();
    }
  }

  async #judge<T>(context: WriteContext, write: () => Promise<T>): Promise<T> {
    try {
      const result = await write();
      this.#proven = true;
      return result;
    } catch (error) {
      // Latched here, before the upload slot is released, so that no queued write starts after a refusal.
      this.#refusal ??= classifyAccountRefusal(error, context);
      throw error;
    }
  }
}
