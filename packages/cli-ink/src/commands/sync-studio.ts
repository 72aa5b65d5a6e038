// `rbxassets sync --target studio`: the inputs' images, processed as for an upload, into Studio's content
// folder; no upload. A file a cloud sync would refuse fails here too (non-zero exit).
import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { showPath } from "../output.js";
import { ServiceError } from "../services/errors.js";
import { selectInputs, syncInputsToStudio } from "../services/project-sync.js";

/** One line per file copied and per note, one per module written; the summary on stdout. */
export async function runStudio(
  env: CommandEnv,
  paths: string[],
  options: { lockfile?: string },
): Promise<CommandResult> {
  const ctx = await env.context();
  const inputs = selectInputs(ctx.project, paths);
  if (!ctx.project || !inputs) {
    throw new ServiceError(
      "--target studio works on the project file's inputs — create one with rbxassets init, or name an input",
    );
  }
  const report = await syncInputsToStudio(ctx, ctx.project, inputs, {
    ...(options.lockfile !== undefined ? { lockfile: options.lockfile } : {}),
  });
  for (const file of report.copied) env.out.log(`copied    ${showPath(file)}`);
  for (const { file, note } of report.notes) env.out.log(`note      ${showPath(file)}: ${note}`);
  for (const { reason } of report.failed) env.out.log(`failed    ${reason}`);
  for (const module of report.modules) env.out.log(`wrote     ${showPath(module)}`);
  env.out.result(
    report,
    () =>
      `${report.copied.length} copied, ${report.unchanged.length} unchanged, ${report.failed.length} failed into ${report.content}; modules use rbxasset:// paths (a plain sync switches them back to ids)`,
  );
  if (report.failed.length === 0) return ExitCode.ok;
  env.out.error(`${report.failed.length} file${report.failed.length === 1 ? "" : "s"} failed`);
  return ExitCode.failure;
}
