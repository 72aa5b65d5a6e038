// What stands between a pipeline and its first request: the lockfile and the journal must be writable,
// and what killed runs left in flight is resumed first. Also the claims, re-checked after any wait.
import type { AssetsClient } from "../index.js";
import type { AccountGate } from "./account-gate.js";
import { ContentClaims } from "./claims.js";
import { PipelineError } from "./errors.js";
import { UploadJournal } from "./journal/journal.js";
import { journalDir } from "./journal/location.js";
import { recoverJournals } from "./journal/recover.js";
import type { JournaledUploadContext } from "./journaled-upload.js";
import type { Lockfile } from "./lockfile.js";
import { toProjectPath } from "./paths.js";
import type { PollPacer } from "./stages/wait.js";
import type { PipelineEvent } from "./types.js";
import { checkLockfileWritable, unwritableError } from "./writable-check.js";

export interface WritesHost {
  root: string;
  lockfilePath: string;
  lockfile(): Promise<Lockfile>;
  /** The API client (throws the credentials error when there are none). */
  client(): Promise<AssetsClient>;
  emit(event: PipelineEvent): void;
  pacer: PollPacer;
  gate: AccountGate;
  timeoutMs: number;
  waitForModeration: boolean;
}

export class PipelineWrites {
  readonly journal: UploadJournal;
  readonly #claims: ContentClaims;
  readonly #host: WritesHost;
  #ready: Promise<void> | undefined;

  constructor(host: WritesHost) {
    this.#host = host;
    this.journal = new UploadJournal(host.lockfilePath);
    this.#claims = new ContentClaims(host.lockfilePath);
  }

  /**
   * Once per pipeline, before its first request: the lockfile and the journal can be written (else one
   * `unwritable` error naming the file, and nothing is sent), and dead runs' uploads are resumed.
   */
  ready(signal: AbortSignal | undefined): Promise<void> {
    this.#ready ??= this.#prepare(signal);
    this.#ready.catch((error) => {
      // An abort is retried by the next call; a file that cannot be written stays refused for this run.
      if (!(error instanceof PipelineError)) this.#ready = undefined;
    });
    return this.#ready;
  }

  async #prepare(signal: AbortSignal | undefined): Promise<void> {
    const { root, lockfilePath } = this.#host;
    await checkLockfileWritable(lockfilePath, toProjectPath(root, lockfilePath));
    try {
      await this.journal.probe();
    } catch (error) {
      throw unwritableError(toProjectPath(root, journalDir(lockfilePath)), error);
    }
    await this.#recover(signal);
  }

  async #recover(signal: AbortSignal | undefined): Promise<void> {
    const host = this.#host;
    let client: AssetsClient | undefined;
    await recoverJournals({
      lockfilePath: host.lockfilePath,
      lockfile: await host.lockfile(),
      journal: this.journal,
      // Asked for only when an operation is to be polled.
      client: async () => {
        client ??= await host.client();
        return client;
      },
      emit: (event) => host.emit(event),
      pacer: host.pacer,
      timeoutMs: host.timeoutMs,
      waitForModeration: host.waitForModeration,
      signal,
    });
  }

  /**
   * The cross-process claim on `key`. After a wait, a holder that died may have left its upload in its
   * journal: resumed here, so that the lockfile check that follows finds its result.
   */
  async claim(key: string, signal: AbortSignal | undefined): Promise<() => Promise<void>> {
    const claim = await this.#claims.acquire(key, signal);
    if (claim.waited) {
      try {
        await this.#recover(signal);
      } catch (error) {
        await claim.release();
        throw error;
      }
    }
    return () => claim.release();
  }

  /** Refuses to upload content whose upload by an earlier run is still being processed. */
  refuseUnsettled(file: string, key: string): void {
    const operation = this.journal.unsettled(key);
    if (operation === undefined) return;
    throw new PipelineError(
      file,
      "operation-timeout",
      `an earlier run's upload of this content (operation ${operation}) has not finished yet`,
      "run again later",
      { facts: { operationId: operation } },
    );
  }

  uploadContext(): JournaledUploadContext {
    const { gate, pacer, timeoutMs, waitForModeration } = this.#host;
    return { journal: this.journal, gate, pacer, timeoutMs, waitForModeration };
  }
}
