// The files the upload picker offers: every file of the project that some asset type accepts (as sync walks),
// with the types its content allows (the service sniffs the content, so a mislabelled file shows why).
import { stat } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { scanPaths } from "@rbxassets/core/internal";
import { detectAssetType, listLockedAssets, type ServiceContext } from "./services.js";
import type { PickedFile } from "./state/upload.js";

export interface PickableFile extends PickedFile {
  /** Why the file cannot be uploaded as it is (wrong extension for its content, unreadable…). */
  problem?: string;
  /** The asset the lockfile already has for this path: picking it updates that asset, if it changed. */
  lockedAs?: string;
}

export interface PickableFiles {
  files: PickableFile[];
  /** More files exist than the picker shows. */
  truncated: boolean;
}

// Natural order (n1, n2, n10), the same on every machine.
const byName = new Intl.Collator("en", { numeric: true }).compare;

const DETECT_CONCURRENCY = 8;

/**
 * The project's asset files, by core's walk: the one sync uses, so that what `.gitignore` keeps out of a
 * sync (a `dist/`, a cache) is not offered for upload either.
 */
async function walk(root: string, limit: number): Promise<{ files: string[]; truncated: boolean }> {
  const scan = await scanPaths(root, ["."]);
  const files = scan.files.map((file) => relative(root, file).split(sep).join("/")).sort(byName);
  return { files: files.slice(0, limit), truncated: files.length > limit };
}

/** Lists uploadable files under the root, sorted, at most `limit` (default 500) candidates examined. */
export async function listPickableFiles(ctx: ServiceContext, limit = 500): Promise<PickableFiles> {
  const walked = await walk(ctx.root, limit * 4);
  // A lockfile that cannot be read is the sync's to report; here it only means no file is marked.
  const locked = new Map(
    (await listLockedAssets(ctx).catch(() => [])).map((entry) => [entry.file, entry.assetId]),
  );
  const results: (PickableFile | undefined)[] = new Array(walked.files.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < walked.files.length; i = next++) {
      const file = walked.files[i]!;
      try {
        const detected = await detectAssetType(ctx, file);
        const assetTypes = detected.assetType
          ? [detected.assetType, ...detected.candidates.filter((t) => t !== detected.assetType)]
          : detected.candidates;
        const lockedAs = locked.get(file);
        results[i] = { file, assetTypes, ...(lockedAs !== undefined ? { lockedAs } : {}) };
      } catch (error) {
        const rule = (error as { rule?: unknown }).rule;
        // Files no asset type accepts are simply not offered.
        if (rule === "unsupported-extension") continue;
        results[i] = {
          file,
          assetTypes: [],
          problem: error instanceof Error ? error.message : String(error),
        };
      }
    }
  };
  await Promise.all(Array.from({ length: DETECT_CONCURRENCY }, worker));
  const files = results.filter((r): r is PickableFile => r !== undefined);
  return { files: files.slice(0, limit), truncated: walked.truncated || files.length > limit };
}

/**
 * Why a sync cannot take `folder` (relative to the root), or undefined when it can: a path that does not
 * exist is said at once, not after a scan that finds it missing. A project input's name is taken too.
 */
export async function syncFolderProblem(ctx: ServiceContext, folder: string): Promise<string | undefined> {
  if (folder === "." || ctx.project?.input(folder)) return undefined;
  try {
    await stat(resolve(ctx.root, folder));
    return undefined;
  } catch {
    return `No file or folder "${folder}" under ${ctx.root}: type another, or . for the whole project.`;
  }
}
