// A packed image as the pipeline reports it: the atlas's id and the sprite's rectangle, from the layout
// just uploaded or from the lockfile (a file an earlier sync packed, its content unchanged).
import { assetUri } from "../../client/normalize.js";
import type { Lockfile } from "../lockfile.js";
import type { AtlasEntry } from "../lockfile-sheets.js";
import type { AtlasLayout } from "../process/layout.js";
import type { ResolvedAsset } from "../types.js";
import { reviewingWarning } from "./record.js";

/** A sprite's layout key: equal keys mean equal pixels (source hash plus processing fingerprint). */
export const keyOf = (hash: string, fingerprint: string) => `${hash}\0${fingerprint}`;

/** Each sprite of the atlas as a resolved asset: the atlas's id, the sprite's rectangle. */
export function spriteAssets(
  layout: AtlasLayout,
  atlas: AtlasEntry,
  status: "uploaded" | "unchanged",
  hashOf: (file: string) => string,
): ResolvedAsset[] {
  const reviewing = atlas.moderation === "Reviewing";
  return layout.sprites.map((sprite) => ({
    file: sprite.file,
    assetId: atlas.assetId,
    uri: assetUri(atlas.assetId),
    assetType: atlas.assetType,
    hash: hashOf(sprite.file),
    status,
    moderation: reviewing ? "Reviewing" : "Approved",
    ...(reviewing ? { warning: reviewingWarning(atlas.assetId, { what: "atlas asset" }) } : {}),
    sprite: { x: sprite.x, y: sprite.y, width: sprite.width, height: sprite.height },
    atlas: layout.name,
  }));
}

/**
 * The lockfile's answer for a file packed into a spritesheet by an earlier sync, when its content is
 * still what was packed: the atlas's id and the sprite's rect. No decode, no network.
 */
export function lookupSprite(lockfile: Lockfile, file: string, hash: string): ResolvedAsset | undefined {
  const record = lockfile.sprite(file);
  if (!record || record.hash !== hash) return undefined;
  const atlas = lockfile.atlas(record.atlas);
  if (!atlas) return undefined;
  const layout: AtlasLayout = {
    name: record.atlas,
    width: atlas.width,
    height: atlas.height,
    sprites: [{ ...record, file, key: keyOf(record.hash, record.process) }],
  };
  return spriteAssets(layout, atlas, "unchanged", () => hash)[0];
}
