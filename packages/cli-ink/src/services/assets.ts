// The asset services in one import, for callers that use several (the TUI's services module). Each
// concern lives in its own module: upload, update, metadata, versions, operations, ids.
export type { Asset, AssetVersion, Operation } from "@rbxassets/core";
export type { RequestAssetType as AssetType } from "@rbxassets/core/node";
export { ASSET_FIELDS, archiveAsset, getAsset, restoreAsset } from "./asset.js";
export { assetIdOrThrow } from "./ids.js";
export { type MetadataInput, parseMetadataInput, SOCIAL_LINK_KINDS } from "./metadata.js";
export { getOperation, type OperationReport, type OperationStatus } from "./operations.js";
export { type UpdateInput, type UpdateResult, updateAsset } from "./update.js";
export {
  detectAssetType,
  UPLOAD_ASSET_TYPES,
  type UploadInput,
  type UploadResult,
  uploadFile,
} from "./upload.js";
export { type BatchUpload, type BatchUploadReport, uploadFiles } from "./upload-batch.js";
export { getVersion, type ListVersionsOptions, listVersions, rollback } from "./versions.js";
