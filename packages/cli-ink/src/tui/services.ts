// The only file of the TUI that imports the services: if their shape changes, this is where to adapt.

export {
  ASSET_FIELDS,
  type Asset,
  type AssetType,
  type AssetVersion,
  archiveAsset,
  detectAssetType,
  getAsset,
  getOperation,
  listVersions,
  type MetadataInput,
  type OperationReport,
  parseMetadataInput,
  restoreAsset,
  rollback,
  SOCIAL_LINK_KINDS,
  type UploadResult,
  updateAsset,
  uploadFile,
  uploadFiles,
} from "../services/assets.js";
export type { ServiceContext } from "../services/context.js";
export { AmbiguousAssetTypeError, MissingCredentialsError, ServiceError } from "../services/errors.js";
export { type GrantOutcome, grantAssets, knownGrants, universeIdOrThrow } from "../services/grant.js";
export { listLockedAssets } from "../services/lockfile.js";
export { previewQuotas, type QuotaPreview, type QuotaRow } from "../services/quota.js";
export { type PipelineEvent, syncPaths } from "../services/sync.js";
