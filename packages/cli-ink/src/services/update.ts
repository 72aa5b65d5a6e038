// Updating an asset: its metadata, and (Models only) its content, which commits a new version.
import { resolve } from "node:path";
import {
  type Asset,
  type AssetUpdateRequest,
  contentTypeFor,
  extensionsFor,
  operationIdOf,
} from "@rbxassets/core";
import { detectFile } from "@rbxassets/core/node";
import type { ServiceContext } from "./context.js";
import { ServiceError } from "./errors.js";
import { assetIdOrThrow } from "./ids.js";
import { type MetadataInput, parseMetadataInput } from "./metadata.js";
import { describeOperation, type OperationStatus, settleOperation } from "./operations.js";

const MODEL_EXTENSIONS = extensionsFor("Model")
  .map((extension) => `.${extension}`)
  .join(", ");

export interface UpdateInput extends MetadataInput {
  /** New content (Models only): commits a new version. */
  file?: string;
  expectedPrice?: number;
  wait?: boolean;
  signal?: AbortSignal;
}

export interface UpdateResult {
  operationId: string;
  done: boolean;
  status: OperationStatus;
  asset?: Asset;
  error?: { code: string | number; message: string };
}

/** Updates metadata and/or (Models only) content. Only the fields given are sent and named in the mask. */
export async function updateAsset(
  ctx: ServiceContext,
  assetId: string,
  input: UpdateInput,
): Promise<UpdateResult> {
  const id = assetIdOrThrow(assetId);
  const { fields, mask } = parseMetadataInput(input);
  const request: Record<string, unknown> = { assetId: id, ...fields };

  let file: { path: string; contentType: string } | undefined;
  if (input.file !== undefined) {
    const detected = await detectFile(resolve(ctx.root, input.file), { root: ctx.root });
    if (!detected.assetTypes.includes("Model")) {
      throw new ServiceError(
        `${input.file}: only Model content can be updated — pass a model file (${MODEL_EXTENSIONS})`,
      );
    }
    file = {
      path: detected.path,
      contentType: contentTypeFor("Model", detected.path) ?? detected.contentType,
    };
    if (input.expectedPrice !== undefined) request.creationContext = { expectedPrice: input.expectedPrice };
  }
  if (mask.length === 0 && file === undefined) {
    throw new ServiceError(
      "nothing to update: give new content, a name, a description, an icon, previews or links",
    );
  }
  const operation = await ctx
    .client()
    .updateAsset(
      id,
      { request: request as AssetUpdateRequest, updateMask: mask, ...(file ? { file } : {}) },
      input.signal ? { signal: input.signal } : {},
    );
  const finished = input.wait ? await settleOperation(ctx, operation, input.signal) : operation;
  return { operationId: operationIdOf(operation), ...describeOperation(finished) };
}
