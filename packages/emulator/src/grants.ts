// Permission grants of the asset-permissions API: which experiences (universes) may use which asset.
// Grants live on the stored asset (persisted with it); the universes a grant may name are configured.
import { type CreatorRef, parseCreatorRef } from "./creator.js";

export interface UniverseOption {
  /** The universe (experience) id: the id an experience's settings show, not a place id. */
  id: string;
  /**
   * Creators (`user:<id>` / `group:<id>`) that may grant to this universe; default anyone. A caller not
   * listed gets `CannotManageSubject`.
   */
  grantableBy?: string[];
}

export interface GrantPolicy {
  /** Universe id -> the creators that may grant to it (undefined: anyone). */
  universes: Map<string, ReadonlySet<CreatorRef> | undefined>;
  /** Grants one asset may hold before `PermissionLimitReached`. */
  maxGrantsPerAsset: number;
}

/** A limit we chose: Roblox publishes none (see the README). */
export const DEFAULT_MAX_GRANTS_PER_ASSET = 1000;

/** Asset types a universe may be granted `Use` of (the spec's `AssetPermissionAction` description). */
export const universeUseTypes: ReadonlySet<string> = new Set([
  "Animation",
  "Audio",
  "Decal",
  "Image",
  "Mesh",
  "MeshPart",
  "Model",
  "Video",
]);

export function grantPolicy(
  universes: Array<string | number | UniverseOption> = [],
  maxGrantsPerAsset = DEFAULT_MAX_GRANTS_PER_ASSET,
): GrantPolicy {
  const map = new Map<string, ReadonlySet<CreatorRef> | undefined>();
  universes.forEach((option, index) => {
    const { id, grantableBy } =
      typeof option === "object" ? option : { id: String(option), grantableBy: undefined };
    if (!/^[0-9]+$/.test(String(id))) {
      throw new Error(`universes[${index}] must be a universe id (digits), got '${String(id)}'.`);
    }
    const creators = grantableBy?.map((ref, at) =>
      parseCreatorRef(ref, `universes[${index}].grantableBy[${at}]`),
    );
    map.set(String(id).replace(/^0+(?=\d)/, ""), creators ? new Set(creators) : undefined);
  });
  if (!Number.isInteger(maxGrantsPerAsset) || maxGrantsPerAsset < 1) {
    throw new Error("maxGrantsPerAsset must be a positive integer.");
  }
  return { universes: map, maxGrantsPerAsset };
}
