// The one place that turns (project, input or file, the caller's flags) into pipeline options. The CLI's
// sync (with and without a project file), the TUI, watch and both plugins call it, so that a sync and a build
// of the same file ask the pipeline for the same thing, and hit the same lockfile entry.
import type { ImageAssetType } from "../../spec-facts.js";
import { extensionInfo } from "../formats.js";
import type { PipelineOptions, ResolveOptions, SyncOptions } from "../pipeline-options.js";
import type { ProcessOptions } from "../process/options.js";
import type { ProjectInput } from "./inputs.js";
import type { Project } from "./loader.js";

/** What a shell was told beside the project file: command-line flags, or a plugin's options. */
export interface InputFlags {
  /** Lockfile path relative to the root (`--lockfile`); wins over the project file's. */
  lockfile?: string;
  /** Most Robux accepted per video upload (`--expected-price`). */
  expectedPrice?: number;
  /** Image asset type for files no input holds (a plugin's `imageAssetType`); an input's own wins. */
  imageAssetType?: ImageAssetType;
  /** Alpha bleeding for files no input holds (a plugin's `alphaBleed`); an input's own wins. */
  alphaBleed?: boolean;
  /** Pack spritesheets afresh (`sync --repack`). */
  repack?: boolean;
  /** False: upload without reading the audio and video quotas first (`sync --no-quota-check`). */
  quotaCheck?: boolean;
}

/** Options for `createPipeline`: only the keys the resolver decides. */
export type InputPipelineOptions = Pick<
  PipelineOptions,
  "lockfile" | "imageAssetType" | "modelAssetType" | "processing" | "videoExpectedPrice"
>;
/** Options for `pipeline.resolve` and `pipeline.lookup` of one file. */
export type InputResolveOptions = Pick<
  ResolveOptions,
  "assetType" | "processing" | "videoExpectedPrice" | "privacy"
>;
/** Options for `pipeline.sync` of an input's files. */
export type InputSyncOptions = Pick<
  SyncOptions,
  "processing" | "input" | "repack" | "videoExpectedPrice" | "grant" | "privacy" | "quotaCheck"
>;

export interface ResolvedInputOptions {
  /** The input whose options apply; undefined when no input holds the file (flags alone then). */
  input: ProjectInput | undefined;
  pipeline: InputPipelineOptions;
  resolve: InputResolveOptions;
  sync: InputSyncOptions;
  /** The input packs its images into spritesheets: only a sync packs them (a resolve reads its sprites). */
  spritesheet: boolean;
}

/**
 * The pipeline options for an input (by value), or for a file (by project path: the input holding it, if
 * any). The input's settings win over the flags' defaults; `--lockfile` and `--expected-price` apply to all.
 */
export function resolveInputOptions(
  project: Project | undefined,
  target: ProjectInput | string | undefined,
  flags: InputFlags = {},
): ResolvedInputOptions {
  const input = typeof target === "string" ? project?.inputOf(target) : target;
  const lockfile = flags.lockfile ?? project?.lockfile;
  const price = flags.expectedPrice !== undefined ? { videoExpectedPrice: flags.expectedPrice } : {};
  const processing: ProcessOptions = {
    ...(flags.alphaBleed !== undefined && { alphaBleed: flags.alphaBleed }),
    ...input?.processing,
  };
  const imageAssetType = input?.assetType ?? flags.imageAssetType;
  // An input's `assetType: "Model" | "Animation"` decides its model files' type (else their root does).
  const modelAssetType = input?.modelAssetType;
  // A resolve's asset type applies to whatever file it is given: only an image takes the image type, only a
  // file that may be uploaded as the model type takes that.
  const info =
    typeof target === "string" ? extensionInfo(target.slice(target.lastIndexOf(".") + 1)) : undefined;
  const isImage = info?.kind === "image";
  const asModel = modelAssetType !== undefined && info?.assetTypes.includes(modelAssetType) === true;
  return {
    input,
    pipeline: {
      ...(lockfile !== undefined && { lockfile }),
      ...(imageAssetType !== undefined && { imageAssetType }),
      ...(modelAssetType !== undefined && { modelAssetType }),
      processing,
      ...price,
    },
    resolve: {
      ...(isImage && imageAssetType !== undefined && { assetType: imageAssetType }),
      ...(asModel && { assetType: modelAssetType }),
      processing,
      ...price,
      ...(input?.privacy !== undefined && { privacy: input.privacy }),
    },
    sync: {
      processing,
      ...(input !== undefined && { input: input.name }),
      ...(flags.repack === true && { repack: true }),
      ...price,
      ...(input?.grant !== undefined && { grant: input.grant }),
      ...(input?.privacy !== undefined && { privacy: input.privacy }),
      ...(flags.quotaCheck === false && { quotaCheck: false }),
    },
    spritesheet: Boolean(processing.spritesheet),
  };
}
