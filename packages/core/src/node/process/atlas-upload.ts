// An atlas goes up like any image: Create Asset, the operation waited for, moderation checked. The
// pipeline adds the upload slot and the account-refusal latch around it.
import type { AssetsClient } from "../../index.js";
import type { ResolvedConfig } from "../config.js";
import { PipelineError } from "../errors.js";
import { DEFAULT_OPERATION_TIMEOUT_MS, type PipelineOptions } from "../pipeline-options.js";
import type { UploadContent } from "../stages/process.js";
import { sendUpload } from "../stages/upload.js";
import { type PollPacer, type Settled, settleUpload } from "../stages/wait.js";

/** The pipeline options an atlas upload honours, like any image's. */
export type AtlasUploadOptions = Pick<
  PipelineOptions,
  "imageAssetType" | "operationTimeoutMs" | "waitForModeration"
>;

export async function sendAtlas(
  client: () => AssetsClient,
  config: ResolvedConfig,
  name: string,
  content: UploadContent,
  options: AtlasUploadOptions,
  pacer: PollPacer,
  /** The account gate: no write after an account-level refusal. */
  gate: <T>(write: () => Promise<T>) => Promise<T>,
  signal: AbortSignal | undefined,
): Promise<Settled> {
  if (!config.creator) {
    throw new PipelineError(name, "creator", "no creator is configured", "set RBXASSETS_CREATOR");
  }
  const api = client();
  const request = {
    assetType: options.imageAssetType ?? "Image",
    // "ui#0" becomes "ui atlas 0": what the creator dashboard shows.
    displayName: name.replace("#", " atlas "),
    description: "",
    creator: config.creatorRef!,
    videoExpectedPrice: undefined,
    target: undefined,
  };
  const operation = await gate(() => sendUpload(api, request, content, signal));
  return settleUpload(api, operation, {
    file: name,
    bytes: content.data.size,
    isUpdate: false,
    timeoutMs: options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS,
    waitForModeration: options.waitForModeration === true,
    pacer,
    signal,
  });
}
