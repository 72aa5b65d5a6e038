// @rbxassets/core: the typed Open Cloud Assets client. Runs wherever fetch does (no node: imports here).

export { contentTypes, limits, type MaskField } from "@rbxassets/spec";
export { isAbortError } from "./client/abort.js";
export {
  type AssetsClient,
  type CallOptions,
  createAssetsClient,
} from "./client/client.js";
export type { AssetsClientOptions } from "./client/config.js";
export { codePointLength, defaultDisplayName, truncateCodePoints } from "./client/display-name.js";
export {
  AssetsApiError,
  AssetsClientError,
  AssetsNetworkError,
  MAX_SERVER_WAIT_MS,
  RateLimitWaitTooLongError,
  REQUEST_TIMEOUT,
} from "./client/errors.js";
export { failureLine } from "./client/failure-line.js";
export type { FileInput } from "./client/files.js";
export type {
  AssetPermissionAction,
  GrantErrorCode,
  GrantInput,
  GrantResult,
} from "./client/grants.js";
export { assetIdOrThrow, parseAssetId, parseVersionNumber } from "./client/ids.js";
export { parsePreview, parseSocialLinks, socialLinkFieldOf, socialLinkUri } from "./client/metadata-input.js";
export { descriptionProblem, displayNameProblem, type MetadataProblem } from "./client/metadata-limits.js";
export {
  assetIdOf,
  assetUri,
  contentTypeFor,
  normalizeModerationState,
  operationIdOf,
  versionNumberOf,
} from "./client/normalize.js";
export {
  type AssetQuota,
  type QuotaAssetTypeName,
  quotaAssetTypeName,
  uploadQuotaFilter,
} from "./client/quotas.js";
export { type RefusalWordsFacts, refusalProblem } from "./client/refusal-words.js";
export { DEFAULT_TIMEOUT_MS } from "./client/request-timeout.js";
export type { ClientEvent, RetryOptions } from "./client/retry.js";
export { InvalidCredentialError, SETTING_ENV } from "./client/settings.js";
export { showFile } from "./client/show-file.js";
export type {
  Asset,
  AssetCreateRequest,
  AssetPrivacy,
  AssetState,
  AssetType,
  AssetUpdateRequest,
  AssetVersion,
  Creator,
  CreatorInput,
  ListAssetVersionsResponse,
  ModerationState,
  Operation,
  OperationStatus,
  Preview,
  RequestAssetType,
  SocialLink,
} from "./client/types.js";
export type { WaitOptions, WaitResult } from "./client/wait.js";
export {
  assetStates,
  assetTypesForExtension,
  contentTypesOf,
  defaultHost,
  defaultServerUrl,
  extensionsFor,
  type ImageAssetType,
  imageAssetTypes,
  isUploadableAssetType,
  moderationStates,
  type SocialLinkField,
  socialLinkFields,
  socialLinkKinds,
  type UploadableAssetType,
  uploadableAssetTypes,
  uploadableExtensions,
} from "./spec-facts.js";
