// The files the upload picker offers: every file under the project root that some asset type accepts,
// with the types its content allows (the service sniffs the content, so a mislabelled file shows why).
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";
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

const MAX_ENTRIES_WALKED = 20_000;
const DETECT_CONCURRENCY = 8;

async function walk(root: string, limit: number): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  let walked = 0;
  const visit = async (dir: string): Promise<boolean> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      if (++walked > MAX_ENTRIES_WALKED || files.length >= limit) return false;
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(await visit(path))) return false;
      } else if (entry.isFile() && /\.[A-Za-z0-9]+$/.test(entry.name)) {
        files.push(relative(root, path).split(sep).join("/"));
      }
    }
    return true;
  };
  const complete = await visit(root);
  return { files, truncated: !complete };
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
