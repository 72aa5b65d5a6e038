// Finds and loads the project file (`rbxassets.config.{ts,mts,js,mjs,json}`), validates all of it, and
// expands its inputs: the one loader the CLI, the TUI and the plugins share.
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { oneLine } from "../errors.js";
import { LOCKFILE_NAME } from "../lockfile.js";
import { checkOutputs, outputPaths, type ProjectInput, resolveInputs } from "./inputs.js";
import type { ProjectSpec } from "./schema.js";
import { checkProjectConfig } from "./schema-check.js";

/** The names a project file may have, in the order they are looked for. */
export const PROJECT_FILE_NAMES = [
  "rbxassets.config.ts",
  "rbxassets.config.mts",
  "rbxassets.config.js",
  "rbxassets.config.mjs",
  "rbxassets.config.json",
] as const;

/** A project file that cannot be used: `problems` has one line per problem, each naming the key and the fix. */
export class ProjectFileError extends Error {
  override name = "ProjectFileError";
  /** The project file's name (relative to the root). */
  readonly file: string;
  /** `<key>: <what is wrong> — <what to write instead>`, one per problem. */
  readonly problems: string[];

  constructor(file: string, problems: string[], options?: { cause?: unknown }) {
    super(problems.map((line) => `${file}: ${oneLine(line)}`).join("\n"), options);
    this.file = file;
    this.problems = problems.map(oneLine);
  }
}

export interface Project {
  root: string;
  /** The project file's name, e.g. `rbxassets.config.ts`. */
  file: string;
  creator?: string;
  /** Lockfile path relative to the root (the project file's, or the default). */
  lockfile: string;
  inputs: ProjectInput[];
  /** The input of this name, if any. */
  input(name: string): ProjectInput | undefined;
  /** The input a project path belongs to by its globs (first in file order). */
  inputOf(file: string): ProjectInput | undefined;
}

/** The project file in `root`, or undefined. Two of them is an error: which one counts would be a guess. */
export async function findProjectFile(root: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return undefined;
  }
  const found = PROJECT_FILE_NAMES.filter((name) => names.includes(name));
  if (found.length > 1) {
    throw new ProjectFileError(found[0]!, [
      `the project has ${found.length} project files (${found.join(", ")}) — keep one of them`,
    ]);
  }
  return found[0];
}

/**
 * Loads, validates and expands the project file in `root`; undefined when there is none. Throws a
 * ProjectFileError listing every problem; nothing is written and nothing is sent before this returns.
 */
export interface LoadProjectOptions {
  /**
   * Accept a glob that matches nothing (watch mode: the last file of an input was deleted, and the input's
   * modules must still drop it). Default false: a glob matching nothing is a mistake to report.
   */
  allowEmptyGlobs?: boolean;
}

export async function loadProject(
  root: string,
  options: LoadProjectOptions = {},
): Promise<Project | undefined> {
  const absoluteRoot = resolve(root);
  const file = await findProjectFile(absoluteRoot);
  if (file === undefined) return undefined;
  const value = await importProjectFile(absoluteRoot, file);
  const { spec, problems } = checkProjectConfig(value);
  if (!spec) throw new ProjectFileError(file, problems);
  return expandProject(absoluteRoot, file, spec, problems, options);
}

/** Checks the spec against the files, adding to the schema's problems: all of them are reported at once. */
async function expandProject(
  root: string,
  file: string,
  spec: ProjectSpec,
  schemaProblems: string[],
  options: LoadProjectOptions,
): Promise<Project> {
  const lockfile = spec.lockfile ?? LOCKFILE_NAME;
  const problems = [...schemaProblems, ...checkOutputs(root, spec.inputs, spec.lockfile)];
  const reserved = [lockfile, file, ...outputPaths(spec.inputs)];
  const expanded = await resolveInputs(root, spec.inputs, reserved, options.allowEmptyGlobs === true);
  problems.push(...expanded.problems);
  if (problems.length > 0) throw new ProjectFileError(file, problems);
  const { inputs } = expanded;
  return {
    root,
    file,
    ...(spec.creator !== undefined ? { creator: spec.creator } : {}),
    lockfile,
    inputs,
    input: (name) => inputs.find((input) => input.name === name),
    inputOf: (path) => inputs.find((input) => input.matches(path)),
  };
}

/** The file's default export (or JSON value). A load failure is one problem line naming what to fix. */
async function importProjectFile(root: string, file: string): Promise<unknown> {
  const absolute = join(root, file);
  if (file.endsWith(".json")) {
    const text = await readFile(absolute, "utf8");
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ProjectFileError(file, [
        `is not valid JSON (${messageOf(error)}) — fix the syntax, then run again`,
      ]);
    }
  }
  // A query that changes with the file makes a re-load (watch mode) see an edited file, not the cached module.
  const { mtimeMs, size } = await stat(absolute);
  const url = `${pathToFileURL(absolute).href}?v=${mtimeMs}-${size}`;
  let module: { default?: unknown };
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (error) {
    throw new ProjectFileError(file, [loadFailure(file, error)], { cause: error });
  }
  if (!("default" in module) || module.default === undefined) {
    throw new ProjectFileError(file, [
      "has no default export — write export default defineConfig({ inputs: { ... } })",
    ]);
  }
  return module.default;
}

function loadFailure(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ERR_UNKNOWN_FILE_EXTENSION" && /\.m?ts$/.test(file)) {
    return `cannot be loaded by this Node (${process.version}), which does not strip TypeScript types — use Node 22.18 or later, or rename it to rbxassets.config.mjs without types`;
  }
  if (code === "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX" || code === "ERR_INVALID_TYPESCRIPT_SYNTAX") {
    return `uses TypeScript that Node cannot strip (${messageOf(error)}) — keep to erasable syntax (no enum or namespace)`;
  }
  if (code === "ERR_MODULE_NOT_FOUND") {
    return `imports a module that is not installed (${messageOf(error)}) — install it, or remove the import`;
  }
  return `cannot be loaded (${messageOf(error)}) — fix the error in the file, then run again`;
}

function messageOf(error: unknown): string {
  const text =
    error instanceof Error
      ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}`
      : String(error);
  return oneLine(text).slice(0, 300);
}
