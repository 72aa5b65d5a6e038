// What an import from another tool (asphalt, tarmac, tungsten) amounts to, before anything is written: the
// project file, the lockfile entries of every file whose content still matches, and what could not come.
import type { LockEntry } from "../lockfile.js";
import type { ProjectConfig } from "../project/schema.js";

export type MigrationTool = "asphalt" | "tarmac" | "tungsten";
export const MIGRATION_TOOLS: readonly MigrationTool[] = ["asphalt", "tarmac", "tungsten"];

/** One input's outcome: how many files keep their id, and which could not. */
export interface InputMigration {
  name: string;
  /** Files whose content matched the other tool's record: they keep their id. */
  kept: number;
  /** `existing` entries carried over (asphalt's and tungsten's `web`). */
  existing: number;
  /** Files whose content changed since the other tool uploaded them (the next sync uploads them). */
  changed: string[];
  /** Files the other tool never uploaded (the next sync uploads them). */
  unknown: string[];
}

export interface MigrationPlan {
  tool: MigrationTool;
  /** The files read, project paths. */
  read: string[];
  config: ProjectConfig;
  /** Project path → lockfile entry. */
  locks: Map<string, LockEntry>;
  inputs: InputMigration[];
  /** What could not be carried over, one line each (unknown keys, spritesheet slices, per-file modules). */
  dropped: string[];
}

/** A source file that cannot be read as the tool writes it: the file and the key, in one line. */
export class MigrationSourceError extends Error {
  override name = "MigrationSourceError";
  readonly rule = "migrate-source";
  constructor(
    readonly file: string,
    readonly key: string,
    readonly problem: string,
  ) {
    super(`${file}: ${key === "" ? "" : `${key}: `}${problem}`);
  }
}

/** The import cannot go on for a reason that is not a malformed file (a missing file, a missing creator). */
export class MigrationError extends Error {
  override name = "MigrationError";
  readonly rule: string;
  constructor(rule: string, message: string) {
    super(message);
    this.rule = rule;
  }
}
