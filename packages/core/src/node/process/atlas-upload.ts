// An atlas goes up like any image: Create Asset under the journal, the operation waited for, moderation
// checked, then the atlas and its sprites recorded. The pipeline adds the upload slot around it.
import type { AssetsClient } from "../../index.js";
import type { ResolvedConfig } from "../config.js";
import { PipelineError } from "../errors.js";
import type { StopWatch } from "../graceful-stop.js";
import { type JournaledUploadContext, uploadJournaled } from "../journaled-upload.js";
import type { Lockfile } from "../lockfile.js";
import type { AtlasEntry } from "../lockfile-sheets.js";
import type { UploadContent } from "../stages/process.js";
import type { AtlasPlan } from "./spritesheet.js";

export interface AtlasUpload {
  client: AssetsClient;
  config: ResolvedConfig;
  name: string;
  content: UploadContent;
  plan: AtlasPlan;
  signal: AbortSignal | undefined;
  stop: AbortSignal | undefined;
  watch: StopWatch;
}

export async function uploadAtlas(
  ctx: JournaledUploadContext,
  lockfile: Lockfile,
  upload: AtlasUpload,
): Promise<AtlasEntry> {
  const { config, name, plan } = upload;
  if (!config.creator) {
    throw new PipelineError(name, "creator", "no creator is configured", "set RBXASSETS_CREATOR");
  }
  const request = {
    assetType: plan.atlas.assetType,
    // "ui#0" becomes "ui atlas 0": what the creator dashboard shows.
    displayName: name.replace("#", " atlas "),
    description: "",
    creator: config.creatorRef!,
    videoExpectedPrice: undefined,
    target: undefined,
  };
  const intent = {
    kind: "atlas" as const,
    file: name,
    hash: plan.atlas.hash,
    assetType: plan.atlas.assetType,
    creator: config.creator,
    key: `${config.creator}\0atlas\0${plan.atlas.assetType}\0${plan.atlas.hash}`,
    atlas: plan.atlas,
    sprites: plan.sprites,
  };
  const { settled, ticket, finished } = await uploadJournaled(ctx, {
    client: upload.client,
    intent,
    request,
    content: upload.content,
    write: { creator: config.creator },
    signal: upload.signal,
    stop: upload.stop,
    watch: upload.watch,
  });
  const entry: AtlasEntry = {
    ...plan.atlas,
    assetId: settled.asset.assetId,
    ...(settled.moderation === "Reviewing" ? { moderation: "Reviewing" as const } : {}),
  };
  try {
    await lockfile.recordSheets({ atlases: [[name, entry]], sprites: plan.sprites });
    await ticket.end().catch(() => {});
  } finally {
    finished();
  }
  return entry;
}
