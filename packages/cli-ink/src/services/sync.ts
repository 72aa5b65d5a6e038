import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import {
  type PipelineEvent,
  type ProjectInput,
  resolveInputOptions,
  type SyncReport,
  toProjectPath,
} from "@rbxassets/core/node";
import type { ServiceContext } from "./context.js";
import { selectInputs, syncInputs } from "./project-sync.js";

export type { PipelineEvent, SyncReport };

export interface SyncOptions {
  /** Upload nothing: report in `pending` what would be uploaded. */
  check?: boolean;
  signal?: AbortSignal;
  /** Graceful stop: uploads already sent are finished and recorded, nothing new starts. */
  stop?: AbortSignal;
  onEvent?: (event: PipelineEvent) => void;
  /** Lockfile path, relative to the root. Default `rbxassets.lock.json`. */
  lockfile?: string;
  /** After a sync, write modules mapping each locked path to its `rbxassetid://` uri (paths relative to the root). */
  codegen?: { typescript?: string; luau?: string };
  /** Most Robux accepted per video upload; videos are refused without it. */
  expectedPrice?: number;
  /** Pack spritesheets afresh instead of keeping their layout. */
  repack?: boolean;
  /** False: skip reading the audio and video quotas before uploading. */
  quotaCheck?: boolean;
  /** The fix suggested for a file outside the root, in the caller's terms (the CLI's `-C`, a TUI key). */
  outsideRootFix?: string;
}

/**
 * Uploads what is new or changed and records it in the lockfile: with a project file, its inputs (all, or
 * those named in `paths`); otherwise, or when `paths` are paths, the files under them (default: the root).
 */
export async function syncPaths(
  ctx: ServiceContext,
  paths: string[],
  opts: SyncOptions = {},
): Promise<SyncReport & { modules?: string[] }> {
  const inputs = selectInputs(ctx.project, paths);
  if (ctx.project && inputs) return syncInputs(ctx, ctx.project, inputs, opts);
  // Paths, not inputs: files that one input holds take its options, as `upload` and a build of them do;
  // anything else (a folder of mixed files, files of several inputs) the flags alone decide.
  const resolved = resolveInputOptions(ctx.project, inputHolding(ctx, paths), {
    ...(opts.lockfile !== undefined ? { lockfile: opts.lockfile } : {}),
    ...(opts.expectedPrice !== undefined ? { expectedPrice: opts.expectedPrice } : {}),
    ...(opts.repack ? { repack: true } : {}),
    ...(opts.quotaCheck === false ? { quotaCheck: false } : {}),
  });
  const pipeline = ctx.pipeline({
    ...resolved.pipeline,
    ...(opts.onEvent ? { onEvent: opts.onEvent } : {}),
    ...(opts.codegen && (opts.codegen.typescript || opts.codegen.luau) ? { codegen: opts.codegen } : {}),
    ...(opts.outsideRootFix !== undefined ? { outsideRootFix: opts.outsideRootFix } : {}),
  });
  // The lockfile may live in a folder that does not exist yet (`--lockfile locks/assets.lock.json`).
  await mkdir(dirname(pipeline.lockfilePath), { recursive: true });
  return pipeline.sync(paths.length > 0 ? paths : ["."], {
    ...resolved.sync,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.stop ? { stop: opts.stop } : {}),
    check: opts.check === true,
  });
}

/**
 * The input that holds every one of these paths as a file, if one does. An input that packs a spritesheet
 * is left to a sync by its name (packing a part of it would re-lay its atlases).
 */
function inputHolding(ctx: ServiceContext, paths: string[]): ProjectInput | undefined {
  if (!ctx.project || paths.length === 0) return undefined;
  const owners = new Set(
    paths.map((p) => ctx.project!.inputOf(toProjectPath(ctx.root, resolve(ctx.root, p)))),
  );
  const [input] = owners;
  if (owners.size !== 1 || !input || input.processing.spritesheet) return undefined;
  return input;
}
