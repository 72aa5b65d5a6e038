import { basename, extname, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { ImageAssetType } from "../spec-facts.js";
import type { AccountRefusal } from "./account-refusal.js";
import { accountRefusalOf } from "./account-refusal.js";
import { checkInputModules, flatOutput, writeInputModules } from "./codegen/modules.js";
import { moduleValue } from "./codegen/values.js";
import { isAbortError, isPipelineError, type PipelineError } from "./errors.js";
import { fileFailure } from "./failure.js";
import type { AssetKind } from "./formats.js";
import { extensionInfo } from "./formats.js";
import { isInsideRoot, outsideRootError, toProjectPath } from "./paths.js";
import type { SyncOptions } from "./pipeline-options.js";
import { isDecodable, type ResolvedProcessOptions } from "./process/options.js";
import { scanPaths } from "./scan.js";
import type { PreparedFile } from "./stages/prepare.js";
import { type SheetHost, syncSpritesheet } from "./stages/spritesheet.js";
import type { GrantedAsset, GrantReport, PipelineEvent, ResolvedAsset, SyncReport } from "./types.js";

/** What sync needs of the pipeline: a narrow face, so that the pipeline's internals stay private. */
export interface SyncHost {
  readonly root: string;
  readonly lockfilePath: string;
  readonly codegen: { typescript?: string; luau?: string } | undefined;
  readonly outsideRootFix: string;
  /** Whether audio is uploaded (`audio: false` skips it). */
  readonly audio: boolean;
  /** This sync's processing: with a spritesheet, its images go through the spritesheet stage. */
  readonly processing: ResolvedProcessOptions;
  readonly imageAssetType: ImageAssetType;
  readonly sheet: SheetHost;
  emit(event: PipelineEvent): void;
  /** Opens the lockfile and resolves the configuration: their errors fail the run before any file. */
  ready(): Promise<void>;
  prepare(file: string): Promise<PreparedFile>;
  /** Validates a prepared miss without credentials or creator (check mode). */
  check(prepared: PreparedFile): Promise<void>;
  lookup(file: string): Promise<ResolvedAsset | undefined>;
  /** Resolves one file; `signal` and the sync's `stop` as in SyncOptions. */
  resolve(file: string, signal: AbortSignal | undefined): Promise<ResolvedAsset>;
  /** Throws (rule `quota`) when the audio and video among `files` would not fit the creator's quota. */
  checkQuotas(files: readonly string[], signal: AbortSignal | undefined): Promise<void>;
  /** The grants `grant` would send for the assets, from the lockfile alone (check mode). */
  pendingGrants(
    assets: readonly ResolvedAsset[],
    experiences: ReadonlyArray<string | number>,
  ): Promise<GrantedAsset[]>;
  /** Grants the experiences `Use` of the assets (`Pipeline.grant`). */
  grant(
    assets: readonly ResolvedAsset[],
    experiences: ReadonlyArray<string | number>,
    signal: AbortSignal | undefined,
  ): Promise<GrantReport>;
}

/** The skip reason for audio when audio uploads are off (neutral: the option's name is the caller's). */
const AUDIO_OFF = "audio uploads are turned off";

/**
 * Syncs files and directories: every file goes through the pipeline at once (the pipeline bounds how many
 * are in flight, the client's limiter sets the pace). One failing file never stops the others; an abort
 * stops new work, and everything finished is already in the lockfile.
 */
/** A report of nothing yet: every list empty. */
export function emptyReport(): SyncReport {
  return {
    uploaded: [],
    updated: [],
    unchanged: [],
    failed: [],
    skipped: [],
    pending: [],
    notAttempted: [],
    aborted: false,
    elapsedMs: 0,
  };
}

/** Files a sync works on at once: far above the upload slots, so that lockfile hits never wait for them. */
const FILES_IN_FLIGHT = 256;

export async function runSync(pipeline: SyncHost, paths: string[], opts: SyncOptions): Promise<SyncReport> {
  const started = performance.now();
  const { signal, stop } = opts;
  /** Hard abort or graceful stop: files not started are left for a later run. */
  const halted = () => signal?.aborted === true || stop?.aborted === true;
  /** A lockfile (or journal) that cannot be written stops the run with its one error. */
  let unwritable: PipelineError | undefined;
  const report = emptyReport();
  const ignore = [pipeline.lockfilePath, ...codegenTargets(pipeline)];
  // A path outside the root is refused as given, never scanned: its files could not be recorded portably.
  const requested = paths.length > 0 ? paths : ["."];
  const outside = requested.filter((path) => !isInsideRoot(pipeline.root, resolve(pipeline.root, path)));
  const scan = await scanPaths(
    pipeline.root,
    requested.filter((path) => !outside.includes(path)),
    ignore,
  );
  pipeline.emit({
    type: "scan",
    files: scan.files.length,
    others: outside.length + scan.skipped.length + scan.missing.length,
  });
  for (const path of outside) {
    const error = outsideRootError(pipeline.root, path, pipeline.outsideRootFix);
    fail(error.file, error);
  }
  for (const item of scan.skipped) skip(item.file, item.reason);
  for (const item of scan.missing) fail(item.file, item.reason);
  const relative = (absolute: string) => toProjectPath(pipeline.root, absolute);
  const wanted = (kind: AssetKind | undefined) => !(kind === "audio" && !pipeline.audio);

  function skip(file: string, reason: string) {
    report.skipped.push({ file, reason });
    pipeline.emit({ type: "skipped", file, reason });
  }
  /** The failure carries its problem, and a PipelineError's `rule` and `fix`: a shell words its own line. */
  function fail(file: string, cause: unknown) {
    const failure = fileFailure(file, cause);
    report.failed.push(failure);
    pipeline.emit({ type: "failed", ...failure });
  }
  /**
   * A file never sent because of a refusal, kept until a refused file of this run names the refusal (the
   * files waiting on the refused request settle before it does); reported only when none does (the pipeline
   * was refused in an earlier run of its life).
   */
  let refusedUnsent:
    | { file: string; facts: AccountRefusal & { attempted: boolean }; message: string }
    | undefined;
  /** An account-level refusal is reported once, by a file it refused; the files it kept from being sent are listed apart. */
  function refused(file: string, facts: AccountRefusal & { attempted: boolean }, message: string) {
    if (facts.attempted) {
      reportRefusal(file, facts, message);
      report.refusal?.files.push(file);
    } else {
      refusedUnsent ??= { file, facts, message };
      report.notAttempted.push(file);
    }
  }
  function reportRefusal(file: string, facts: AccountRefusal & { attempted: boolean }, message: string) {
    if (report.refusal) return;
    const { attempted: _, ...refusal } = facts;
    report.refusal = { ...refusal, message, files: [] };
    pipeline.emit({ type: "refused", file, refusal, message });
  }
  /** A file's error (or a sprite's, from its atlas): the run's `unwritable`, an account refusal, or its own. */
  function settle(file: string, error: unknown) {
    if (isPipelineError(error) && error.rule === "unwritable") {
      unwritable ??= error;
      report.pending.push(file);
      return;
    }
    const refusal = accountRefusalOf(error);
    if (refusal) return refused(file, refusal, (error as Error).message);
    fail(file, error);
  }
  function done(asset: ResolvedAsset) {
    if (asset.status === "uploaded") report.uploaded.push(asset);
    else if (asset.status === "updated") report.updated.push(asset);
    else report.unchanged.push(asset);
  }

  // A malformed lockfile or creator fails the whole run with its one-line error, before any file.
  await pipeline.ready();
  // A batch that would run out of audio or video quota halfway stops here, before any upload.
  if (!opts.check) await pipeline.checkQuotas(scan.files, signal);

  // A spritesheet takes the images it can decode; the rest (and images too large for it) go up alone.
  let single = scan.files;
  if (pipeline.processing.spritesheet) {
    const sprites = scan.files.filter(isDecodable);
    single = scan.files.filter((file) => !isDecodable(file));
    try {
      const sheet = await syncSpritesheet(pipeline.sheet, sprites, {
        root: pipeline.root,
        group: opts.input ?? "sprites",
        process: pipeline.processing,
        imageAssetType: pipeline.imageAssetType,
        repack: opts.repack,
        check: opts.check,
        signal,
        stop,
      });
      for (const asset of sheet.assets) {
        if (asset.warning) pipeline.emit({ type: "warning", file: asset.file, message: asset.warning });
        pipeline.emit({ type: "done", asset });
        done(asset);
      }
      report.failed.push(...sheet.failed);
      report.pending.push(...sheet.pending);
      // A sprite whose atlas failed is settled as a single file's error: a refusal, `unwritable`, its rule.
      for (const { file, error } of sheet.unsent) settle(file, error);
      for (const item of sheet.alone) {
        pipeline.emit({ type: "warning", file: relative(item.absolute), message: item.note });
        single.push(item.absolute);
      }
    } catch (error) {
      if (!(halted() || isAbortError(error))) throw error;
      report.pending.push(...sprites.map(relative));
    }
  }

  // A bounded number of files in flight (ample for the upload slots and for lockfile hits): with every file
  // of a 10,000-file sync started at once, each one's state waits in memory for an upload slot.
  let next = 0;
  const worker = async () => {
    while (next < single.length) await syncOne(single[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(FILES_IN_FLIGHT, single.length) }, worker));
  if (refusedUnsent) reportRefusal(refusedUnsent.file, refusedUnsent.facts, refusedUnsent.message);

  async function syncOne(absolute: string): Promise<void> {
    const file = relative(absolute);
    if (halted() || unwritable) {
      report.pending.push(file);
      return;
    }
    try {
      if (opts.check) {
        const prepared = await pipeline.prepare(absolute);
        if (prepared.hit) {
          done(prepared.hit);
        } else {
          if (!wanted(prepared.detected.kind)) return skip(file, AUDIO_OFF);
          // Check mode also catches what would be refused, without credentials.
          await pipeline.check(prepared);
          report.pending.push(file);
        }
        return;
      }
      if (!wanted(extensionInfo(extname(absolute).slice(1))?.kind)) {
        const hit = await pipeline.lookup(absolute).catch(() => undefined);
        if (hit) return done(hit);
        return skip(file, AUDIO_OFF);
      }
      done(await pipeline.resolve(absolute, signal));
    } catch (error) {
      if (halted() || isAbortError(error)) {
        report.pending.push(file);
        return;
      }
      settle(file, error);
    }
  }

  if (unwritable) throw unwritable;
  // Grants come after the uploads; a stopped or aborted run leaves them to the next (nothing is recorded).
  const experiences = opts.grant?.experiences ?? [];
  if (!opts.check && experiences.length > 0 && !halted()) {
    const resolved = [...report.uploaded, ...report.updated, ...report.unchanged];
    const { granted, refusals, failed } = await pipeline.grant(resolved, experiences, signal);
    report.grants = { granted, refusals };
    report.failed.push(...failed);
  }
  // Check mode: the grants a sync would send for what is recorded (a file to upload is pending already).
  if (opts.check && experiences.length > 0) {
    const pendingGrants = await pipeline.pendingGrants(report.unchanged, experiences);
    if (pendingGrants.length > 0) report.pendingGrants = pendingGrants;
  }
  report.aborted = halted();
  const targets = pipeline.codegen;
  if (targets && (targets.typescript || targets.luau) && !report.aborted) {
    // `--ts` / `--luau` without a project file: one flat module of every file this sync resolved.
    const files = [...report.uploaded, ...report.updated, ...report.unchanged].map((asset) => ({
      file: asset.file,
      key: asset.file,
      value: moduleValue(asset),
    }));
    const lockfile = basename(pipeline.lockfilePath);
    if (opts.check) {
      report.staleModules = await checkInputModules(pipeline.root, flatOutput(targets), files, lockfile);
    } else {
      report.modules = await writeInputModules(pipeline.root, flatOutput(targets), files, lockfile);
    }
  }
  for (const list of [report.uploaded, report.updated, report.unchanged]) list.sort(byFile);
  report.failed.sort(byFile);
  report.skipped.sort(byFile);
  report.pending.sort();
  report.notAttempted.sort();
  report.refusal?.files.sort();
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}

function codegenTargets(pipeline: SyncHost): string[] {
  const targets = pipeline.codegen;
  return [targets?.typescript, targets?.luau].filter((p): p is string => typeof p === "string");
}

function byFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
