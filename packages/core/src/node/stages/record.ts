// Stage: record. What goes into the lockfile for an upload, a reuse or an update, and which entry a model
// update keeps in place.
import { assetUri } from "../../client/normalize.js";
import type { Asset } from "../../index.js";
import type { LockEntry, Lockfile } from "../lockfile.js";
import type { AssetType, ModerationStatus, ResolvedAsset } from "../types.js";
import type { PreparedFile } from "./prepare.js";

/** The lockfile entry to update in place: a model at this path, whose asset no other path shares. */
export function updateTarget(lockfile: Lockfile, file: string, assetType: AssetType): LockEntry | undefined {
  const entry = lockfile.get(file);
  if (entry?.assetType !== "Model" || assetType !== "Model") return undefined;
  for (const [path, other] of lockfile.entries()) {
    if (path !== file && other.assetId === entry.assetId) return undefined;
  }
  return entry;
}

/** The entry for a finished upload (a model keeps its revision; Reviewing is remembered). */
export function entryFor(
  prepared: PreparedFile,
  asset: Asset,
  moderation: ModerationStatus,
  creator: string,
  target: LockEntry | undefined,
): LockEntry {
  const entry: LockEntry = {
    assetId: target?.assetId ?? asset.assetId,
    assetType: prepared.assetType,
    hash: prepared.hash,
    creator,
  };
  if (prepared.assetType === "Model" && asset.revisionId) entry.version = asset.revisionId;
  if (moderation === "Reviewing") entry.moderation = "Reviewing";
  if (prepared.fingerprint !== undefined) entry.process = prepared.fingerprint;
  // An update keeps the asset id, and with it every grant the asset has.
  if (target?.grants?.length) entry.grants = target.grants;
  return entry;
}

/** Records a lockfile hit found under another path (`reused`) under this file's path too. */
export async function recordReuse(lockfile: Lockfile, prepared: PreparedFile): Promise<void> {
  const found = lockfile.findByHash(prepared.hash, {
    assetType: prepared.assetType,
    preferPath: prepared.file,
    process: prepared.fingerprint,
  });
  if (found) await lockfile.record(prepared.file, { ...found[1] });
}

/**
 * The warning for an asset moderation is still reviewing: now (`asset`, an `atlas asset`), or when it was
 * uploaded (a lockfile hit recorded in review). The one wording; shells show it as it is.
 */
export function reviewingWarning(
  assetId: string,
  opts: { what?: "asset" | "atlas asset"; recorded?: boolean } = {},
): string {
  const what = `${opts.what ?? "asset"} ${assetId}`;
  return opts.recorded
    ? `moderation was still reviewing ${what} when it was uploaded; it may yet be rejected`
    : `moderation is still reviewing ${what}; it may yet be rejected`;
}

export function resolvedFrom(
  prepared: PreparedFile,
  entry: LockEntry,
  status: ResolvedAsset["status"],
  moderation: ModerationStatus,
  warning: string | undefined,
): ResolvedAsset {
  return {
    file: prepared.file,
    assetId: entry.assetId,
    uri: assetUri(entry.assetId),
    assetType: entry.assetType,
    hash: prepared.hash,
    status,
    moderation,
    ...(warning ? { warning } : {}),
  };
}
