// Turns a migration plan into files: the project file (created exclusively: never over an existing
// `rbxassets.config.*`) and then the lockfile entries (merged into a lockfile already there). The plan
// is complete before this runs, so a malformed source has already stopped the import with nothing written.
import { join } from "node:path";
import { LOCKFILE_NAME, Lockfile } from "../lockfile.js";
import { findProjectFile } from "../project/loader.js";
import { ProjectFileExistsError, writeProjectFile } from "../project/propose.js";
import { planAsphalt } from "./asphalt.js";
import type { MigrationPlan, MigrationTool } from "./plan.js";
import { planTarmac } from "./tarmac.js";
import { planTungsten } from "./tungsten.js";

export interface MigrationOptions {
  /** The creator already configured (flag, environment, .env): tarmac's own file may name none. */
  creator?: string;
}

const PLANNERS: Record<MigrationTool, (root: string, options: MigrationOptions) => Promise<MigrationPlan>> = {
  asphalt: planAsphalt,
  tarmac: planTarmac,
  tungsten: planTungsten,
};

/** Reads the tool's files in `root` and says what an import would write; writes nothing. */
export async function planMigration(
  root: string,
  tool: MigrationTool,
  options: MigrationOptions = {},
): Promise<MigrationPlan> {
  const existing = await findProjectFile(root).catch(() => "a project file");
  if (existing !== undefined) throw new ProjectFileExistsError(existing);
  return PLANNERS[tool](root, options);
}

/** Writes the plan: the project file (JSON) and the lockfile. Returns both names. Uploads nothing. */
export async function writeMigration(
  root: string,
  plan: MigrationPlan,
): Promise<{ projectFile: string; lockfile: string }> {
  const lockfile = plan.config.lockfile ?? LOCKFILE_NAME;
  // Opened (and so parsed) first: a broken lockfile already there stops the import before any write.
  const lock = await Lockfile.open(join(root, lockfile), { root });
  const projectFile = await writeProjectFile(root, plan.config, "json");
  await Promise.all([...plan.locks].map(([file, entry]) => lock.record(file, entry)));
  await lock.flushed();
  return { projectFile, lockfile };
}
