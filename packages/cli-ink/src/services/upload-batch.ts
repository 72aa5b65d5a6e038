// A batch of uploads (the TUI's upload screen): one pipeline call for all of them, so the pipeline bounds
// how many are in flight, records each in the lockfile, answers known content from it, and stops starting
// new uploads at an account-level refusal. As a sync, it reads the audio and video quotas first and throws
// (rule `quota`) before any upload when the batch does not fit. Files must lie inside the project.
import {
  type AccountRefusal,
  type AssetType,
  accountRefusalOf,
  type PipelineEvent,
  type ResolvedAsset,
} from "@rbxassets/core/node";
import type { ServiceContext } from "./context.js";
import { projectUploadPipeline, resolveProjectUpload } from "./project-upload.js";

export interface BatchUpload {
  /** Path relative to the project root. */
  file: string;
  assetType: AssetType;
  displayName?: string;
  description?: string;
}

export interface BatchUploadReport {
  /** Uploaded, updated, or answered by the lockfile, in the order given. */
  done: ResolvedAsset[];
  /** Each failed file with its one-line reason (and the error, for callers that classify it). */
  failed: { file: string; reason: string; error: unknown }[];
  /** Files never started: the run was aborted. */
  notStarted: string[];
  /** The account-level refusal (wrong key, moderated account, creator not allowed), reported once. */
  refusal?: AccountRefusal & { message: string; files: string[] };
  /** Files never sent because of `refusal`. */
  notAttempted: string[];
  aborted: boolean;
}

export async function uploadFiles(
  ctx: ServiceContext,
  uploads: readonly BatchUpload[],
  opts: {
    expectedPrice?: number;
    signal?: AbortSignal;
    /** Graceful stop: uploads already sent are finished and recorded, nothing new starts. */
    stop?: AbortSignal;
    onEvent?: (event: PipelineEvent) => void;
    /**
     * Each file's failure as it happens (not an abort, not the account-level refusal), so that a caller can
     * show it at once; the report still lists it at the end.
     */
    onFailed?: (failure: BatchUploadReport["failed"][number]) => void;
  } = {},
): Promise<BatchUploadReport> {
  const flags = opts.expectedPrice !== undefined ? { expectedPrice: opts.expectedPrice } : {};
  const pipeline = projectUploadPipeline(ctx, flags, opts.onEvent ? { onEvent: opts.onEvent } : {});
  // As a sync does: a batch whose audio or video would run out of quota halfway stops before any upload.
  await pipeline.checkQuotas(
    uploads.map((upload) => upload.file),
    opts.signal ? { signal: opts.signal } : {},
  );
  const report: BatchUploadReport = {
    done: [],
    failed: [],
    notStarted: [],
    notAttempted: [],
    aborted: false,
  };
  const outcomes = await Promise.all(
    uploads.map(async (upload) => {
      if (opts.signal?.aborted || opts.stop?.aborted) return { kind: "skipped" as const, upload };
      try {
        const asset = await resolveProjectUpload(ctx, pipeline, { ...upload, ...signals(opts) }, flags);
        return { kind: "done" as const, upload, asset };
      } catch (error) {
        if (opts.signal?.aborted) return { kind: "skipped" as const, upload };
        if (opts.onFailed && !accountRefusalOf(error))
          opts.onFailed({ file: upload.file, reason: reasonOf(error), error });
        return { kind: "failed" as const, upload, error };
      }
    }),
  );
  for (const outcome of outcomes) {
    if (outcome.kind === "skipped") report.notStarted.push(outcome.upload.file);
    else if (outcome.kind === "done") report.done.push(outcome.asset);
    else if (accountRefusalOf(outcome.error)) {
      const { attempted, ...refusal } = accountRefusalOf(outcome.error)!;
      if (!attempted) report.notAttempted.push(outcome.upload.file);
      else if (report.refusal) report.refusal.files.push(outcome.upload.file);
      else {
        const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
        report.refusal = { ...refusal, message, files: [outcome.upload.file] };
      }
    } else {
      report.failed.push({
        file: outcome.upload.file,
        reason: reasonOf(outcome.error),
        error: outcome.error,
      });
    }
  }
  report.aborted = opts.signal?.aborted === true;
  return report;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function signals(opts: { signal?: AbortSignal; stop?: AbortSignal }): {
  signal?: AbortSignal;
  stop?: AbortSignal;
} {
  return { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.stop ? { stop: opts.stop } : {}) };
}
