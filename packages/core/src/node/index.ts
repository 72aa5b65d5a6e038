// @rbxassets/core/node: the upload pipeline (files, hashing, lockfile, sync) on top of the client, the
// project file's loader and resolver, and module rendering for custom tooling. Semver-stable; helpers our
// own shells share live in `@rbxassets/core/internal` (src/internal.ts), which is not.

export { failureLine } from "../client/failure-line.js";
export { showFile } from "../client/show-file.js";
export type { ImageAssetType } from "../spec-facts.js";
export {
  ACCOUNT_REFUSED,
  type AccountRefusal,
  type AccountRefusalReason,
  AccountRefusedError,
  accountRefusalOf,
  classifyAccountRefusal,
} from "./account-refusal.js";
export { createNodeAssetsClient, type NodeAssetsClient, type NodeFileInput } from "./client.js";
export {
  checkInputModules,
  type ModuleFile,
  type ModuleOutput,
  type RenderedModules,
  renderInputModules,
  type StaleModule,
  writeInputModules,
} from "./codegen/modules.js";
export type { CodegenValue, SpriteValue } from "./codegen/tree.js";
export { type AssetLike, moduleValue } from "./codegen/values.js";
export {
  type CreatorRef,
  parseCreator,
  type ResolveConfigOptions,
  ResolvedConfig,
  resolveConfig,
} from "./config.js";
export { type DetectedFile, detectFile } from "./detect.js";
export { isPipelineError, PipelineError } from "./errors.js";
export type { FileFailure } from "./failure.js";
export { type AssetKind, type ExtensionInfo, extensionInfo, supportedExtensions } from "./formats.js";
export { hashFile } from "./hash.js";
export { type LocalFileProblem, localFileProblem } from "./local-error.js";
export {
  LOCKFILE_NAME,
  type LockData,
  type LockEntry,
  Lockfile,
  type LockfileOptions,
  parseLockfile,
  serializeLockfile,
} from "./lockfile.js";
export {
  hasConflictMarkers,
  type LockfileMergeConflict,
  type LockfileMergeResult,
  mergeLockfiles,
  resolveConflictMarkers,
} from "./lockfile-merge.js";
export type { AtlasEntry, SpriteEntry } from "./lockfile-sheets.js";
export { MERGE_DRIVER_NAME } from "./merge-attributes.js";
export * from "./migrate/index.js";
export { nodeFetch } from "./node-fetch.js";
export { toProjectPath } from "./paths.js";
export { createPipeline } from "./pipeline.js";
export type {
  GrantOptions,
  LocalContent,
  LocalOptions,
  LockedAsset,
  LookupOptions,
  Pipeline,
  PipelineOptions,
  ResolveOptions,
  SyncOptions,
} from "./pipeline-options.js";
export { alphaBleed } from "./process/alpha-bleed.js";
export type { SvgOptions } from "./process/codec.js";
export { REPACK_WASTE_THRESHOLD } from "./process/layout.js";
// Its spritesheet part is `ProcessOptions["spritesheet"]` (the project file schema names its own type).
export { DEFAULT_ATLAS_SIZE, DEFAULT_PADDING, type ProcessOptions } from "./process/options.js";
export type { RgbaImage } from "./process/rgba.js";
export { existingAssetId } from "./project/existing.js";
export type { InputFile, ProjectInput } from "./project/inputs.js";
export {
  findProjectFile,
  type LoadProjectOptions,
  loadProject,
  PROJECT_FILE_NAMES,
  type Project,
  ProjectFileError,
} from "./project/loader.js";
export { resolveProjectConfig } from "./project/precedence.js";
export {
  configFor,
  type FolderProposal,
  type InitAnswers,
  type InitProposal,
  type OutputProposal,
  ProjectFileExistsError,
  type ProjectFileFormat,
  projectFileFormat,
  proposeProject,
  renderProjectFile,
  writeProjectFile,
} from "./project/propose.js";
export {
  type InputFlags,
  type InputPipelineOptions,
  type InputResolveOptions,
  type InputSyncOptions,
  type ResolvedInputOptions,
  resolveInputOptions,
} from "./project/resolve-input.js";
export {
  type AssetPrivacySetting,
  type CodegenStyle,
  defineConfig,
  type GrantConfig,
  type InputConfig,
  type OutputConfig,
  type ProcessingOptions,
  type ProjectConfig,
  type SpritesheetOptions,
} from "./project/schema.js";
export {
  findStudioContent,
  STUDIO_CONTENT_ENV,
  type StudioLookup,
  studioProjectName,
} from "./project/studio.js";
export { type StudioReport, syncStudio } from "./project/studio-sync.js";
export {
  type ProjectSyncOptions,
  type ProjectSyncReport,
  syncProjectInputs,
} from "./project/sync-project.js";
export {
  type WatchBatch,
  type WatchChange,
  type WatchChangeKind,
  type WatchOptions,
  watchProject,
} from "./project/watch.js";
export { AMBIGUOUS } from "./stages/error-map.js";
export { GRANT_BATCH_SIZE, grantCodeText, recordGrant } from "./stages/grant.js";
export type { PreparedFile } from "./stages/prepare.js";
export type { ProcessStage, UploadContent } from "./stages/process.js";
export type {
  AssetType,
  GrantedAsset,
  GrantRefusal,
  GrantReport,
  ModerationStatus,
  PipelineEvent,
  QuotaFacts,
  RequestAssetType,
  ResolvedAsset,
  SyncRefusal,
  SyncReport,
} from "./types.js";
