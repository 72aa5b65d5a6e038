// Uploading one file as a new asset. A file inside the project goes through the pipeline, like sync: it is
// recorded in the lockfile, and content the lockfile already knows is not sent again. A file outside the
// project cannot be recorded portably, so it is uploaded directly and the result says it is not recorded.
import { resolve } from "node:path";
import {
  type Asset,
  contentTypeFor,
  defaultDisplayName,
  operationIdOf,
  uploadableAssetTypes,
} from "@rbxassets/core";
import { createRequest, isInsideRoot, validateFile } from "@rbxassets/core/internal";
import {
  type RequestAssetType as AssetType,
  detectFile,
  PipelineError,
  type PipelineEvent,
  type ResolvedAsset,
  toProjectPath,
} from "@rbxassets/core/node";
import type { ServiceContext } from "./context.js";
import { AmbiguousAssetTypeError, ServiceError } from "./errors.js";
import { describeOperation, type OperationStatus, settleOperation } from "./operations.js";
import { inputAssetType, projectUploadPipeline, resolveProjectUpload } from "./project-upload.js";

/** The asset types `upload` takes: those the spec lists file formats for. */
export const UPLOAD_ASSET_TYPES: readonly AssetType[] = uploadableAssetTypes;

export interface UploadInput {
  /** Path, relative to the context root or absolute. */
  file: string;
  /** Default: the file's type when it has only one (an `.rbxm` could be a Model or an Animation). */
  assetType?: AssetType;
  /** Default: the file's base name without its extension. */
  displayName?: string;
  description?: string;
  /** Highest fee in Robux accepted; required for Video. */
  expectedPrice?: number;
  /**
   * Wait for the operation to finish (and report the asset id and moderation). A file inside the project is
   * always waited for: the lockfile records the asset id, which only a finished operation names.
   */
  wait?: boolean;
  signal?: AbortSignal;
  /**
   * Graceful stop: a file inside the project whose upload was sent is finished and recorded; an upload
   * outside it (nothing to record) stops at once.
   */
  stop?: AbortSignal;
  /** Told after a graceful stop how many uploads are still finishing (each time that number falls). */
  onStopping?: (finishing: number) => void;
  /** Told when local checks passed and the upload starts, and when waiting for the operation starts. */
  onStage?: (stage: "uploading" | "waiting") => void;
  /** False: upload without reading the audio and video quotas first (`--no-quota-check`). */
  quotaCheck?: boolean;
  /** Told what the quota check read before the upload, or why it read nothing. */
  onQuota?: (event: Extract<PipelineEvent, { type: "quota" }>) => void;
}

export interface UploadResult {
  /** The file, relative to the context root (posix separators), or absolute when outside it. */
  file: string;
  assetType: AssetType;
  /** The Create (or Update) operation; absent when nothing was sent (the lockfile knew the content). */
  operationId?: string;
  done: boolean;
  /** `pending` unless waited for. */
  status: OperationStatus;
  assetId?: string;
  uri?: string;
  /** Moderation state of the new asset: Reviewing, Approved or Rejected. */
  moderation?: string;
  asset?: Asset;
  error?: { code: string | number; message: string };
  /**
   * What happened: a new asset, a new version of the model the lockfile records at this path, or content
   * the lockfile already held at this path (`unchanged`) or another (`reused`), in which case nothing was sent.
   */
  outcome: ResolvedAsset["status"];
  /** Whether the lockfile records the result (a later sync then sends nothing for this file). */
  recorded: boolean;
  /** The lockfile that records it, relative to the root. */
  lockfile?: string;
  /** Why the result is not recorded. */
  notRecorded?: string;
  /** Moderation was still reviewing the asset when the upload finished. */
  warning?: string;
}

/** What a file can be uploaded as: `assetType` when that is certain, and every candidate. */
export async function detectAssetType(
  ctx: ServiceContext,
  file: string,
): Promise<{ path: string; assetType?: AssetType; candidates: AssetType[] }> {
  const detected = await detectFile(resolve(ctx.root, file), { root: ctx.root });
  const candidates = detected.assetTypes.filter((type) => type !== "Decal");
  const only = candidates.length === 1 ? candidates[0] : undefined;
  return { path: detected.path, ...(only ? { assetType: only } : {}), candidates };
}

/**
 * Uploads one file as a new asset. Everything that can be checked locally (type, format, size, name,
 * creator) is checked before the upload is sent, and so is the creator's audio or video quota.
 */
export async function uploadFile(ctx: ServiceContext, input: UploadInput): Promise<UploadResult> {
  if (input.assetType !== undefined && !UPLOAD_ASSET_TYPES.includes(input.assetType)) {
    throw new ServiceError(
      `unknown asset type ${input.assetType}: use one of ${UPLOAD_ASSET_TYPES.join(", ")}`,
    );
  }
  const assetType =
    input.assetType ?? inputAssetType(ctx, input.file) ?? (await certainAssetType(ctx, input.file));
  const absolute = resolve(ctx.root, input.file);
  const flags = input.expectedPrice !== undefined ? { expectedPrice: input.expectedPrice } : {};
  const pipeline = projectUploadPipeline(ctx, flags, {
    onEvent: (event) => {
      if (event.type === "start") input.onStage?.("uploading");
      if (event.type === "stopping") input.onStopping?.(event.finishing);
      if (event.type === "quota") input.onQuota?.(event);
    },
  });
  // As a sync does before its first upload, with core's one quota stage: audio or video the creator's quota
  // has no room for stops (rule `quota`), nothing sent. Content the lockfile holds, or that the local checks
  // refuse, does not count. Once per upload, also when a link out of the project is retried as unrecorded.
  let quota: Promise<void> | undefined;
  const checkQuota = (): Promise<void> => {
    if (input.quotaCheck === false) return Promise.resolve();
    quota ??= pipeline.checkQuotas([absolute], input.signal ? { signal: input.signal } : {});
    return quota;
  };
  const unrecorded = (reason: string) =>
    uploadUnrecorded(ctx, { ...input, assetType, ...unrecordedSignal(input) }, reason, checkQuota);
  if (!isInsideRoot(ctx.root, absolute)) {
    return unrecorded(`the file is outside the project root ${ctx.root}`);
  }
  try {
    await checkQuota();
    return await uploadIntoProject(ctx, { pipeline, flags }, { ...input, assetType });
  } catch (error) {
    // A link out of the project: its content is not the project's, so it is uploaded like an outside file.
    if (error instanceof PipelineError && error.rule === "outside-root") return unrecorded(error.message);
    throw error;
  }
}

/** An upload nothing records stops at the graceful stop too: there is nothing to finish recording. */
function unrecordedSignal(input: UploadInput): { signal?: AbortSignal } {
  const signals = [input.signal, input.stop].filter((s): s is AbortSignal => s !== undefined);
  return signals.length > 0 ? { signal: AbortSignal.any(signals) } : {};
}

async function certainAssetType(ctx: ServiceContext, file: string): Promise<AssetType> {
  const detected = await detectAssetType(ctx, file);
  if (detected.assetType === undefined) throw new AmbiguousAssetTypeError(file, detected.candidates);
  return detected.assetType;
}

/** Through the pipeline: recorded in the lockfile, and not sent again when the lockfile knows the content. */
async function uploadIntoProject(
  ctx: ServiceContext,
  {
    pipeline,
    flags,
  }: { pipeline: ReturnType<typeof projectUploadPipeline>; flags: { expectedPrice?: number } },
  input: UploadInput & { assetType: AssetType },
): Promise<UploadResult> {
  const resolved = await resolveProjectUpload(ctx, pipeline, input, flags);
  // The asset as the service now has it (name, state, creator), for the person who asked; without
  // credentials (a lockfile answer needs none) the lockfile's facts are all there is.
  const asset = ctx.config.hasCredentials
    ? await ctx
        .client()
        .getAsset(resolved.assetId, input.signal ? { signal: input.signal } : {})
        .catch(() => undefined)
    : undefined;
  return {
    file: resolved.file,
    assetType: resolved.assetType,
    done: true,
    status: "succeeded",
    assetId: resolved.assetId,
    uri: resolved.uri,
    moderation: resolved.moderation,
    ...(asset ? { asset } : {}),
    outcome: resolved.status,
    recorded: true,
    lockfile: toProjectPath(ctx.root, pipeline.lockfilePath),
    ...(resolved.warning ? { warning: resolved.warning } : {}),
  };
}

/** Straight to the API, for a file the lockfile cannot record: checked locally, then its quota, then sent. */
async function uploadUnrecorded(
  ctx: ServiceContext,
  input: UploadInput & { assetType: AssetType },
  notRecorded: string,
  checkQuota: () => Promise<void>,
): Promise<UploadResult> {
  const { assetType } = input;
  const path = resolve(ctx.root, input.file);
  const detected = await detectFile(path, { root: ctx.root });
  const displayName = input.displayName ?? defaultDisplayName(path);
  const description = input.description ?? "";
  await validateFile(
    detected,
    {
      displayName,
      description,
      assetType,
      ...(ctx.config.creator !== undefined ? { creator: ctx.config.creator } : {}),
      ...(input.expectedPrice !== undefined ? { expectedPrice: input.expectedPrice } : {}),
    },
    { root: ctx.root },
  );
  await checkQuota();
  const client = ctx.client();
  const creator = ctx.config.creatorRef!;
  input.onStage?.("uploading");
  const operation = await client.createAsset(
    {
      request: createRequest({
        assetType,
        displayName,
        description,
        creator,
        videoExpectedPrice: input.expectedPrice,
      }),
      file: { path, contentType: contentTypeFor(assetType, path) ?? detected.contentType },
    },
    input.signal ? { signal: input.signal } : {},
  );
  if (input.wait && operation.done !== true) input.onStage?.("waiting");
  const finished = input.wait ? await settleOperation(ctx, operation, input.signal) : operation;
  return {
    file: toProjectPath(ctx.root, path),
    assetType,
    operationId: operationIdOf(operation),
    ...describeOperation(finished),
    outcome: "uploaded",
    recorded: false,
    notRecorded,
  };
}
