// An input's globs, expanded into the files it holds, and the checks that need the file system: a glob
// that matches nothing, a file claimed by two inputs, an output outside the project.
import { dirname, posix, resolve } from "node:path";
import picomatch from "picomatch";
import { glob } from "tinyglobby";
import { extensionInfo } from "../formats.js";
import { isInsideRoot } from "../paths.js";
import type { InputSpec } from "./schema.js";

/** One file of an input: its project path, and its path below the input's base (the codegen key path). */
export interface InputFile {
  file: string;
  key: string;
}

export interface ProjectInput extends InputSpec {
  /** Every asset file the input holds now, sorted by project path. */
  files: InputFile[];
  /** Whether a project path belongs to this input by its globs (also a file that does not exist yet). */
  matches(file: string): boolean;
}

/** Never part of an input, whatever its globs say. */
const ALWAYS_EXCLUDED = ["**/node_modules/**", "**/.git/**"];

/**
 * Expands every input's globs. `reserved` are project paths no input may hold (the lockfile, generated
 * modules). Problems come back as `<key>: <what> — <fix>` lines, like the schema's.
 */
export async function resolveInputs(
  root: string,
  specs: InputSpec[],
  reserved: Iterable<string>,
  allowEmptyGlobs = false,
): Promise<{ inputs: ProjectInput[]; problems: string[] }> {
  const problems: string[] = [];
  const taken = new Set(reserved);
  const inputs: ProjectInput[] = [];
  const owner = new Map<string, string>();
  const clashes = new Map<string, string[]>();

  for (const spec of specs) {
    const files = new Map<string, string>();
    for (const pattern of spec.include) {
      const found = await glob(pattern, {
        cwd: root,
        ignore: [...spec.exclude, ...ALWAYS_EXCLUDED],
        onlyFiles: true,
        dot: false,
        expandDirectories: false,
      });
      const assets = found.filter((file) => !taken.has(file) && isAsset(file)).sort();
      if (assets.length === 0 && !allowEmptyGlobs) {
        problems.push(
          `inputs.${spec.name}.include: ${JSON.stringify(pattern)} matches no asset file — fix the glob (it is relative to the project root ${root}) or remove it`,
        );
      }
      const base = globBase(pattern);
      for (const file of assets) {
        const key = keyBelow(base, file);
        // A file already on Roblox (`existing`) is never uploaded: its id goes to the modules as it is.
        if (!files.has(file) && spec.existing[key] === undefined) files.set(file, key);
      }
    }
    for (const file of files.keys()) {
      const other = owner.get(file);
      if (other === undefined) owner.set(file, spec.name);
      else {
        const pair = `${other}\u0000${spec.name}`;
        clashes.set(pair, [...(clashes.get(pair) ?? []), file]);
      }
    }
    const included = picomatch(spec.include, { dot: false });
    const excluded = picomatch([...spec.exclude, ...ALWAYS_EXCLUDED], { dot: true });
    inputs.push({
      ...spec,
      files: [...files].map(([file, key]) => ({ file, key })).sort((a, b) => compare(a.file, b.file)),
      matches: (file) =>
        included(file) &&
        !excluded(file) &&
        spec.existing[keyBelow(globBase(spec.include[0]!), file)] === undefined,
    });
  }

  for (const [pair, files] of clashes) {
    const [first, second] = pair.split("\u0000") as [string, string];
    const shown = files.slice(0, 3).join(", ") + (files.length > 3 ? `, and ${files.length - 3} more` : "");
    problems.push(
      `inputs.${second}.include: ${shown} ${files.length === 1 ? "is" : "are"} also in input "${first}" — add ${files.length === 1 ? "it" : "them"} to one input's exclude, or narrow an include`,
    );
  }
  return { inputs, problems };
}

/** Output paths (and the lockfile) must lie inside the project, and no two inputs may write one file. */
export function checkOutputs(root: string, specs: InputSpec[], lockfile: string | undefined): string[] {
  const problems: string[] = [];
  const writers = new Map<string, string>();
  if (lockfile !== undefined && !isInsideRoot(root, resolve(root, lockfile))) {
    problems.push(
      `lockfile: ${JSON.stringify(lockfile)} is outside the project — write a path inside ${root}, e.g. "rbxassets.lock.json"`,
    );
  }
  for (const spec of specs) {
    for (const kind of ["luau", "dts", "ts"] as const) {
      const path = spec.output[kind];
      if (path === undefined) continue;
      const key = `inputs.${spec.name}.output.${kind}`;
      const absolute = resolve(root, path);
      if (!isInsideRoot(root, absolute) || absolute === root) {
        problems.push(
          `${key}: ${JSON.stringify(path)} is outside the project — write a path inside ${root}, e.g. "src/shared/${spec.name}.${kind === "dts" ? "d.ts" : kind}"`,
        );
        continue;
      }
      const other = writers.get(absolute);
      if (other !== undefined) {
        problems.push(
          `${key}: ${JSON.stringify(path)} is also written by ${other} — give each module its own path`,
        );
      } else writers.set(absolute, key);
    }
  }
  return problems;
}

/** Every output path of the inputs, as project paths: no input may hold them. */
export function outputPaths(specs: InputSpec[]): string[] {
  return specs.flatMap((spec) =>
    [spec.output.luau, spec.output.dts, spec.output.ts]
      .filter((p): p is string => p !== undefined)
      .map((p) => posix.normalize(p.replaceAll("\\", "/")).replace(/^\.\//, "")),
  );
}

/** The part of a glob before its first glob character, as a folder (`assets/ui/**` → `assets/ui`). */
export function globBase(pattern: string): string {
  const scanned = picomatch.scan(pattern);
  if (scanned.isGlob) return scanned.base;
  // A plain file path: its folder is the base, so that its key is its own name.
  const dir = dirname(pattern);
  return dir === "." ? "" : dir;
}

function keyBelow(base: string, file: string): string {
  if (base === "" || base === ".") return file;
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : file;
}

function isAsset(file: string): boolean {
  const dot = file.lastIndexOf(".");
  return dot > file.lastIndexOf("/") && extensionInfo(file.slice(dot + 1).toLowerCase()) !== undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
