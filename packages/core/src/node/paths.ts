import { lstatSync, type Stats } from "node:fs";
import { realpath } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { PipelineError } from "./errors.js";

/** `file` relative to `root`, with posix separators: the form used in the lockfile, reports and errors. */
export function toProjectPath(root: string, file: string): string {
  const rel = relative(root, resolve(root, file));
  const posix = sep === "/" ? rel : rel.split(sep).join("/");
  // A file outside the root keeps its absolute path so that it is never confused with a project file.
  return posix.startsWith("../") || isAbsolute(posix) ? resolve(root, file).split(sep).join("/") : posix;
}

/** Whether `absolute` is `root` itself or lies under it (lexically: links are not followed). */
export function isInsideRoot(root: string, absolute: string): boolean {
  const rel = relative(root, absolute);
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** What the outside-root refusal suggests by default (callers with a `-C` or a `root` option word their own). */
export const OUTSIDE_ROOT_FIX =
  "move it into the project, or make the project root a folder that contains it";

/** The refusal for a path outside the root, named as the user would reach it from the root (`../x.png`). */
export function outsideRootError(root: string, file: string, fix = OUTSIDE_ROOT_FIX): PipelineError {
  const absolute = resolve(root, file);
  const rel = relative(root, absolute);
  const shown = (isAbsolute(rel) ? absolute : rel).split(sep).join("/");
  return new PipelineError(shown, "outside-root", `the file is outside the project root ${root}`, fix);
}

/**
 * Refuses a file that is not part of the project: outside `root` by its path, or a link (itself, or a linked
 * folder on the way) whose target lies outside the root. The lockfile records project paths only; a path
 * outside would be absolute (not portable, and it leaks a local path), and a link outside names content that
 * another checkout does not have. A path that cannot be resolved (missing, a link loop) is left to detection,
 * which names the actual problem.
 */
export async function assertInsideRoot(root: string, file: string, fix?: string): Promise<void> {
  await new RootGuard(root, fix).check(file);
}

/**
 * `assertInsideRoot` for many files: the path is judged lexically first; links are caught with one `lstat` of
 * the file plus the real path of its folder, which is cached (a project has few folders, and many files).
 * Only a file that is itself a link costs a full `realpath`.
 */
export class RootGuard {
  readonly root: string;
  readonly #fix: string | undefined;
  readonly #realDirs = new Map<string, Promise<string | undefined>>();

  constructor(root: string, fix?: string) {
    this.root = resolve(root);
    this.#fix = fix;
  }

  /**
   * Throws the outside-root PipelineError, or returns the file's `lstat` (undefined when it cannot be read:
   * detection names that problem). For a link, the stats are the link's own.
   */
  async check(file: string): Promise<Stats | undefined> {
    const { root } = this;
    const absolute = resolve(root, file);
    if (!isInsideRoot(root, absolute)) throw outsideRootError(root, file, this.#fix);
    const [realRoot, realDir, info] = await Promise.all([
      this.#realDir(root),
      this.#realDir(dirname(absolute)),
      // In place: one metadata lookup is cheaper than a trip through the thread pool.
      lstatQuiet(absolute),
    ]);
    if (realRoot === undefined || realDir === undefined || info === undefined) return info;
    let real = join(realDir, basename(absolute));
    if (info.isSymbolicLink()) {
      try {
        real = await realpath(absolute);
      } catch {
        return info;
      }
    }
    if (!isInsideRoot(realRoot, real)) {
      throw new PipelineError(
        toProjectPath(root, absolute),
        "outside-root",
        `the file is a link to ${real}, outside the project root ${root}`,
        "copy the file into the project instead of linking to it",
      );
    }
    return info;
  }

  /** A folder's real path, once per folder (a failure is not cached: the folder may appear later). */
  #realDir(dir: string): Promise<string | undefined> {
    let found = this.#realDirs.get(dir);
    if (!found) {
      found = realpath(dir).catch(() => {
        this.#realDirs.delete(dir);
        return undefined;
      });
      this.#realDirs.set(dir, found);
    }
    return found;
  }
}

function lstatQuiet(absolute: string): Stats | undefined {
  try {
    return lstatSync(absolute, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
