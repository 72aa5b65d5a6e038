// @rbxassets/core/node: the upload pipeline (files, hashing, lockfile, sync) on top of the client.

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
  type ModuleFile,
  type RenderedModules,
  renderInputModules,
  writeInputModules,
} from "./codegen/modules.js";
export type { CodegenValue, SpriteValue } from "./codegen/tree.js";
export {
  type CodegenEntry,
  luauValue as renderLuauValue,
  renderLuauModule,
  renderTypeScriptModule,
  typeScriptValue as renderTypeScriptValue,
} from "./codegen.js";
export {
  type CreatorRef,
  parseCreator,
  type ResolveConfigOptions,
  ResolvedConfig,
  resolveConfig,
} from "./config.js";
export { type DetectedFile, detectFile } from "./detect.js";
export {
  describeError,
  isAbortError,
  isPipelineError,
  oneLine,
  PipelineError,
} from "./errors.js";
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
  mergeNotice,
  resolveConflictMarkers,
} from "./lockfile-merge.js";
export type { AtlasEntry, SpriteEntry } from "./lockfile-sheets.js";
export { ensureMergeAttributes, MERGE_DRIVER_NAME } from "./merge-attributes.js";
export { nodeFetch } from "./node-fetch.js";
export { isInsideRoot, toProjectPath } from "./paths.js";
export {
  createPipeline,
  type LockedAsset,
  type Pipeline,
  type PipelineOptions,
  type ResolveOptions,
  type SyncOptions,
} from "./pipeline.js";
export { alphaBleed } from "./process/alpha-bleed.js";
export type { SvgOptions } from "./process/codec.js";
export { REPACK_WASTE_THRESHOLD } from "./process/layout.js";
// Its spritesheet part is `ProcessOptions["spritesheet"]` (the project file schema names its own type).
export { DEFAULT_ATLAS_SIZE, DEFAULT_PADDING, type ProcessOptions } from "./process/options.js";
export type { RgbaImage } from "./process/rgba.js";
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
  proposeProject,
  renderProjectFile,
  writeProjectFile,
} from "./project/propose.js";
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
  type StudioReport,
  studioProjectName,
  syncStudio,
} from "./project/studio.js";
export {
  moduleValue,
  type ProjectSyncOptions,
  type ProjectSyncReport,
  syncProjectInputs,
  writeModulesFor,
} from "./project/sync-project.js";
export {
  type WatchBatch,
  type WatchChange,
  type WatchChangeKind,
  type WatchOptions,
  watchProject,
} from "./project/watch.js";
export { type ScanResult, scanPaths } from "./scan.js";
export { AMBIGUOUS } from "./stages/error-map.js";
export { GRANT_BATCH_SIZE, grantCodeText, recordGrant } from "./stages/grant.js";
export type { PreparedFile } from "./stages/prepare.js";
export { type ProcessStage, sendAsIs, type UploadContent } from "./stages/process.js";
export { sanitizeForTerminal } from "./terminal-text.js";
export type {
  AssetType,
  GrantedAsset,
  GrantRefusal,
  ModerationStatus,
  PipelineEvent,
  QuotaFacts,
  ResolvedAsset,
  SyncRefusal,
  SyncReport,
} from "./types.js";
export { type ValidateMeta, type ValidateOptions, validateFile } from "./validate.js";
