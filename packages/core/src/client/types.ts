// The wire types are the spec's own, by their schemas' names: never hand-write a request or response shape.
export type {
  Asset,
  AssetCreateRequest,
  /** `creationContext.assetPrivacy`: `default`, `restricted` or `openUse` (irreversible). */
  AssetPrivacy,
  /** Asset type as responses spell it (PascalCase or the 2023 `ASSET_TYPE_*` form). */
  AssetType,
  AssetUpdateRequest,
  AssetVersion,
  CreateAssetForm,
  Creator,
  CreatorInput,
  /** `Error`: what a failed request answers. */
  Error as ApiErrorBody,
  ListAssetVersionsResponse,
  ModerationState,
  Operation,
  Preview,
  /** Asset type as requests spell it (PascalCase). */
  RequestAssetType,
  RollbackAssetVersionRequest,
  SocialLink,
  State as AssetState,
  Status as OperationStatus,
  UpdateAssetForm,
} from "@rbxassets/spec";
