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
import { putBackLeftUpload, takeLeftUploads, type UploadJournal } from "./journal.js";
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

/**
 * Resumes every journal of a process that is gone, then what this process's earlier pipelines let go of.
 * Resolves when each upload is settled or kept.
 */
export async function recoverJournals(ctx: RecoverContext): Promise<void> {
  const resumed = new Set<string>();
  for (const path of await deadJournals(ctx.lockfilePath)) {
    // Renamed as this process's own: if this run dies too, the next one adopts it in turn.
    const adopted = join(dirname(path), ownJournalName(ctx.lockfilePath));
    try {
      await rename(path, adopted);
    } catch {
      continue; // another run adopted it first
    }
    const uploads = liveUploads(await readFile(adopted, "utf8").catch(() => ""));
    for (const upload of uploads) resumed.add(upload.id);
    await Promise.all(uploads.map((upload) => resumeOne(ctx, upload)));
    await rm(adopted, { force: true });
  }
  // What this process's earlier pipelines let go of: its journal is live, so nobody else adopts it.
  const left = takeLeftUploads(ctx.lockfilePath);
  await Promise.all(
    left.map(async (item) => {
      try {
        // Already resumed from its journal file (renamed away as if its writer had died).
        if (!resumed.has(item.upload.id)) await resumeOne(ctx, item.upload);
      } catch (error) {
        // Aborted while resumed: this pipeline's journal carries it now (and left it again). Otherwise
        // (its journal could not be written) the earlier entry stays for the next pipeline.
        if (ctx.signal?.aborted || isAbortError(error)) await item.ticket.end();
        else putBackLeftUpload(ctx.lockfilePath, item);
        throw error;
      }
      // Settled, said lost, or carried into this pipeline's journal: the earlier entry ends.
      await item.ticket.end();
    }),
  );
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
    if (ctx.signal?.aborted || isAbortError(error)) {
      ticket.leave(); // carried into this run's journal: this process's next pipeline resumes it
      throw error;
    }
    if (error instanceof AssetsApiError && error.status === 404) {
      // The service does not know the operation (expired, or another API): nobody can tell what it made.
      ctx.emit({ type: "warning", file: intent.file, message: lostAnswerWarning(intent.file) });
      await ticket.end();
      return;
    }
    const rule = (error as { rule?: string }).rule;
    if (rule === "operation-timeout") {
      // Waited a whole operation timeout now, after the run that sent it: an operation that long is stuck,
      // and keeping it would hold its content back from every later run. The content goes up again.
      ctx.emit({
        type: "warning",
        file: intent.file,
        message: `an upload an earlier run left in flight never finished (operation ${upload.operation}); its content is uploaded again, and the stuck one may still appear on Roblox`,
      });
      await ticket.end();
      return;
    }
    if (rule !== "operation-failed" && rule !== "moderation-rejected" && rule !== "response") {
      // Still running on the service, or no answer: kept in the journal, and not uploaded again now.
      ctx.journal.markUnsettled(intent.key, upload.operation);
      ticket.leave();
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
