// Grant experiences (universes) `Use` of assets through the asset-permissions API. Ids go out as digit
// strings and come back normalised to digit strings (the service documents integers).
import type { AssetPermissionsComponents } from "@rbxassets/spec";
import { AssetsClientError } from "./errors.js";
import { digitsId } from "./ids.js";

type Schemas = AssetPermissionsComponents["schemas"];
export type GrantErrorCode = Schemas["GrantErrorCode"];
export type AssetPermissionAction = Schemas["AssetPermissionAction"];
export type BatchGrantPermissionsRequest = Schemas["BatchGrantPermissionsRequest"];

export interface GrantInput {
  /** The experience's universe id (not a place id). */
  universeId: string | number;
  assetIds: ReadonlyArray<string | number>;
  /** Default `Use`, the one action valid for every asset type a universe may be granted. */
  action?: AssetPermissionAction;
}

/** What the service answered: the granted ids, and each refused asset with its code. */
export interface GrantResult {
  successAssetIds: string[];
  errors: Array<{ assetId: string; code: GrantErrorCode }>;
}

/** The request body, after checking every id (before any request). */
export function grantRequestBody(input: GrantInput): BatchGrantPermissionsRequest {
  const subjectId = digitsId("universeId", input?.universeId);
  if (!Array.isArray(input.assetIds) || input.assetIds.length === 0) {
    throw new AssetsClientError("grantAssetPermissions needs at least one asset id");
  }
  const requests = input.assetIds.map((id) => ({ assetId: digitsId("assetId", id) }));
  return { subjectType: "Universe", subjectId, action: input.action ?? "Use", requests };
}
