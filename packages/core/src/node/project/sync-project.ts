// A sync driven by the project file: each input through the pipeline with its own options, then its
// generated modules from every file it holds (not only those this run uploaded).
import { basename } from "node:path";
import { checkInputModules, type ModuleFile, writeInputModules } from "../codegen/modules.js";
import type { CodegenValue } from "../codegen/tree.js";
import { moduleValue } from "../codegen/values.js";
import type { Pipeline } from "../pipeline-options.js";
import { stopsEveryGrant } from "../stages/grant.js";
import { emptyReport } from "../sync.js";
import type { ResolvedAsset, SyncReport } from "../types.js";
import { existingModuleFiles } from "./existing.js";
import type { ProjectInput } from "./inputs.js";
import type { Project } from "./loader.js";
import { type InputFlags, type InputPipelineOptions, resolveInputOptions } from "./resolve-input.js";

export interface ProjectSyncReport extends SyncReport {
  /** Generated modules rewritten by this run (project paths); an unchanged module is not rewritten. */
  modules: string[];
  /** Check mode: every module of the inputs that a sync would rewrite (stale, missing, Studio's). */
  staleModules: NonNullable<SyncReport["staleModules"]>;
}

export interface ProjectSyncOptions {
  signal?: AbortSignal;
  /** Graceful stop (see SyncOptions.stop). */
  stop?: AbortSignal;
  check?: boolean;
  /** Pack spritesheets afresh instead of keeping their layout (`sync --repack`). */
  repack?: boolean;
  /** The caller's flags (`--lockfile`, `--expected-price`, …), combined with each input's own options. */
  flags?: InputFlags;
  /**
   * The pipeline for one input, made with `options` (what resolveInputOptions says for it: lockfile, asset
   * type, processing, expected price) and the shell's own client and events.
   */
  pipelineFor(input: ProjectInput, options: InputPipelineOptions): Pipeline;
  /** What a generated module says for an asset; default its `rbxassetid://` uri, or its sprite. */
  valueFor?: (asset: ResolvedAsset) => CodegenValue;
}

/** Syncs the given inputs one after another, into one report. */
export async function syncProjectInputs(
  project: Project,
  inputs: ProjectInput[],
  opts: ProjectSyncOptions,
): Promise<ProjectSyncReport> {
  const total: ProjectSyncReport = { ...emptyReport(), modules: [], staleModules: [] };
  // The quotas are the creator's, whatever the input: checked once for every input's files together.
  const quotaCheck = !opts.check && opts.flags?.quotaCheck !== false && inputs.length > 0;
  if (quotaCheck) {
    const first = inputs[0]!;
    await opts.pipelineFor(first, resolveInputOptions(project, first, opts.flags).pipeline).checkQuotas(
      inputs.flatMap((input) => input.files.map((f) => f.file)),
      opts.signal ? { signal: opts.signal } : {},
    );
  }
  /** A grant refusal of the credentials holds for every input: later inputs send no grant request. */
  const grants = { stopped: false };
  for (const input of inputs) {
    const resolved = resolveInputOptions(project, input, {
      ...opts.flags,
      ...(opts.repack ? { repack: true } : {}),
    });
    const pipeline = opts.pipelineFor(input, resolved.pipeline);
    // The input's processing and name go to the process stage (which names atlases after the input).
    const syncOptions = {
      ...resolved.sync,
      check: opts.check === true,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.stop ? { stop: opts.stop } : {}),
      // Checked above, for all the inputs at once.
      ...(quotaCheck && { quotaCheck: false }),
      ...(grants.stopped && { grant: { experiences: [] } }),
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
    if (report.pendingGrants) total.pendingGrants = [...(total.pendingGrants ?? []), ...report.pendingGrants];
    if (report.grants) {
      total.grants ??= { granted: [], refusals: [] };
      total.grants.granted.push(...report.grants.granted);
      total.grants.refusals.push(...report.grants.refusals);
      if (report.grants.refusals.some(stopsEveryGrant)) grants.stopped = true;
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
    if (opts.check) {
      const files = await moduleFilesFor(input, pipeline, report);
      const lockfile = basename(project.lockfile);
      total.staleModules.push(...(await checkInputModules(project.root, input.output, files, lockfile)));
    } else {
      total.modules.push(...(await writeModulesFor(project, input, pipeline, report, opts.valueFor)));
    }
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
  const files = await moduleFilesFor(input, pipeline, report, valueFor);
  return writeInputModules(project.root, input.output, files, basename(project.lockfile));
}

/** Every file of the input that has an asset, with its module value. */
async function moduleFilesFor(
  input: ProjectInput,
  pipeline: Pipeline,
  report: Pick<SyncReport, "uploaded" | "updated" | "unchanged">,
  valueFor: (asset: ResolvedAsset) => CodegenValue = moduleValue,
): Promise<ModuleFile[]> {
  const known = new Map<string, ResolvedAsset>();
  for (const asset of [...report.uploaded, ...report.updated, ...report.unchanged])
    known.set(asset.file, asset);
  const files = await Promise.all(
    input.files.map(async ({ file, key }) => {
      const asset = known.get(file) ?? (await pipeline.lookup(file).catch(() => undefined));
      return asset ? { file, key, value: valueFor(asset) } : undefined;
    }),
  );
  return [...existingModuleFiles(input), ...files.filter((f) => f !== undefined)];
}
