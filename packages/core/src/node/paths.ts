import { isAbsolute, relative, resolve, sep } from "node:path";

/** `file` relative to `root`, with posix separators: the form used in the lockfile, reports and errors. */
export function toProjectPath(root: string, file: string): string {
  const rel = relative(root, resolve(root, file));
  const posix = sep === "/" ? rel : rel.split(sep).join("/");
  // A file outside the root keeps its absolute path so that it is never confused with a project file.
  return posix.startsWith("../") || isAbsolute(posix) ? resolve(root, file).split(sep).join("/") : posix;
}
