import { resolve } from "node:path";
import { assetUri } from "@rbxassets/core";
import { LOCKFILE_NAME, Lockfile } from "@rbxassets/core/node";
import type { ServiceContext } from "./context.js";

export interface LockedAsset {
  /** Posix path relative to the project root. */
  file: string;
  assetId: string;
  assetType: string;
  uri: string;
}

/** What the lockfile records, sorted by file: which content became which asset. */
export async function listLockedAssets(
  ctx: ServiceContext,
  opts: { lockfile?: string } = {},
): Promise<LockedAsset[]> {
  const lockfile = await Lockfile.open(resolve(ctx.root, opts.lockfile ?? LOCKFILE_NAME));
  return lockfile
    .entries()
    .map(([file, entry]) => ({
      file,
      assetId: entry.assetId,
      assetType: entry.assetType,
      uri: assetUri(entry.assetId),
    }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
