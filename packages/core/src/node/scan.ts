import { readdir, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { extensionInfo } from "./formats.js";
import { toProjectPath } from "./paths.js";

export interface ScanResult {
  /** Absolute paths of files with a supported extension, sorted, each once. */
  files: string[];
  /** Files passed or found that are not uploadable, with why. */
  skipped: { file: string; reason: string }[];
  /** Paths that do not exist or cannot be read. */
  missing: { file: string; reason: string }[];
}

/**
 * Expands files and directories (recursively) into the files to sync. Skips `node_modules`, dot
 * directories, and the given ignored files (the lockfile itself, generated modules).
 */
export async function scanPaths(
  root: string,
  paths: string[],
  ignore: Iterable<string> = [],
): Promise<ScanResult> {
  const ignored = new Set([...ignore].map((p) => resolve(root, p)));
  const files = new Set<string>();
  const skipped: ScanResult["skipped"] = [];
  const missing: ScanResult["missing"] = [];

  const consider = (absolute: string) => {
    if (ignored.has(absolute)) return;
    const extension = extname(absolute).slice(1).toLowerCase();
    if (extensionInfo(extension)) files.add(absolute);
    else
      skipped.push({
        file: toProjectPath(root, absolute),
        reason: extension ? `.${extension} is not an uploadable asset type` : "no file extension",
      });
  };

  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
        await walk(absolute);
      } else if (entry.isFile() && !entry.name.startsWith(".")) {
        consider(absolute);
      }
    }
  };

  for (const path of paths) {
    const absolute = resolve(root, path);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) await walk(absolute);
      else consider(absolute);
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
