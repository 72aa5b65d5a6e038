// Stage: upload or update. Builds the Create Asset (or, for a model recorded at this path, Update Asset)
// request from the prepared file, its metadata and the processed content, and sends it.
import type { AssetCreateRequest, AssetPrivacy, AssetsClient, CallOptions, Operation } from "../../index.js";
import type { CreatorRef } from "../config.js";
import type { LockEntry } from "../lockfile.js";
import type { AssetType } from "../types.js";
import type { UploadContent } from "./process.js";

export interface UploadRequest {
  assetType: AssetType;
  displayName: string;
  description: string;
  creator: CreatorRef;
  /** Sent for videos only. */
  videoExpectedPrice: number | undefined;
  /** The asset to update in place, if any. */
  target: LockEntry | undefined;
  /** `creationContext.assetPrivacy` of a new asset; none: the creator's default. */
  privacy?: AssetPrivacy | undefined;
}

/** The Create Asset request's JSON part: the price goes with a video only (other types carry no fee). */
export function createRequest(request: Omit<UploadRequest, "target">): AssetCreateRequest {
  const { assetType, displayName, description, creator, videoExpectedPrice, privacy } = request;
  return {
    assetType,
    displayName,
    description,
    creationContext: {
      creator,
      ...(privacy ? { assetPrivacy: privacy } : {}),
      ...(assetType === "Video" && videoExpectedPrice !== undefined
        ? { expectedPrice: videoExpectedPrice }
        : {}),
    },
  };
}

export function sendUpload(
  client: AssetsClient,
  request: UploadRequest,
  content: UploadContent,
  callOpts: CallOptions,
): Promise<Operation> {
  if (request.target) return client.updateAsset(request.target.assetId, { file: content }, callOpts);
  return client.createAsset({ request: createRequest(request), file: content }, callOpts);
}
