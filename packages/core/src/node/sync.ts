import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { writeCodegen } from "./codegen.js";
import { describeError, isAbortError, PipelineError } from "./errors.js";
import { isInsideRoot, outsideRootError } from "./paths.js";
import type { AssetPipeline, SyncOptions } from "./pipeline.js";
import { isDecodable } from "./process/options.js";
import { syncSpritesheet } from "./process/spritesheet.js";
import { scanPaths } from "./scan.js";
import type { ResolvedAsset, SyncReport } from "./types.js";
import { validateFile } from "./validate.js";

/**
 * Syncs files and directories: every file goes through the pipeline at once (the pipeline bounds how many
 * are in flight, the client's limiter sets the pace). One failing file never stops the others; an abort
 * stops new work, and everything finished is already in the lockfile.
 */
export async function runSync(
  pipeline: AssetPipeline,
  paths: string[],
  opts: SyncOptions,
): Promise<SyncReport> {
  const started = performance.now();
  const { signal } = opts;
  const report: SyncReport = {
    uploaded: [],
    updated: [],
    unchanged: [],
    failed: [],
    skipped: [],
    pending: [],
    aborted: false,
    elapsedMs: 0,
  };
  const ignore = [pipeline.lockfilePath, ...codegenTargets(pipeline)];
  // A path outside the root is refused as given, never scanned: its files could not be recorded portably.
  const requested = paths.length > 0 ? paths : ["."];
  const outside = requested.filter((path) => !isInsideRoot(pipeline.root, resolve(pipeline.root, path)));
  const scan = await scanPaths(
    pipeline.root,
    requested.filter((path) => !outside.includes(path)),
    ignore,
  );
  pipeline.emit({ type: "scan", files: scan.files.length });
  for (const path of outside) {
    const error = outsideRootError(pipeline.root, path, pipeline.outsideRootFix);
    fail(error.file, error.message);
  }
  for (const item of scan.skipped) skip(item.file, item.reason);
  for (const item of scan.missing) fail(item.file, item.reason);

  function skip(file: string, reason: string) {
    report.skipped.push({ file, reason });
    pipeline.emit({ type: "skipped", file, reason });
  }
  function fail(file: string, reason: string) {
    report.failed.push({ file, reason });
    pipeline.emit({ type: "failed", file, reason });
  }
  function done(asset: ResolvedAsset) {
    if (asset.status === "uploaded") report.uploaded.push(asset);
    else if (asset.status === "updated") report.updated.push(asset);
    else report.unchanged.push(asset);
  }

  // A malformed lockfile or creator fails the whole run with its one-line error, before any file.
  await Promise.all([pipeline.lockfile(), pipeline.config()]);
  const process = pipeline.processOptions(opts.process);

  // A spritesheet takes the images it can decode; the rest (and images too large for it) go up alone.
  let single = scan.files;
  if (process.spritesheet) {
    const sprites = scan.files.filter(isDecodable);
    single = scan.files.filter((file) => !isDecodable(file));
    try {
      const sheet = await syncSpritesheet(pipeline, sprites, {
        group: opts.input ?? "sprites",
        process,
        repack: opts.repack,
        check: opts.check,
        signal,
      });
      for (const asset of sheet.assets) {
        if (asset.warning) pipeline.emit({ type: "warning", file: asset.file, message: asset.warning });
        pipeline.emit({ type: "done", asset });
        done(asset);
      }
      for (const item of sheet.failed) report.failed.push(item);
      report.pending.push(...sheet.pending);
      for (const item of sheet.alone) {
        pipeline.emit({ type: "warning", file: pipeline.relative(item.absolute), message: item.note });
        single.push(item.absolute);
      }
    } catch (error) {
      if (!(signal?.aborted || isAbortError(error))) throw error;
      report.pending.push(...sprites.map((file) => pipeline.relative(file)));
    }
  }

  await Promise.all(
    single.map(async (absolute) => {
      const file = pipeline.relative(absolute);
      if (signal?.aborted) {
        report.pending.push(file);
        return;
      }
      try {
        if (opts.check) {
          const prepared = await pipeline.prepare(absolute, undefined, opts.process);
          if (prepared.hit) {
            done(prepared.hit);
          } else {
            if (!pipeline.wants(prepared.detected.kind))
              return skip(file, "audio uploads are turned off (audio: false)");
            // Check mode also catches what would be refused, without credentials.
            await validateFile(prepared.detected, pipeline.metaFor(prepared), {
              root: pipeline.root,
              requireCreator: false,
            });
            report.pending.push(file);
          }
          return;
        }
        if (!pipeline.wants(pipeline.kindOf(absolute))) {
          const hit = await pipeline.lookup(absolute).catch(() => undefined);
          if (hit) return done(hit);
          return skip(file, "audio uploads are turned off (audio: false)");
        }
        done(
          await pipeline.resolve(absolute, {
            ...(signal ? { signal } : {}),
            ...(opts.process ? { process: opts.process } : {}),
          }),
        );
      } catch (error) {
        if (signal?.aborted || isAbortError(error)) {
          report.pending.push(file);
          return;
        }
        fail(file, error instanceof PipelineError ? error.message : `${file}: ${describeError(error)}`);
      }
    }),
  );

  report.aborted = signal?.aborted === true;
  if (!opts.check) {
    const targets = pipeline.options.codegen;
    if (targets && (targets.typescript || targets.luau)) {
      const entries = [...report.uploaded, ...report.updated, ...report.unchanged];
      await writeCodegen(pipeline.root, targets, entries);
    }
  }
  for (const list of [report.uploaded, report.updated, report.unchanged]) list.sort(byFile);
  report.failed.sort(byFile);
  report.skipped.sort(byFile);
  report.pending.sort();
  report.elapsedMs = Math.round(performance.now() - started);
  return report;
}

function codegenTargets(pipeline: AssetPipeline): string[] {
  const targets = pipeline.options.codegen;
  return [targets?.typescript, targets?.luau].filter((p): p is string => typeof p === "string");
}

function byFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
