// An atlas goes up like any image, through the same upload-once path as a file: claimed by its content,
// found in the lockfile if another run (or another input) recorded the same atlas, else sent under the
// journal; then the atlas and its sprites are recorded together.

import type { ImageAssetType } from "../../spec-facts.js";
import type { ResolvedConfig } from "../config.js";
import { PipelineError } from "../errors.js";
import { extensionInfo } from "../formats.js";
import { hashBytes } from "../hash.js";
import type { AtlasEntry, SpriteEntry } from "../lockfile-sheets.js";
import type { AtlasLayout } from "../process/layout.js";
import type { ContentUpload } from "./upload-once.js";

/** What an atlas upload records: the atlas entry's fields known before upload, and its sprites. */
export interface AtlasPlan {
  atlas: Omit<AtlasEntry, "assetId" | "moderation">;
  sprites: [string, SpriteEntry][];
}

/** The upload of one atlas's PNG, for `uploadContentOnce`. */
export function atlasUpload(
  config: ResolvedConfig,
  layout: AtlasLayout,
  bytes: Uint8Array,
  assetType: ImageAssetType,
  sprites: [string, SpriteEntry][],
  calls: { signal?: AbortSignal | undefined; stop?: AbortSignal | undefined },
): ContentUpload<AtlasEntry> {
  const { name } = layout;
  const creator = config.creator;
  if (!creator) {
    throw new PipelineError(name, "creator", "no creator is configured", "set RBXASSETS_CREATOR");
  }
  const hash = hashBytes(bytes);
  const plan: AtlasPlan = {
    atlas: { assetType, hash, creator, width: layout.width, height: layout.height },
    sprites,
  };
  const key = `${creator}\0atlas\0${assetType}\0${hash}`;
  const contentType = extensionInfo("png")!.contentTypes[assetType]!;
  return {
    file: name,
    key,
    // The journal keeps the atlas and its sprites while in flight.
    intent: { kind: "atlas", file: name, hash, assetType, creator, key, atlas: plan.atlas, sprites },
    request: {
      assetType,
      // "ui#0" becomes "ui atlas 0": what the creator dashboard shows.
      displayName: name.replace("#", " atlas "),
      description: "",
      creator: config.creatorRef!,
      videoExpectedPrice: undefined,
      target: undefined,
    },
    write: { creator },
    // The same atlas content uploaded before (a re-pack that came out the same, another input) is reused.
    recorded: async (lockfile) => {
      const entry = lockfile
        .atlases()
        .map(([, atlas]) => atlas)
        .find((atlas) => atlas.hash === hash && atlas.assetType === assetType && atlas.creator === creator);
      if (entry) await lockfile.recordSheets({ atlases: [[name, entry]], sprites });
      return entry;
    },
    content: async () => ({
      data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }),
      fileName: `${name.replace(/[^A-Za-z0-9_.-]/g, "_")}.png`,
      contentType,
    }),
    record: async (lockfile, { asset, moderation }) => {
      const entry: AtlasEntry = {
        ...plan.atlas,
        assetId: asset.assetId,
        ...(moderation === "Reviewing" ? { moderation: "Reviewing" as const } : {}),
      };
      await lockfile.recordSheets({ atlases: [[name, entry]], sprites });
      return entry;
    },
    ...calls,
  };
}
