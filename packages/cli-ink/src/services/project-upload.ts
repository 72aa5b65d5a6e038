// One file uploaded into the project through the pipeline, as `upload` and the TUI's batch both do: the
// input holding the file gives its options (processing, asset type, lockfile) through core's one resolver,
// so that a later sync finds the same lockfile entry and sends nothing.
import {
  type RequestAssetType as AssetType,
  type PipelineOptions,
  type ResolvedAsset,
  resolveInputOptions,
  toProjectPath,
} from "@rbxassets/core/node";
import type { ServiceContext } from "./context.js";
import { ServiceError } from "./errors.js";

export interface ProjectUpload {
  /** Path relative to the project root, or absolute inside it. */
  file: string;
  assetType: AssetType;
  displayName?: string;
  description?: string;
  signal?: AbortSignal;
  /** Graceful stop: an upload already sent is finished and recorded. */
  stop?: AbortSignal;
}

/** A pipeline for uploads of project files, with the options the project file and the flags resolve to. */
export function projectUploadPipeline(
  ctx: ServiceContext,
  flags: { expectedPrice?: number },
  options: Partial<PipelineOptions> = {},
) {
  const resolved = resolveInputOptions(ctx.project, undefined, flags);
  return ctx.pipeline({ ...resolved.pipeline, ...options });
}

/** The asset type the input holding `file` gives it (an image input's `assetType`), if any: it wins over detection. */
export function inputAssetType(ctx: ServiceContext, file: string): AssetType | undefined {
  return resolveInputOptions(ctx.project, toProjectPath(ctx.root, file)).resolve.assetType;
}

/**
 * Uploads (or finds in the lockfile) one project file with its input's options. A file an input packs into
 * a spritesheet is refused before any request: only a sync packs it.
 */
export async function resolveProjectUpload(
  ctx: ServiceContext,
  pipeline: ReturnType<ServiceContext["pipeline"]>,
  upload: ProjectUpload,
  flags: { expectedPrice?: number },
): Promise<ResolvedAsset> {
  const shown = toProjectPath(ctx.root, upload.file);
  const resolved = resolveInputOptions(ctx.project, shown, flags);
  if (resolved.spritesheet) {
    const input = resolved.input?.name ?? "";
    throw new ServiceError(
      `${shown} is packed into the spritesheet of input "${input}": run \`rbxassets sync\` to upload it`,
      { rule: "packed-in-spritesheet", facts: { file: shown, input } },
    );
  }
  return pipeline.resolve(upload.file, {
    ...resolved.resolve,
    assetType: upload.assetType,
    ...(upload.displayName !== undefined ? { displayName: upload.displayName } : {}),
    ...(upload.description !== undefined ? { description: upload.description } : {}),
    ...(upload.signal ? { signal: upload.signal } : {}),
    ...(upload.stop ? { stop: upload.stop } : {}),
  });
}
