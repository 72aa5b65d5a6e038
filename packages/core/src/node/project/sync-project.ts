// A sync driven by the project file: each input through the pipeline with its own options, then its
// generated modules from every file it holds (not only those this run uploaded).
import { basename } from "node:path";
import { writeInputModules } from "../codegen/modules.js";
import type { CodegenValue } from "../codegen/tree.js";
import type { Pipeline } from "../pipeline.js";
import { emptyReport } from "../sync.js";
import type { ResolvedAsset, SyncReport } from "../types.js";
import type { ProjectInput } from "./inputs.js";
import type { Project } from "./loader.js";

export interface ProjectSyncReport extends SyncReport {
  /** Generated modules rewritten by this run (project paths); an unchanged module is not rewritten. */
  modules: string[];
}

export interface ProjectSyncOptions {
  signal?: AbortSignal;
  /** Graceful stop (see SyncOptions.stop). */
  stop?: AbortSignal;
  check?: boolean;
  /** Pack spritesheets afresh instead of keeping their layout (`sync --repack`). */
  repack?: boolean;
  /** Skip reading the upload quotas before uploading (default: read them). */
  quotaCheck?: boolean;
  /** The pipeline for one input (its asset type and processing options applied by the caller's shell). */
  pipelineFor(input: ProjectInput): Pipeline;
  /** What a generated module says for an asset; default its `rbxassetid://` uri, or its sprite. */
  valueFor?: (asset: ResolvedAsset) => CodegenValue;
}

/** A packed image as the process stage reports it; absent until spritesheets exist. */
type MaybeSprite = ResolvedAsset & { sprite?: { x: number; y: number; width: number; height: number } };

/** The module value of an asset: the sprite's rectangle in its atlas, or the asset's uri. */
export function moduleValue(asset: ResolvedAsset): CodegenValue {
  const { sprite } = asset as MaybeSprite;
  if (!sprite) return asset.uri;
  return {
    image: asset.uri,
    offset: { x: sprite.x, y: sprite.y },
    size: { x: sprite.width, y: sprite.height },
  };
}

/** Syncs the given inputs one after another, into one report. */
export async function syncProjectInputs(
  project: Project,
  inputs: ProjectInput[],
  opts: ProjectSyncOptions,
): Promise<ProjectSyncReport> {
  const total: ProjectSyncReport = { ...emptyReport(), modules: [] };
  // The quotas are the creator's, whatever the input: checked once for every input's files together.
  const quotaCheck = !opts.check && opts.quotaCheck !== false && inputs.length > 0;
  if (quotaCheck) {
    await opts.pipelineFor(inputs[0]!).checkQuotas(
      inputs.flatMap((input) => input.files.map((f) => f.file)),
      opts.signal ? { signal: opts.signal } : {},
    );
  }
  for (const input of inputs) {
    const pipeline = opts.pipelineFor(input);
    // The input's processing and name go to the process stage (which names atlases after the input).
    const syncOptions = {
      check: opts.check === true,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.stop ? { stop: opts.stop } : {}),
      processing: input.processing,
      input: input.name,
      ...(opts.repack ? { repack: true } : {}),
      ...(input.grant ? { grant: input.grant } : {}),
      ...(input.privacy ? { privacy: input.privacy } : {}),
      // Checked above, for all the inputs at once.
      ...(quotaCheck || opts.quotaCheck === false ? { quotaCheck: false } : {}),
    };
    // An input with no file (its last one deleted while watched) has nothing to sync, only modules to empty:
    // `pipeline.sync([])` would mean the whole project.
    const report =
      input.files.length === 0
        ? emptyReport()
        : await pipeline.sync(
            input.files.map((f) => f.file),
            syncOptions,
          );
    for (const key of [
      "uploaded",
      "updated",
      "unchanged",
      "failed",
      "skipped",
      "pending",
      "notAttempted",
    ] as const) {
      (total[key] as unknown[]).push(...report[key]);
    }
    total.elapsedMs += report.elapsedMs;
    if (report.grants) {
      total.grants ??= { granted: [], refusals: [] };
      total.grants.granted.push(...report.grants.granted);
      total.grants.refusals.push(...report.grants.refusals);
    }
    if (report.refusal) {
      // An account-level refusal (a wrong key, a creator it may not act for) would refuse every input alike.
      total.refusal = report.refusal;
      const rest = inputs.slice(inputs.indexOf(input) + 1).flatMap((i) => i.files.map((f) => f.file));
      total.notAttempted.push(...rest);
      break;
    }
    if (report.aborted) {
      total.aborted = true;
      break;
    }
    if (!opts.check)
      total.modules.push(...(await writeModulesFor(project, input, pipeline, report, opts.valueFor)));
  }
  return total;
}

/**
 * Writes the input's modules from every file of the input that has an asset: this run's results first,
 * the lockfile for the rest (a watch run re-syncs one file, yet the module holds them all).
 */
export async function writeModulesFor(
  project: Project,
  input: ProjectInput,
  pipeline: Pipeline,
  report: Pick<SyncReport, "uploaded" | "updated" | "unchanged">,
  valueFor: (asset: ResolvedAsset) => CodegenValue = moduleValue,
): Promise<string[]> {
  const { luau, dts, ts } = input.output;
  if (luau === undefined && dts === undefined && ts === undefined) return [];
  const known = new Map<string, ResolvedAsset>();
  for (const asset of [...report.uploaded, ...report.updated, ...report.unchanged])
    known.set(asset.file, asset);
  const files = await Promise.all(
    input.files.map(async ({ file, key }) => {
      const asset = known.get(file) ?? (await pipeline.lookup(file).catch(() => undefined));
      return asset ? { file, key, value: valueFor(asset) } : undefined;
    }),
  );
  return writeInputModules(
    project.root,
    input.output,
    files.filter((f) => f !== undefined),
    basename(project.lockfile),
  );
}
