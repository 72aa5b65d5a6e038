// Human-readable renderings of API data: concise lines a person scans (ids, uri, name, type, state,
// moderation). `--json` bypasses all of this.
import { assetUri, normalizeModerationState, versionNumberOf } from "@rbxassets/core";
import { normalizeAssetType } from "@rbxassets/core/internal";
import { keyValues, showPath, table } from "./output.js";
import type { Asset, AssetVersion, OperationReport, UploadResult } from "./services/assets.js";
import { formatTime } from "./time.js";

const moderationOf = (result: { moderationState?: string } | undefined): string | undefined =>
  result?.moderationState === undefined ? undefined : normalizeModerationState(result.moderationState);

const creatorOf = (
  context: { creator?: { userId?: string; groupId?: string } } | undefined,
): string | undefined => {
  const creator = context?.creator;
  if (creator?.userId) return `user:${creator.userId}`;
  if (creator?.groupId) return `group:${creator.groupId}`;
  return undefined;
};

/** The version number of a version, or its path when that names none (never thrown over in output). */
const versionOf = (version: Pick<AssetVersion, "path">): string => {
  try {
    return String(versionNumberOf(version));
  } catch {
    return version.path;
  }
};

/** The fields of an asset a person looks for first, then any others that are set. */
export function formatAsset(asset: Partial<Asset>): string {
  return keyValues(assetPairs(asset));
}

type Pair = readonly [string, string | undefined];

function assetPairs(asset: Partial<Asset>): Pair[] {
  const id = asset.assetId ?? /^assets\/([0-9]+)/.exec(asset.path ?? "")?.[1];
  const revision = asset.revisionId
    ? `${asset.revisionId}${asset.revisionCreateTime ? `, ${formatTime(asset.revisionCreateTime)}` : ""}`
    : undefined;
  const socials = Object.entries(asset)
    .filter(([key]) => key.endsWith("SocialLink"))
    .map(([key, link]) => [key.replace(/SocialLink$/, ""), (link as { uri?: string }).uri] as const);
  return [
    ["assetId", id],
    ["uri", id ? assetUri(id) : undefined],
    ["name", asset.displayName],
    ["type", asset.assetType ? normalizeAssetType(asset.assetType) : undefined],
    ["state", asset.state],
    ["moderation", moderationOf(asset.moderationResult)],
    ["revision", revision],
    ["creator", creatorOf(asset.creationContext)],
    ["description", asset.description],
    ["icon", asset.icon],
    ["previews", asset.previews?.map((preview) => preview.asset).join(", ")],
    ...socials,
  ];
}

/** Only the requested fields (plus the id), as `key  value` lines. */
export function formatFields(asset: Partial<Asset>, fields: readonly string[]): string {
  const record = asset as Record<string, unknown>;
  const show = (value: unknown) =>
    value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);
  return keyValues([
    ["assetId", asset.assetId],
    ...fields
      .filter((field) => field !== "assetId")
      .map((field) => [field, show(record[field]) ?? "-"] as const),
  ]);
}

export function formatVersions(versions: readonly AssetVersion[]): string {
  if (versions.length === 0) return "no versions";
  return table(
    ["VERSION", "MODERATION", "CREATOR"],
    versions.map((version) => [
      versionOf(version),
      moderationOf(version.moderationResult) ?? "-",
      creatorOf(version.creationContext) ?? "-",
    ]),
  );
}

export function formatVersion(version: AssetVersion): string {
  const assetId = /^assets\/([0-9]+)/.exec(version.path)?.[1];
  return keyValues([
    ["assetId", assetId],
    ["version", versionOf(version)],
    ["moderation", moderationOf(version.moderationResult)],
    ["creator", creatorOf(version.creationContext)],
    ["published", version.published === undefined ? undefined : String(version.published)],
  ]);
}

export function formatOperation(
  report: Omit<OperationReport, "done" | "operationId"> & { operationId?: string | undefined },
  before: Pair[] = [],
  after: Pair[] = [],
): string {
  return keyValues([
    ...before,
    ["operationId", report.operationId],
    ["status", report.status],
    ["error", report.error ? `${report.error.message} (${report.error.code})` : undefined],
    ...(report.asset ? assetPairs(report.asset) : []),
    ...after,
  ]);
}

export function formatUpload(result: UploadResult): string {
  const recorded = result.recorded ? `${result.lockfile ?? "yes"} (${result.outcome})` : "no";
  // Without the asset itself (a lockfile answer without credentials), the lockfile's facts stand in.
  const facts: Pair[] = result.asset
    ? []
    : [
        ["assetId", result.assetId],
        ["uri", result.uri],
        ["moderation", result.moderation],
      ];
  return formatOperation(result, [["file", showPath(result.file)]], [...facts, ["lockfile", recorded]]);
}
