// Upload quotas (Open Cloud v2 asset-quotas). The filter spells values in PascalCase (`Audio`), answers in
// SCREAMING_CASE (`AUDIO`): the spec's `quotaFilterValues` maps one to the other, here and nowhere else.
import { type AssetQuotasComponents, quotaFilterValues } from "@rbxassets/spec";
import { AssetsClientError } from "./errors.js";

type WireQuota = AssetQuotasComponents["schemas"]["AssetQuota"];

/** A quota, its counts as numbers (the wire may carry int64 as digit strings). */
export type AssetQuota = Omit<WireQuota, "usage" | "capacity"> & { usage: number; capacity: number };

/** Asset types as the quota filter spells them (`Audio`, `Video`, `MeshPart`, ...). */
export type QuotaAssetTypeName = keyof typeof quotaFilterValues.assetType;

const FILTER_NAMES = Object.keys(quotaFilterValues.assetType) as QuotaAssetTypeName[];
const NAME_OF = new Map<string, QuotaAssetTypeName>(
  FILTER_NAMES.map((name) => [quotaFilterValues.assetType[name], name]),
);

/** `AUDIO` -> `Audio` (unknown values are returned as they are). */
export function quotaAssetTypeName(wire: string): string {
  return NAME_OF.get(wire) ?? wire;
}

/** The filter for upload quotas, of one asset type or all. Throws on a type the API does not know. */
export function uploadQuotaFilter(assetType?: string): string {
  const upload = "quotaType == RateLimitUpload";
  if (assetType === undefined) return upload;
  const name = FILTER_NAMES.find((candidate) => candidate.toLowerCase() === assetType.toLowerCase());
  if (!name)
    throw new AssetsClientError(
      `assetType ${JSON.stringify(assetType)} has no quota type; use e.g. Audio or Video`,
    );
  return `${upload} && assetType == ${name}`;
}
