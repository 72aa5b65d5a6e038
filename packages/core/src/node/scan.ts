import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { extensionInfo } from "./formats.js";
import { toProjectPath } from "./paths.js";
import { IgnoreRules } from "./project/ignore-rules.js";

export interface ScanResult {
  /** Absolute paths of files with a supported extension, sorted, each once. */
  files: string[];
  /** Files named explicitly that are not uploadable, with why (a walk passes over them in silence). */
  skipped: { file: string; reason: string }[];
  /** Paths that do not exist or cannot be read. */
  missing: { file: string; reason: string }[];
}

/**
 * Expands files and directories (recursively) into the files to sync. A walk honours `.gitignore`, never
 * enters `node_modules`, `.git` or other dot folders, and skips the given ignored files (the lockfile
 * itself, generated modules). Files that are not assets are only reported when named explicitly: a
 * project folder is full of source files, and a line for each would bury what matters.
 */
export async function scanPaths(
  root: string,
  paths: string[],
  ignore: Iterable<string> = [],
): Promise<ScanResult> {
  const ignored = new Set([...ignore].map((p) => resolve(root, p)));
  const rules = await IgnoreRules.forRoot(resolve(root));
  const files = new Set<string>();
  const skipped: ScanResult["skipped"] = [];
  const missing: ScanResult["missing"] = [];

  const consider = (absolute: string, named: boolean) => {
    if (ignored.has(absolute)) return;
    const extension = extname(absolute).slice(1).toLowerCase();
    if (extensionInfo(extension)) files.add(absolute);
    else if (named)
      skipped.push({
        file: toProjectPath(root, absolute),
        reason: extension ? `.${extension} is not an uploadable asset type` : "no file extension",
      });
  };

  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const absolute = join(dir, entry.name);
      const directory = entry.isDirectory();
      if (!directory && !entry.isFile()) continue;
      if (await rules.ignores(absolute, directory)) continue;
      if (directory) await walk(absolute);
      else consider(absolute, false);
    }
  };

  for (const path of paths) {
    const absolute = resolve(root, path);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) await walk(absolute);
      else consider(absolute, true);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      missing.push({
        file: toProjectPath(root, absolute),
        reason: code === "ENOENT" ? "no such file or directory" : `cannot be read (${code ?? "error"})`,
      });
    }
  }
  return { files: [...files].sort(), skipped, missing };
}
