// Progress of a batch (an upload of several files, or a sync): finished items scroll above in <Static>,
// the live area shows what is running, counts, rate and time left. Time is passed in, so this is pure.

import { refusalWords } from "./refusal-words.js";

export type Outcome =
  | "uploaded"
  | "updated"
  | "unchanged"
  | "reused"
  | "pending"
  | "failed"
  | "skipped"
  | "warning";

export interface FinishedItem {
  /** Unique, stable: <Static> keys on it. */
  key: string;
  file: string;
  outcome: Outcome;
  assetId?: string;
  assetType?: string;
  moderation?: string;
  operationId?: string;
  detail?: string;
}

export interface RunningItem {
  file: string;
  action: string;
}

export type Phase = "scanning" | "running" | "stopping" | "finished" | "aborted" | "crashed";

/** What the service refused about the account, and what the user can do about it. */
export interface Refusal {
  message: string;
  fix: string;
  /** Core's reason: `unreachable` is no refusal of the account but a server that never answered. */
  reason?: string;
}

export interface ProgressState {
  phase: Phase;
  /** A check: nothing is uploaded, and what would be is reported in `notDone` at the end. */
  check: boolean;
  /** Files in the batch; undefined until the scan reports. */
  total: number | undefined;
  startedAt: number;
  finishedAt: number | undefined;
  running: RunningItem[];
  finished: FinishedItem[];
  counts: Record<Outcome, number>;
  /** The error that stopped the whole batch (not one file's failure). */
  fatal: unknown;
  /** Files not done when the batch ended: after an abort, or what a check would upload. */
  notDone: string[];
  /** An account-level refusal (wrong key, creator not allowed) that stopped the batch: said once. */
  refusal: Refusal | undefined;
  /** When the client's rate limiter lets requests go again (epoch ms), while it holds some back. */
  rateLimitedUntil: number | undefined;
  /** After a graceful stop: uploads already sent that are still finishing (the pipeline's count). */
  finishing: number | undefined;
}

/** A finished file as sync reports it; `status` is the pipeline's word for what happened. */
export interface DoneAsset {
  file: string;
  assetId?: string;
  assetType?: string;
  status?: string;
  moderation?: string;
  operationId?: string;
  warning?: string;
  /** For a file whose content another file already has an asset for: that file. */
  reusedFrom?: string;
}

export type ProgressAction =
  /** `others`: files reported without being uploaded (not assets, missing); they count in the total. */
  | { type: "scan"; files: number; others?: number }
  | { type: "start"; file: string; action: string }
  | { type: "done"; asset: DoneAsset }
  | { type: "failed"; file: string; reason: string }
  | { type: "skipped"; file: string; reason: string }
  | { type: "warning"; file: string; message: string }
  | { type: "rate-limited"; until: number }
  | { type: "stop-requested" }
  /** The pipeline's word after a graceful stop: uploads already sent that are still settling. */
  | { type: "stopping"; finishing: number }
  | { type: "finish"; at: number; aborted?: boolean; notDone?: string[]; refusal?: Refusal }
  | { type: "crash"; at: number; error: unknown };

const zeroCounts = (): Record<Outcome, number> => ({
  uploaded: 0,
  updated: 0,
  unchanged: 0,
  reused: 0,
  pending: 0,
  failed: 0,
  skipped: 0,
  warning: 0,
});

export function initialProgress(startedAt: number, total?: number, check = false): ProgressState {
  return {
    phase: total === undefined ? "scanning" : "running",
    check,
    total,
    startedAt,
    finishedAt: undefined,
    running: [],
    finished: [],
    counts: zeroCounts(),
    fatal: undefined,
    notDone: [],
    rateLimitedUntil: undefined,
    refusal: undefined,
    finishing: undefined,
  };
}

/** Maps the pipeline's status word to what the user sees. Unknown words count as uploaded. */
export function outcomeOf(status: string | undefined, done = true): Outcome {
  if (!done) return "pending";
  const word = (status ?? "").toLowerCase();
  if (word === "unchanged") return "unchanged";
  // New to the lockfile, but its content is another file's: no upload, that file's asset is shared.
  if (word === "reused") return "reused";
  if (word.includes("update")) return "updated";
  if (word.includes("pending") || word.includes("wait")) return "pending";
  if (word.includes("fail") || word.includes("reject")) return "failed";
  return "uploaded";
}

function finish(state: ProgressState, file: string, item: Omit<FinishedItem, "key" | "file">): ProgressState {
  const index = state.running.findIndex((r) => r.file === file);
  const running = index === -1 ? state.running : state.running.filter((_, i) => i !== index);
  const key = `${state.finished.length}:${file}`;
  return {
    ...state,
    running,
    finished: [...state.finished, { key, file, ...item }],
    counts: { ...state.counts, [item.outcome]: state.counts[item.outcome] + 1 },
  };
}

export function progressReducer(state: ProgressState, action: ProgressAction): ProgressState {
  switch (action.type) {
    case "scan":
      // A project sync scans each of its inputs: the batch's total is the sum of their scans.
      return {
        ...state,
        total: (state.phase === "scanning" ? 0 : (state.total ?? 0)) + action.files + (action.others ?? 0),
        phase: state.phase === "scanning" ? "running" : state.phase,
      };
    case "start":
      return {
        ...state,
        phase: state.phase === "scanning" ? "running" : state.phase,
        running: [
          ...state.running.filter((r) => r.file !== action.file),
          { file: action.file, action: action.action },
        ],
      };
    case "done": {
      const { asset } = action;
      const outcome = outcomeOf(asset.status);
      let next = finish(state, asset.file, {
        outcome,
        ...(asset.assetId !== undefined ? { assetId: asset.assetId } : {}),
        ...(asset.assetType !== undefined ? { assetType: asset.assetType } : {}),
        ...(asset.moderation !== undefined ? { moderation: asset.moderation } : {}),
        ...(asset.operationId !== undefined ? { operationId: asset.operationId } : {}),
        ...(outcome === "reused"
          ? {
              detail: asset.reusedFrom
                ? `same content as ${asset.reusedFrom}: reuses its asset (no upload)`
                : "same content as another file: reuses its asset (no upload)",
            }
          : {}),
      });
      if (asset.warning) next = addWarning(next, asset.file, asset.warning);
      return next;
    }
    case "failed":
      return finish(state, action.file, { outcome: "failed", detail: action.reason });
    case "skipped":
      return finish(state, action.file, { outcome: "skipped", detail: action.reason });
    case "warning":
      return addWarning(state, action.file, action.message);
    case "rate-limited":
      // Several requests wait for the same window: the latest end is when all of them can go.
      return { ...state, rateLimitedUntil: Math.max(state.rateLimitedUntil ?? 0, action.until) };
    case "stop-requested":
      return isOver(state) ? state : { ...state, phase: "stopping" };
    case "stopping":
      return isOver(state) ? state : { ...state, phase: "stopping", finishing: action.finishing };
    case "finish":
      return {
        ...state,
        phase: action.aborted || state.phase === "stopping" ? "aborted" : "finished",
        finishedAt: action.at,
        running: [],
        notDone: action.notDone ?? [],
        refusal: action.refusal,
      };
    case "crash":
      return { ...state, phase: "crashed", fatal: action.error, finishedAt: action.at, running: [] };
  }
}

/** A warning is shown in the finished list but does not count as a file. */
function addWarning(state: ProgressState, file: string, message: string): ProgressState {
  // The pipeline tells a warning twice (its own event, and on the file's result): show it once.
  const known = state.finished.some(
    (f) => f.outcome === "warning" && f.file === file && f.detail === message,
  );
  if (known) return state;
  return {
    ...state,
    finished: [
      ...state.finished,
      { key: `${state.finished.length}:${file}:warning`, file, outcome: "warning", detail: message },
    ],
    counts: { ...state.counts, warning: state.counts.warning + 1 },
  };
}

export function isOver(state: ProgressState): boolean {
  return state.phase === "finished" || state.phase === "aborted" || state.phase === "crashed";
}

/** Files that have reached an outcome (warnings excluded). */
export function completedCount(state: ProgressState): number {
  const c = state.counts;
  return c.uploaded + c.updated + c.unchanged + c.reused + c.pending + c.failed + c.skipped;
}

/**
 * Files accounted for: those with an outcome, and at the end of a check those it found to upload (they
 * were checked too), so that a finished check reads `8/8`, not `1/8` beside 100 %.
 */
export function accountedCount(state: ProgressState): number {
  const found = state.check && state.phase === "finished" ? state.notDone.length : 0;
  return completedCount(state) + found;
}

/** 0..100 of the files accounted for; 100 once finished when the scan never reported a total. */
export function percentDone(state: ProgressState): number {
  if (!state.total) return state.phase === "finished" ? 100 : 0;
  return Math.min(100, Math.floor((accountedCount(state) / state.total) * 100));
}

export function elapsedMs(state: ProgressState, now: number): number {
  return (state.finishedAt ?? now) - state.startedAt;
}

/** Below both, a rate says more about start-up than about speed ("55 files/min" for two files). */
export const RATE_MIN_FILES = 10;
export const RATE_MIN_MS = 10_000;

/**
 * Files that took work (a request, or a failure on the way): unchanged and reused files are lockfile
 * answers, thousands a second, and counted in a rate they make it read `3296.7 files/s` and the time left
 * `0:00` while uploads are still to go.
 */
function workedCount(state: ProgressState): number {
  return completedCount(state) - state.counts.unchanged - state.counts.reused;
}

/** Files uploaded (or failed) per second so far; undefined until it means something (enough files or time). */
export function ratePerSecond(state: ProgressState, now: number): number | undefined {
  const done = workedCount(state);
  const elapsed = elapsedMs(state, now);
  const seconds = elapsed / 1000;
  if (done === 0 || seconds <= 0) return undefined;
  if (done < RATE_MIN_FILES && elapsed < RATE_MIN_MS) return undefined;
  return done / seconds;
}

/** How long the rate limiter still holds requests back, or undefined when it does not. */
export function rateLimitWaitMs(state: ProgressState, now: number): number | undefined {
  if (isOver(state) || state.rateLimitedUntil === undefined) return undefined;
  const left = state.rateLimitedUntil - now;
  return left > 0 ? left : undefined;
}

/** Estimated milliseconds left at the current rate; undefined when unknown or while rate limited. */
export function etaMs(state: ProgressState, now: number): number | undefined {
  if (isOver(state)) return 0;
  // The rate drops to nothing during a wait and jumps after it: an estimate then would only mislead.
  if (rateLimitWaitMs(state, now) !== undefined) return undefined;
  const rate = ratePerSecond(state, now);
  if (rate === undefined || state.total === undefined) return undefined;
  const left = Math.max(0, state.total - completedCount(state));
  return (left / rate) * 1000;
}

export interface BatchVerdict {
  mark: string;
  tone: "good" | "warn" | "bad";
  headline: string;
}

/**
 * The one line that sums a finished batch up. A check says "up to date" only when nothing would be
 * uploaded and nothing failed: a file that cannot be uploaded is not up to date.
 */
export function batchVerdict(state: ProgressState, verb: string, elapsed: string): BatchVerdict {
  const failed = state.counts.failed;
  if (state.refusal) {
    const { why } = refusalWords(state.refusal.reason);
    return { mark: "✖", tone: "bad", headline: `${verb} stopped: ${why}.` };
  }
  if (state.phase === "aborted") {
    const done = completedCount(state);
    return {
      mark: "■",
      tone: "warn",
      headline: `${verb} stopped after ${done} ${done === 1 ? "file" : "files"} (${elapsed}).`,
    };
  }
  if (state.check) {
    const found = state.notDone.length;
    const files = (n: number) => `${n} ${n === 1 ? "file" : "files"}`;
    if (found === 0 && failed === 0)
      return { mark: "✔", tone: "good", headline: "Everything is up to date." };
    const parts = [
      ...(found > 0 ? [`${files(found)} would be uploaded or updated`] : []),
      ...(failed > 0
        ? [`${files(failed)} cannot be uploaded as ${failed === 1 ? "it is" : "they are"}`]
        : []),
    ];
    return { mark: failed > 0 ? "■" : "↑", tone: "warn", headline: `${parts.join("; ")}.` };
  }
  return failed > 0
    ? { mark: "■", tone: "warn", headline: `${verb} finished in ${elapsed}.` }
    : { mark: "✔", tone: "good", headline: `${verb} finished in ${elapsed}.` };
}
