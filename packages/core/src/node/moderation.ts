import type { Asset, AssetsClient } from "../index.js";
import { normalizeModerationState } from "../index.js";
import { abortableDelay } from "./delay.js";
import type { ModerationStatus } from "./types.js";

export function moderationOf(asset: Pick<Asset, "moderationResult"> | undefined): ModerationStatus {
  const state = asset?.moderationResult?.moderationState;
  if (!state) return "Unknown";
  const normalized = normalizeModerationState(state);
  switch (normalized) {
    case "Approved":
    case "Rejected":
    case "Reviewing":
      return normalized;
    default:
      return "Unknown";
  }
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;

/**
 * Polls Get Asset with exponential backoff until moderation leaves Reviewing or `timeoutMs` passes (then
 * the last Reviewing asset is returned). The client's limiter paces the requests themselves.
 */
export async function waitForVerdict(
  // biome-ignore lint/suspicious/noExplicitAny: any file input type; only getAsset is used
  client: Pick<AssetsClient<any>, "getAsset">,
  asset: Asset,
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<Asset> {
  const deadline = Date.now() + options.timeoutMs;
  let current = asset;
  for (
    let delay = FIRST_DELAY_MS;
    moderationOf(current) === "Reviewing";
    delay = Math.min(delay * 2, MAX_DELAY_MS)
  ) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    await abortableDelay(Math.min(delay, left), options.signal);
    current = await client.getAsset(asset.assetId, options.signal ? { signal: options.signal } : {});
  }
  return current;
}
