// Upload quotas (Open Cloud v2 asset-quotas): per creator and asset type, a capacity per period, the
// usage so far and when it resets. Every successful create of a capped type counts; a create past the
// cap is refused (what live answers is undocumented: see the README).

import type { RequestAssetType } from "@rbxassets/spec";
import { type CreatorRef, parseCreatorRef } from "./creator.js";
import { ApiError } from "./errors.js";

export type QuotaPeriod = "MONTH" | "DAY";

export interface QuotaOption {
  /** Whose quota; default the emulator's creator. Roblox publishes quotas for users only. */
  creator?: string;
  assetType: RequestAssetType;
  capacity: number;
  /** Uploads already counted in this period; default 0. */
  usage?: number;
  /** Default "MONTH" for Audio, "DAY" otherwise. */
  period?: QuotaPeriod;
  /** When usage goes back to 0 (ISO 8601); default the start of the next UTC month or day. */
  resetTime?: string;
}

interface Quota {
  assetType: RequestAssetType;
  capacity: number;
  usage: number;
  period: QuotaPeriod;
  resetMs: number;
}

/** The usage guide's figures for ID-verified users: audio 100 a month, video 20 a day. */
export const DEFAULT_QUOTAS: readonly QuotaOption[] = [
  { assetType: "Audio", capacity: 100, period: "MONTH" },
  { assetType: "Video", capacity: 20, period: "DAY" },
];

export class QuotaBook {
  private readonly quotas = new Map<string, Quota>();
  private readonly defaults: boolean;

  /** Without `options`, every user gets DEFAULT_QUOTAS (groups: none, as Roblox publishes none). */
  constructor(
    options: readonly QuotaOption[] | undefined,
    defaultCreator: CreatorRef,
    private readonly now: () => number,
  ) {
    this.defaults = options === undefined;
    for (const [index, option] of (options ?? []).entries()) this.add(option, index, defaultCreator);
  }

  private add(option: QuotaOption, index: number, defaultCreator: CreatorRef): void {
    const creator =
      option.creator === undefined
        ? defaultCreator
        : parseCreatorRef(option.creator, `quotas[${index}].creator`);
    if (!Number.isInteger(option.capacity) || option.capacity < 0) {
      throw new Error(`quotas[${index}].capacity must be a whole number >= 0.`);
    }
    const usage = option.usage ?? 0;
    if (!Number.isInteger(usage) || usage < 0) throw new Error(`quotas[${index}].usage must be >= 0.`);
    const period = option.period ?? (option.assetType === "Audio" ? "MONTH" : "DAY");
    // A period in another spelling ("Month", as the quota list answers it) would reset the next day.
    if (period !== "MONTH" && period !== "DAY") {
      throw new Error(`quotas[${index}].period must be "MONTH" or "DAY", not ${JSON.stringify(period)}.`);
    }
    const resetMs =
      option.resetTime === undefined ? nextPeriodStart(this.now(), period) : Date.parse(option.resetTime);
    if (Number.isNaN(resetMs)) throw new Error(`quotas[${index}].resetTime must be an ISO 8601 time.`);
    this.quotas.set(key(creator, option.assetType), {
      assetType: option.assetType,
      capacity: option.capacity,
      usage,
      period,
      resetMs,
    });
  }

  private lookup(creator: CreatorRef, assetType: string): Quota | undefined {
    if (this.defaults && creator.startsWith("user:") && !this.quotas.has(key(creator, "Audio"))) {
      for (const [index, option] of DEFAULT_QUOTAS.entries()) this.add(option, index, creator);
    }
    return this.quotas.get(key(creator, assetType));
  }

  /** The creator's quotas, usage reset where the period ended. */
  of(creator: CreatorRef): Quota[] {
    this.lookup(creator, "Audio");
    const prefix = `${creator}\u0000`;
    return [...this.quotas.entries()]
      .filter(([name]) => name.startsWith(prefix))
      .map(([, quota]) => this.current(quota));
  }

  /** Refuses a create past the cap (429 RESOURCE_EXHAUSTED, retry-after = until the reset). */
  check(creator: CreatorRef, assetType: RequestAssetType): void {
    const quota = this.lookup(creator, assetType);
    if (!quota) return;
    this.current(quota);
    if (quota.usage < quota.capacity) return;
    const waitSeconds = Math.max(1, Math.ceil((quota.resetMs - this.now()) / 1000));
    throw new ApiError(
      429,
      {
        code: "RESOURCE_EXHAUSTED",
        message:
          `${assetType} upload quota reached: ${quota.usage} of ${quota.capacity} this ` +
          `${quota.period === "MONTH" ? "month" : "day"}; it resets at ${new Date(quota.resetMs).toISOString()}.`,
      },
      { "retry-after": String(waitSeconds) },
    );
  }

  /** Counts a successful create. */
  count(creator: CreatorRef, assetType: RequestAssetType): void {
    const quota = this.lookup(creator, assetType);
    if (quota) this.current(quota).usage += 1;
  }

  private current(quota: Quota): Quota {
    while (this.now() >= quota.resetMs) {
      quota.usage = 0;
      quota.resetMs = nextPeriodStart(quota.resetMs, quota.period);
    }
    return quota;
  }
}

function key(creator: CreatorRef, assetType: string): string {
  return `${creator}\u0000${assetType}`;
}

/** The start of the UTC month or day after `ms`. */
function nextPeriodStart(ms: number, period: QuotaPeriod): number {
  const date = new Date(ms);
  return period === "MONTH"
    ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)
    : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}
