// One upload under the journal: the intent is durable before the request goes, the operation id as soon
// as the answer names it, then the operation is waited for. The caller records the result in the lockfile
// and only then ends the journal entry; a failure that certainly stored nothing ends it at once.
import type { AssetsClient, Operation } from "../index.js";
import { operationIdOf } from "../index.js";
import type { AccountGate, WriteContext } from "./account-gate.js";
import type { StopWatch } from "./graceful-stop.js";
import type { JournalTicket, UploadJournal } from "./journal/journal.js";
import { storedNothing } from "./journal/outcome.js";
import type { UploadIntent } from "./journal/records.js";
import type { UploadContent } from "./stages/process.js";
import { sendUpload, type UploadRequest } from "./stages/upload.js";
import { type PollPacer, type Settled, settleUpload } from "./stages/wait.js";

export interface JournaledUploadContext {
  journal: UploadJournal;
  gate: AccountGate;
  pacer: PollPacer;
  timeoutMs: number;
  waitForModeration: boolean;
}

export interface JournaledUpload {
  client: AssetsClient;
  intent: UploadIntent;
  request: UploadRequest;
  content: UploadContent;
  write: WriteContext;
  /** The hard abort. */
  signal: AbortSignal | undefined;
  /** The graceful stop of this call, and its bookkeeping. */
  stop: AbortSignal | undefined;
  watch: StopWatch;
}

/**
 * Sends and settles; the caller records the result, then ends the ticket and calls `finished` (the
 * graceful stop's count of uploads finishing falls then).
 */
export async function uploadJournaled(
  ctx: JournaledUploadContext,
  upload: JournaledUpload,
): Promise<{ settled: Settled; ticket: JournalTicket; finished: () => void }> {
  const { client, intent, signal, stop, watch } = upload;
  let ticket: JournalTicket | undefined;
  let operation: Operation;
  // Counted as finishing (for a graceful stop's count) from the moment the request leaves.
  let done = () => {};
  try {
    operation = await ctx.gate.send(intent.file, upload.write, async () => {
      watch.throwIfStopped();
      signal?.throwIfAborted();
      const callOpts = {
        ...(signal ? { signal } : {}),
        ...(stop ? { stop } : {}),
        // The intent is durable before the request leaves, and only once it is about to (after the
        // rate-limit wait): an upload never sent is never said to have maybe arrived.
        beforeSend: async () => {
          ticket = await ctx.journal.begin(intent);
          done = watch.finishing();
        },
      };
      return sendUpload(client, upload.request, upload.content, callOpts);
    });
  } catch (error) {
    done();
    if (ticket && storedNothing(error, signal, stop)) await ticket.end().catch(() => {});
    throw error;
  }
  // A client of the caller's own may not call `beforeSend`: then the intent is recorded late, not never.
  const begun = ticket ?? (await ctx.journal.begin(intent));
  try {
    await begun.sent(operationIdOf(operation));
    const settled = await settleUpload(client, operation, {
      file: intent.file,
      bytes: upload.content.data.size,
      isUpdate: intent.target !== undefined,
      timeoutMs: ctx.timeoutMs,
      waitForModeration: ctx.waitForModeration,
      pacer: ctx.pacer,
      signal: watch.settleSignal(signal),
    });
    return { settled, ticket: begun, finished: done };
  } catch (error) {
    done();
    // A failed or rejected operation stored nothing usable; a timeout or an abort leaves the operation
    // in the journal, for the next run to resume.
    const rule = (error as { rule?: string }).rule;
    if (rule === "operation-failed" || rule === "moderation-rejected" || rule === "response")
      await begun.end().catch(() => {});
    throw error;
  }
}
