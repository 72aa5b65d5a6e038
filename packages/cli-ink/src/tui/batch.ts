// The work of the two batch screens, upload and sync: both go through the pipeline, so that every upload
// is recorded in the lockfile (a later sync uploads nothing again), and both report through the same
// progress actions. The screens only start it and draw its state.
import { failureLine, type RefusalWordsFacts, refusalProblem } from "@rbxassets/core";
import type { AssetType, PipelineEvent, ServiceContext } from "./services.js";
import { syncPaths, uploadFiles } from "./services.js";
import { describeError, isAbort, refusalFix } from "./state/errors.js";
import type { ProgressAction, Refusal } from "./state/progress.js";
import type { UploadDraft } from "./state/upload.js";

export type ProgressWork = (
  emit: (action: ProgressAction) => void,
  signal: AbortSignal,
  /** Graceful stop: nothing new starts, uploads already sent finish and are recorded. */
  stop?: AbortSignal,
) => Promise<{ aborted: boolean; notDone?: string[]; refusal?: Refusal }>;

/**
 * Pipeline events as progress actions; events that are not a step of the batch (decoding an image, say)
 * give none. It remembers which file first had each content, so that a file that reuses another's asset
 * can say whose.
 */
export function progressMapper(
  known: ReadonlyMap<string, string> = new Map(),
): (event: PipelineEvent) => ProgressAction | undefined {
  const firstFileOf = new Map(known);
  return (event) => {
    switch (event.type) {
      case "scan":
      case "start":
      case "failed":
      case "skipped":
      case "warning":
        return event;
      case "done":
        break;
      default: {
        // The account-level refusal is said once, in the summary, with its fix: the file only points there.
        const other = event as { type: string; file?: unknown; finishing?: unknown };
        // After a graceful stop, how many uploads already sent are still settling.
        if (other.type === "stopping" && typeof other.finishing === "number")
          return { type: "stopping", finishing: other.finishing };
        return other.type === "refused" && typeof other.file === "string"
          ? { type: "failed", file: other.file, reason: "refused for the whole account: see below" }
          : undefined;
      }
    }
    const { asset } = event;
    const owner = firstFileOf.get(asset.hash);
    if (owner === undefined) firstFileOf.set(asset.hash, asset.file);
    return {
      type: "done",
      asset: {
        file: asset.file,
        assetId: asset.assetId,
        assetType: asset.assetType,
        status: asset.status,
        ...(asset.moderation && asset.moderation !== "Unknown" ? { moderation: asset.moderation } : {}),
        ...(asset.warning ? { warning: asset.warning } : {}),
        ...(asset.status === "reused" && owner !== undefined && owner !== asset.file
          ? { reusedFrom: owner }
          : {}),
      },
    };
  };
}

/** Which file the lockfile holds each content under (no network): to name the file an asset is reused from. */
async function knownContents(ctx: ServiceContext): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  try {
    for (const entry of await ctx.pipeline().entries())
      if (!known.has(entry.hash)) known.set(entry.hash, entry.file);
  } catch {
    // An unreadable lockfile is the pipeline's to report; the names are only a nicety.
  }
  return known;
}

/**
 * An account-level refusal as the TUI says it: the problem without core's neutral fix, the TUI's fix for
 * its reason, the first refused file, and the others (refused the same way in flight, or never sent).
 */
function refusalOf(
  ctx: ServiceContext,
  stopped: RefusalWordsFacts & { files: string[] },
  notAttempted: readonly string[],
): { refusal: Refusal; first: string; others: string[] } {
  const first = stopped.files[0] ?? "";
  // Built from core's fields and its one wording (`refusalProblem`), never sliced from a message.
  const named = first || notAttempted[0] || "";
  return {
    refusal: {
      message: ctx.redact(failureLine(named, { problem: refusalProblem(stopped) })),
      fix: refusalFix(stopped.reason),
      reason: stopped.reason,
    },
    first,
    others: [...stopped.files.filter((file) => file !== first), ...notAttempted],
  };
}

export interface BatchOptions {
  /** Most Robux accepted per video upload (the API refuses videos without it). */
  videoExpectedPrice?: number;
}

/** Sync a folder (or check it): new and changed files are uploaded and recorded. */
export function syncWork(
  ctx: ServiceContext,
  folder: string,
  check: boolean,
  options: BatchOptions = {},
): ProgressWork {
  return async (emit, signal, stop) => {
    const map = progressMapper(await knownContents(ctx));
    // The project root means what a bare `rbxassets sync` means: the project file's inputs when there is one.
    const paths = folder === "." || folder === "./" ? [] : [folder];
    const reported = new Set<string>();
    const report = await syncPaths(ctx, paths, {
      check,
      signal,
      ...(stop ? { stop } : {}),
      onEvent: (event) => {
        const action = map(event);
        if (action?.type === "done") reported.add(action.asset.file);
        if (action) emit(action);
      },
      ...(options.videoExpectedPrice !== undefined ? { expectedPrice: options.videoExpectedPrice } : {}),
    });
    // A check reports the files the lockfile already has only in its report, not as events: counted here,
    // or the check reads `9/12 files checked` where the CLI says 3 up to date.
    for (const asset of report.unchanged) {
      if (reported.has(asset.file)) continue;
      const action = map({ type: "done", asset });
      if (action) emit(action);
    }
    // The pipeline's own stop at the first account-level refusal: said once, the rest not uploaded.
    const stopped = report.refusal ? refusalOf(ctx, report.refusal, report.notAttempted) : undefined;
    if (stopped) return { aborted: report.aborted, notDone: stopped.others, refusal: stopped.refusal };
    return { aborted: report.aborted, notDone: report.pending };
  };
}

/**
 * Uploads the drafts with the services' batch upload (one pipeline call: bounded, recorded in the lockfile,
 * lockfile hits answered at once), with each one's type, name and description. The pipeline stops at the
 * first account-level refusal (a wrong key, a creator the key may not use): it is said once, and the rest
 * are listed as not uploaded.
 */
export function uploadWork(
  ctx: ServiceContext,
  drafts: UploadDraft[],
  options: BatchOptions = {},
): ProgressWork {
  return async (emit, signal, stop) => {
    const map = progressMapper(await knownContents(ctx));
    const shown = new Set<string>();
    const report = await uploadFiles(
      ctx,
      // The wizard only offers types the pipeline listed for each file.
      drafts.map((d) => ({
        file: d.file,
        assetType: d.assetType as AssetType,
        displayName: d.displayName,
        description: d.description,
      })),
      {
        signal,
        ...(stop ? { stop } : {}),
        onEvent: (event) => {
          const action = map(event);
          if (action) emit(action);
        },
        // Each failure is shown as it happens, not when the whole batch ends.
        onFailed: ({ file, error }) => {
          if (isAbort(error)) return;
          shown.add(file);
          emit({ type: "failed", file, reason: describeError(error, ctx.redact).message });
        },
        ...(options.videoExpectedPrice !== undefined ? { expectedPrice: options.videoExpectedPrice } : {}),
      },
    );
    const notDone = [...report.notStarted];
    for (const { file, error } of report.failed) {
      if (isAbort(error)) notDone.push(file);
      else if (!shown.has(file))
        emit({ type: "failed", file, reason: describeError(error, ctx.redact).message });
    }
    const stopped = report.refusal ? refusalOf(ctx, report.refusal, report.notAttempted) : undefined;
    if (stopped) {
      emit({ type: "failed", file: stopped.first, reason: "refused for the whole account: see below" });
      notDone.push(...stopped.others);
    }
    const refusal = stopped?.refusal;
    const order = new Map(drafts.map((d, i) => [d.file, i]));
    notDone.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return { aborted: report.aborted, notDone, ...(refusal ? { refusal } : {}) };
  };
}
