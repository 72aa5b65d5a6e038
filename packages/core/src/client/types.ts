// Aliases of the generated spec types: never hand-write a request or response shape.
import type { components } from "@rbxassets/spec";

type Schemas = components["schemas"];

export type Asset = Schemas["Asset"];
export type AssetVersion = Schemas["AssetVersion"];
export type Operation = Schemas["Operation"];
export type OperationStatus = Schemas["Status"];
export type ListAssetVersionsResponse = Schemas["ListAssetVersionsResponse"];
export type AssetCreateRequest = Schemas["AssetCreateRequest"];
export type AssetUpdateRequest = Schemas["AssetUpdateRequest"];
export type CreateAssetForm = Schemas["CreateAssetForm"];
export type UpdateAssetForm = Schemas["UpdateAssetForm"];
export type RollbackAssetVersionRequest = Schemas["RollbackAssetVersionRequest"];
/** Asset type as responses spell it (PascalCase or the 2023 `ASSET_TYPE_*` form). */
export type AssetType = Schemas["AssetType"];
/** Asset type as requests spell it (PascalCase). */
export type RequestAssetType = Schemas["RequestAssetType"];
export type ModerationState = Schemas["ModerationState"];
export type AssetState = Schemas["State"];
export type Creator = Schemas["Creator"];
export type CreatorInput = Schemas["CreatorInput"];
export type SocialLink = Schemas["SocialLink"];
export type Preview = Schemas["Preview"];
export type ApiErrorBody = Schemas["Error"];
/** `creationContext.assetPrivacy`: `default`, `restricted` or `openUse` (irreversible). */
export type AssetPrivacy = Schemas["AssetPrivacy"];
