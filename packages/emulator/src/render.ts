// Turns stored state into the spec's wire shapes (Asset, AssetVersion, Operation).

import type { Asset, AssetVersion } from "@rbxassets/spec";
import { socialLinkFields } from "./spec-values.js";
import type { StoredAsset, StoredVersion } from "./store.js";

/** Optional metadata a readMask can ask for; without a mask Get Asset leaves icon/previews/links out. */
export type OptionalAssetField = "description" | "icon" | "previews" | (typeof socialLinkFields)[number];

/**
 * Renders an asset. `include` limits the optional metadata fields (Get Asset with readMask); without it
 * every field that is set is included. Fields the spec marks required are always present.
 */
export function renderAsset(asset: StoredAsset, include?: ReadonlySet<string>): Asset {
  const wants = (field: OptionalAssetField) => include === undefined || include.has(field);
  const rendered: Asset = {
    path: `assets/${asset.assetId}`,
    assetId: asset.assetId,
    revisionId: String(asset.revisionId),
    revisionCreateTime: asset.revisionCreateTime,
    displayName: asset.displayName,
    // The service omits an empty description rather than sending "".
    ...(asset.description !== "" && wants("description") ? { description: asset.description } : {}),
    assetType: asset.assetType,
    creationContext: { creator: { ...asset.creator } },
    moderationResult: { moderationState: asset.moderationState },
    state: asset.state,
  };
  if (asset.icon !== undefined && wants("icon")) rendered.icon = asset.icon;
  if (asset.previews !== undefined && asset.previews.length > 0 && wants("previews")) {
    rendered.previews = asset.previews.map((preview) => ({ ...preview }));
  }
  for (const field of socialLinkFields) {
    const link = asset.socialLinks[field];
    if (link !== undefined && wants(field)) rendered[field] = { ...link };
  }
  return rendered;
}

export function renderVersion(asset: StoredAsset, version: StoredVersion): AssetVersion {
  return {
    path: `assets/${asset.assetId}/versions/${version.number}`,
    creationContext: { creator: { ...version.creator } },
    moderationResult: { moderationState: version.moderationState },
    published: false,
  };
}
