export type {
  components as AssetPermissionsComponents,
  paths as AssetPermissionsPaths,
} from "./generated/asset-permissions.js";
export type {
  components as AssetQuotasComponents,
  paths as AssetQuotasPaths,
} from "./generated/asset-quotas.js";
export {
  contentTypes,
  defaultServerUrl,
  enums,
  limits,
  type MaskField,
  maskFields,
  type OperationId,
  operations,
  quotaFilterValues,
  socialLinkFields,
} from "./generated/metadata.js";
/** Each Assets v1 schema by its own name (`Asset`, `Operation`, `RequestAssetType`, …). */
export type * from "./generated/openapi.js";
export type { components, operations as OperationTypes, paths } from "./generated/openapi.js";
