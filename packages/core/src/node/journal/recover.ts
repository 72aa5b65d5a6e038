// Resuming what killed runs left in flight: their journals are adopted (an atomic rename, so that two
// runs never resume the same one), recorded operations are polled and their results recorded (nothing is
// uploaded again), and intents whose answer never came are said aloud: the upload may have reached Roblox.
import { readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { AssetsApiError, type AssetsClient, type Operation } from "../../index.js";
import { describeError, isAbortError } from "../errors.js";
import type { LockEntry, Lockfile } from "../lockfile.js";
import type { PollPacer } from "../stages/wait.js";
import { settleUpload } from "../stages/wait.js";
import type { PipelineEvent } from "../types.js";
import type { UploadJournal } from "./journal.js";
import { deadJournals, ownJournalName } from "./location.js";
import { type LiveUpload, liveUploads } from "./records.js";

export interface RecoverContext {
  lockfilePath: string;
  lockfile: Lockfile;
  journal: UploadJournal;
  client: () => Promise<AssetsClient>;
  emit(event: PipelineEvent): void;
  pacer: PollPacer;
  timeoutMs: number;
  waitForModeration: boolean;
  signal: AbortSignal | undefined;
}

/** The warning for an upload whose answer was lost: said before it is uploaded again. */
export function lostAnswerWarning(file: string): string {
  return `an earlier run sent ${file} but was stopped before its answer came: the upload may have reached Roblox (an unused copy there); it goes up again`;
}

/** Resumes every journal of a process that is gone. Resolves when each upload is settled or kept. */
export async function recoverJournals(ctx: RecoverContext): Promise<void> {
  for (const path of await deadJournals(ctx.lockfilePath)) {
    // Renamed as this process's own: if this run dies too, the next one adopts it in turn.
    const adopted = join(dirname(path), ownJournalName(ctx.lockfilePath));
    try {
      await rename(path, adopted);
    } catch {
      continue; // another run adopted it first
    }
    const uploads = liveUploads(await readFile(adopted, "utf8").catch(() => ""));
    await Promise.all(uploads.map((upload) => resumeOne(ctx, upload)));
    await rm(adopted, { force: true });
  }
}

async function resumeOne(ctx: RecoverContext, upload: LiveUpload): Promise<void> {
  const { intent } = upload;
  if (upload.operation === undefined) {
    // Sent (or about to be) with no answer recorded: it may exist on the service, nobody can tell which.
    ctx.emit({ type: "warning", file: intent.file, message: lostAnswerWarning(intent.file) });
    return;
  }
  // Carried into this run's journal first: if this run is killed too, the next one resumes it again.
  const ticket = await ctx.journal.begin(intent);
  await ticket.sent(upload.operation);
  const operation = { path: `operations/${upload.operation}`, operationId: upload.operation, done: false };
  try {
    const { asset, moderation } = await settleUpload(await ctx.client(), operation as Operation, {
      file: intent.file,
      bytes: 0,
      isUpdate: intent.target !== undefined,
      timeoutMs: ctx.timeoutMs,
      waitForModeration: ctx.waitForModeration,
      pacer: ctx.pacer,
      signal: ctx.signal,
    });
    const assetId = intent.target ?? asset.assetId;
    const reviewing = moderation === "Reviewing" ? { moderation: "Reviewing" as const } : {};
    if (intent.kind === "atlas" && intent.atlas) {
      await ctx.lockfile.recordSheets({
        atlases: [[intent.file, { ...intent.atlas, assetId, ...reviewing }]],
        sprites: intent.sprites ?? [],
      });
    } else {
      const entry: LockEntry = {
        assetId,
        assetType: intent.assetType,
        hash: intent.hash,
        creator: intent.creator,
        ...(intent.assetType === "Model" && asset.revisionId ? { version: asset.revisionId } : {}),
        ...reviewing,
        ...(intent.process !== undefined ? { process: intent.process } : {}),
      };
      await ctx.lockfile.refresh();
      const current = ctx.lockfile.get(intent.file);
      // A newer entry recorded at this path since (another run, other content) is kept.
      if (!current || current.hash === intent.hash || intent.target !== undefined)
        await ctx.lockfile.record(intent.file, entry);
    }
    ctx.emit({
      type: "warning",
      file: intent.file,
      message: `resumed an upload an earlier run left in flight: recorded asset ${assetId}`,
    });
    await ticket.end();
  } catch (error) {
    if (ctx.signal?.aborted || isAbortError(error)) throw error;
    if (error instanceof AssetsApiError && error.status === 404) {
      // The service does not know the operation (expired, or another API): nobody can tell what it made.
      ctx.emit({ type: "warning", file: intent.file, message: lostAnswerWarning(intent.file) });
      await ticket.end();
      return;
    }
    const rule = (error as { rule?: string }).rule;
    if (rule !== "operation-failed" && rule !== "moderation-rejected" && rule !== "response") {
      // Still running on the service, or no answer: kept in the journal, and not uploaded again now.
      ctx.journal.markUnsettled(intent.key, upload.operation);
      return;
    }
    // The operation failed or was rejected: nothing usable was stored; the file goes up again if synced.
    ctx.emit({
      type: "warning",
      file: intent.file,
      message: `an upload an earlier run left in flight did not succeed (${describeError(error)})`,
    });
    await ticket.end();
  }
}
