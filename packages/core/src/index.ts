// @rbxassets/core: the typed Open Cloud Assets client. Runs wherever fetch does (no node: imports here).

export { contentTypes, limits, type MaskField, maskFields } from "@rbxassets/spec";
export {
  type AssetsClient,
  type CallOptions,
  createAssetsClient,
} from "./client/client.js";
export type { AssetsClientOptions } from "./client/config.js";
export { AssetsApiError, AssetsClientError, AssetsNetworkError } from "./client/errors.js";
export type { FileInput } from "./client/files.js";
export {
  assetIdOf,
  assetUri,
  contentTypeFor,
  normalizeAssetType,
  normalizeModerationState,
  operationIdOf,
  versionNumberOf,
} from "./client/normalize.js";
export type { ClientEvent, RetryOptions } from "./client/retry.js";
export type {
  Asset,
  AssetCreateRequest,
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
