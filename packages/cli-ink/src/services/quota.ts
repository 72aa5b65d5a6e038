// The creator's upload quotas (`rbxassets quota`, the TUI's sync screen). Roblox publishes them for users
// only: a group creator is told so, once.
import { type AssetQuota, quotaAssetTypeName } from "@rbxassets/core";
import type { ServiceContext } from "./context.js";
import { ServiceError } from "./errors.js";

/** The capped types a sync can upload (the usage guide's): what `quota` shows without `--type`. */
export const DEFAULT_QUOTA_TYPES = ["Audio", "Video"] as const;

export interface QuotaRow {
  assetType: string;
  usage: number;
  capacity: number;
  left: number;
  period: string;
  resetTime: string;
}

export const GROUP_QUOTAS_UNPUBLISHED = "Roblox does not publish upload quotas for groups";

export async function readQuotas(
  ctx: ServiceContext,
  types: readonly string[] = DEFAULT_QUOTA_TYPES,
  opts: { signal?: AbortSignal } = {},
): Promise<{ creator: string; quotas: QuotaRow[] }> {
  const creator = ctx.config.creator;
  if (!creator) {
    throw new ServiceError("no creator: set RBXASSETS_CREATOR (or pass --creator) to user:<id>", {
      rule: "creator",
    });
  }
  if (creator.startsWith("group:")) {
    throw new ServiceError(
      `${GROUP_QUOTAS_UNPUBLISHED} (${creator}); user quotas are read with a user's key`,
      { rule: "quotas-unpublished", facts: { creator } },
    );
  }
  const quotas: AssetQuota[] = await ctx
    .client()
    .getAssetQuotas(creator.slice("user:".length), {
      assetTypes: types,
      ...(opts.signal ? { signal: opts.signal } : {}),
    })
    .catch((error: unknown) => {
      // A type the API does not know is the caller's mistake, named before any request.
      if (error instanceof Error && error.name === "AssetsClientError") {
        throw new ServiceError(error.message.replace(/^assetType/, "--type"));
      }
      throw error;
    });
  return {
    creator,
    quotas: quotas.map((quota) => ({
      assetType: quotaAssetTypeName(quota.assetType),
      usage: quota.usage,
      capacity: quota.capacity,
      left: Math.max(0, quota.capacity - quota.usage),
      period: quota.period,
      resetTime: quota.usageResetTime,
    })),
  };
}

/** What the sync screen shows before a sync: the capped files it holds, and their quotas when published. */
export interface QuotaPreview {
  /** Audio and video files found (uploaded or not: the sync decides; this is a heads-up). */
  files: Partial<Record<"Audio" | "Video", number>>;
  quotas: QuotaRow[];
  /** Set for a group creator: Roblox publishes no group quotas. */
  unpublished?: string;
}

/** Reads the audio and video quotas when `folder` holds such files (no request otherwise). */
export async function previewQuotas(ctx: ServiceContext, folder: string): Promise<QuotaPreview> {
  const { extensionInfo } = await import("@rbxassets/core/node");
  const { scanPaths } = await import("@rbxassets/core/internal");
  const { files } = await scanPaths(ctx.root, [folder || "."]);
  const counts: QuotaPreview["files"] = {};
  for (const file of files) {
    const kind = extensionInfo(file.slice(file.lastIndexOf(".") + 1))?.kind;
    const type = kind === "audio" ? "Audio" : kind === "video" ? "Video" : undefined;
    if (type) counts[type] = (counts[type] ?? 0) + 1;
  }
  const types = Object.keys(counts);
  const creator = ctx.config.creator;
  if (types.length === 0 || !creator || !ctx.config.hasCredentials) return { files: counts, quotas: [] };
  if (creator.startsWith("group:"))
    return { files: counts, quotas: [], unpublished: GROUP_QUOTAS_UNPUBLISHED };
  return { files: counts, quotas: (await readQuotas(ctx, types)).quotas };
}
