// `rbxassets sync --watch`: one sync of the inputs, then a line per change until Ctrl-C.
import { loadProject, type PipelineEvent, type WatchBatch, watchProject } from "@rbxassets/core/node";
import type { CommandEnv, CommandResult } from "../command-env.js";
import { describeError, ExitCode } from "../errors.js";
import { cliReason } from "../fixes.js";
import { showPath } from "../output.js";
import { ServiceError } from "../services/errors.js";
import { selectInputs, syncInputs } from "../services/project-sync.js";
import { stoppingLine } from "../sync-output.js";

export interface WatchFlags {
  lockfile?: string;
}

export async function runWatch(env: CommandEnv, args: string[], flags: WatchFlags): Promise<CommandResult> {
  const ctx = await env.context();
  const inputs = selectInputs(ctx.project, args);
  if (!ctx.project || !inputs) {
    throw new ServiceError(
      "sync --watch watches the project file's inputs — create one with rbxassets init, or name an input",
    );
  }
  const lockfile = flags.lockfile !== undefined ? { lockfile: flags.lockfile } : {};
  // The first Ctrl-C (env.stop) stops gracefully: the batch in flight finishes its uploads and records
  // them, and the watch ends; a second exits at once.
  const onEvent = (event: PipelineEvent) => {
    if (event.type === "stopping") env.out.log(stoppingLine(event.finishing, false));
  };
  const signals = { signal: env.signal, stop: env.stop, onEvent };
  const first = await syncInputs(ctx, ctx.project, inputs, { ...signals, ...lockfile });
  for (const module of first.modules) env.out.log(`wrote     ${showPath(module)}`);
  for (const failure of first.failed) env.out.log(`failed    ${cliReason(failure)}`);
  env.out.log(
    `synced ${first.uploaded.length + first.updated.length} new or changed, ${first.unchanged.length} unchanged, ${first.failed.length} failed`,
  );
  if (env.signal.aborted || env.stop.aborted) return ExitCode.failure;

  await watchProject({
    project: ctx.project,
    inputNames: inputs.map((i) => i.name),
    reload: async () => {
      // An input may lose its last file while watched: its modules must still drop it.
      const project = await loadProject(ctx.root, { allowEmptyGlobs: true });
      if (!project) {
        throw new ServiceError("the project file was removed — stopped watching its inputs", {
          rule: "project-file",
        });
      }
      return project;
    },
    sync: (project, touched) => syncInputs(ctx, project, touched, { ...signals, ...lockfile }),
    onReady: () =>
      env.out.log(`watching ${inputs.map((i) => i.name).join(", ")} for changes (Ctrl-C to stop)`),
    onBatch: (batch) => {
      for (const line of batchLines(batch)) env.out.log(line);
    },
    onError: (error) => {
      // A broken edit of the project file lists its problems; the watch goes on with the last good one.
      const lines =
        error instanceof Error && error.name === "ProjectFileError"
          ? error.message.split("\n")
          : [describeError(error).message];
      for (const line of lines) env.out.log(`error     ${line}`);
    },
    signal: env.stop,
  });
  return ExitCode.ok;
}

/** One line per changed file (with its new id, or why it failed), then one per module rewritten. */
export function batchLines({ changes, report }: WatchBatch): string[] {
  const assets = new Map(
    [...report.uploaded, ...report.updated, ...report.unchanged].map((a) => [a.file, a]),
  );
  const failures = new Map(report.failed.map((f) => [f.file, cliReason(f)]));
  const lines = changes.map(({ file, kind }) => {
    const shown = showPath(file);
    if (kind === "removed") return `removed   ${shown} (left the modules)`;
    const failed = failures.get(file);
    if (failed !== undefined) return `failed    ${failed}`;
    const asset = assets.get(file);
    return asset ? `${kind.padEnd(9)} ${shown} -> ${asset.uri}` : `${kind.padEnd(9)} ${shown}`;
  });
  for (const module of report.modules) lines.push(`wrote     ${showPath(module)}`);
  return lines;
}
