import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
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

/** The refusal for a path outside the root, named as the user would reach it from the root (`../x.png`). */
export function outsideRootError(root: string, file: string): PipelineError {
  const absolute = resolve(root, file);
  const rel = relative(root, absolute);
  const shown = (isAbsolute(rel) ? absolute : rel).split(sep).join("/");
  return new PipelineError(
    shown,
    "outside-root",
    `the file is outside the project root ${root}`,
    "move it into the project or run from a folder that contains it (-C)",
  );
}

/**
 * Refuses a file that is not part of the project: outside `root` by its path, or a link (itself, or a linked
 * folder on the way) whose target lies outside the root. The lockfile records project paths only; a path
 * outside would be absolute (not portable, and it leaks a local path), and a link outside names content that
 * another checkout does not have. A path that cannot be resolved (missing, a link loop) is left to detection,
 * which names the actual problem.
 */
export async function assertInsideRoot(root: string, file: string): Promise<void> {
  const absolute = resolve(root, file);
  if (!isInsideRoot(root, absolute)) throw outsideRootError(root, file);
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(absolute), realpath(root)]);
  } catch {
    return;
  }
  if (!isInsideRoot(realRoot, real)) {
    throw new PipelineError(
      toProjectPath(root, absolute),
      "outside-root",
      `the file is a link to ${real}, outside the project root ${root}`,
      "copy the file into the project instead of linking to it",
    );
  }
}
