// Fixed-window rate limits per operation and caller, windows aligned to the caller's first request.
// Limits and window lengths come from the spec metadata (`x-roblox-rate-limits`), overridable per op;
// `timeScale` shrinks windows so tests can see a reset without waiting a minute.
import { type OperationId, operations } from "@rbxassets/spec";
import type { Principal } from "./auth.js";

export interface RateLimitOption {
  timeScale?: number;
  limits?: Partial<Record<OperationId, number>>;
}

export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Window {
  startMs: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly timeScale: number;

  constructor(
    private readonly option: RateLimitOption,
    private readonly now: () => number = Date.now,
  ) {
    this.timeScale = option.timeScale && option.timeScale > 0 ? option.timeScale : 1;
  }

  /** Counts one request; the headers belong on the response whether or not it is allowed. */
  hit(principal: Pick<Principal, "kind" | "rateLimitKey">, operationId: OperationId): RateLimitDecision {
    const policy = operations[operationId].rateLimit[principal.kind];
    const max = this.option.limits?.[operationId] ?? policy.max;
    const windowMs = (policy.windowSeconds * 1000) / this.timeScale;
    const key = `${principal.rateLimitKey}\u0000${operationId}`;
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now >= window.startMs + windowMs) {
      window = { startMs: now, count: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.count < max;
    if (allowed) window.count += 1;
    const reset = formatSeconds((window.startMs + windowMs - now) / 1000, this.timeScale);
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(max),
      "x-ratelimit-remaining": String(Math.max(0, max - window.count)),
      "x-ratelimit-reset": reset,
    };
    if (!allowed) headers["retry-after"] = reset;
    return { allowed, headers };
  }
}

/**
 * Whole seconds (rounded up) at real speed, as the spec declares; when time is scaled the windows are
 * shorter than a second, so the value keeps two decimals ("0.42") rather than collapsing to 0 or 1.
 */
function formatSeconds(seconds: number, timeScale: number): string {
  const positive = Math.max(0, seconds);
  if (timeScale === 1) return String(Math.ceil(positive));
  return String(Math.ceil(positive * 100) / 100);
}
