// `rbxassets init --from asphalt|tarmac|tungsten`: reads the other tool's files, writes our project file and
// lockfile keeping every id whose file is unchanged, and says what came over and what did not. Uploads nothing.
import { ensureMergeAttributes } from "@rbxassets/core/internal";
import {
  MIGRATION_TOOLS,
  MigrationError,
  type MigrationPlan,
  MigrationSourceError,
  type MigrationTool,
  ProjectFileExistsError,
  planMigration,
  resolveConfig,
  writeMigration,
} from "@rbxassets/core/node";
import type { CommandEnv, CommandResult } from "../command-env.js";
import { CliError, ExitCode } from "../errors.js";
import { MERGE_DRIVER_CONFIG } from "./lockfile.js";

export async function runFrom(env: CommandEnv, root: string, from: string): Promise<CommandResult> {
  const tool = from.toLowerCase() as MigrationTool;
  if (!MIGRATION_TOOLS.includes(tool)) {
    throw new CliError(`--from ${from}: write one of ${MIGRATION_TOOLS.join(", ")}`, { rule: "usage" });
  }
  const config = await resolveConfig({
    root,
    ...(env.globals.creator !== undefined ? { creator: env.globals.creator } : {}),
  });
  let plan: MigrationPlan;
  let written: { projectFile: string; lockfile: string };
  try {
    plan = await planMigration(root, tool, config.creator ? { creator: config.creator } : {});
    written = await writeMigration(root, plan);
  } catch (error) {
    if (error instanceof MigrationSourceError)
      throw new CliError(`${error.message} — fix it, then run again; nothing was written`);
    if (error instanceof MigrationError) throw new CliError(`${error.message}; nothing was written`);
    if (error instanceof ProjectFileExistsError) throw new CliError(error.message);
    throw error;
  }
  // As `init` does: lockfiles of two branches merge through the driver that .gitattributes names.
  const attributes = await ensureMergeAttributes(root, written.lockfile);
  const data = {
    from: tool,
    read: plan.read,
    wrote: [written.projectFile, written.lockfile],
    inputs: plan.inputs,
    notCarried: plan.dropped,
    gitattributes: attributes.added,
    mergeDriver: MERGE_DRIVER_CONFIG,
  };
  env.out.result(data, () =>
    [
      describe(plan, written),
      attributes.added
        ? `added "${attributes.line}" to .gitattributes; run once per clone: ${MERGE_DRIVER_CONFIG}`
        : `.gitattributes already names the lockfile's merge driver`,
    ].join("\n"),
  );
  return ExitCode.ok;
}

function describe(plan: MigrationPlan, written: { projectFile: string; lockfile: string }): string {
  const lines = [
    `read ${plan.read.join(", ")}; wrote ${written.projectFile} and ${written.lockfile} (nothing uploaded)`,
  ];
  for (const input of plan.inputs) {
    const parts = [`${input.kept} kept their id`];
    if (input.existing > 0) parts.push(`${input.existing} existing (never uploaded)`);
    if (input.changed.length > 0)
      parts.push(`${input.changed.length} changed since ${plan.tool} uploaded them`);
    if (input.unknown.length > 0)
      parts.push(`${input.unknown.length} not in ${plan.tool}'s records (new or changed)`);
    lines.push(`  ${input.name}: ${parts.join(", ")}`);
    for (const file of [...input.changed, ...input.unknown]) lines.push(`    to upload: ${file}`);
  }
  if (plan.dropped.length > 0) {
    lines.push("not carried over:");
    for (const line of plan.dropped) lines.push(`  ${line}`);
  }
  const toUpload = plan.inputs.reduce((n, i) => n + i.changed.length + i.unknown.length, 0);
  lines.push(
    toUpload === 0
      ? "next: rbxassets sync (uploads nothing that was already uploaded)"
      : `next: rbxassets sync (uploads the ${toUpload} file${toUpload === 1 ? "" : "s"} above, nothing else)`,
  );
  return lines.join("\n");
}
