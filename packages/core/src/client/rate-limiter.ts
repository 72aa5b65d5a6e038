// Client-side rate limiting per operation, so that a busy caller stays under the service's limits instead of
// collecting 429s. Budgets start from the spec; the server's x-ratelimit-* headers take over once seen.
import { abortReason } from "./abort.js";
import { parseResetSeconds, serverWaitMs } from "./backoff.js";

export interface RateLimitBudget {
  max: number;
  windowSeconds: number;
}

/** Held while one request is in flight; `release` with the response (or none on a network error). */
export interface RateLimitPermit {
  release(response?: Response): void;
}

interface Waiter {
  resolve: (permit: RateLimitPermit) => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

interface Bucket {
  readonly operationId: string;
  limit: number;
  windowMs: number;
  /** Requests left in the current window, as last known (server's count, or ours without headers). */
  remaining: number;
  /** When the current window ends (epoch ms); 0 before the first request. */
  resetAt: number;
  /** Sent but not answered yet: they count against `remaining` until their response tells us more. */
  inFlight: number;
  /** Whether the server has told us about its window (then its numbers win over the spec's). */
  learned: boolean;
  /** Whether any answer came back yet: until then one request probes alone, so a burst cannot overshoot. */
  answered: boolean;
  waiters: Waiter[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

const MIN_429_WAIT_MS = 250;

function hasRoom(bucket: Bucket): boolean {
  return bucket.remaining - bucket.inFlight > 0 && (bucket.answered || bucket.inFlight === 0);
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #budgetFor: (operationId: string) => RateLimitBudget | undefined;
  readonly #onWait: ((operationId: string, waitMs: number) => void) | undefined;
  readonly #now: () => number;

  constructor(options: {
    budgetFor: (operationId: string) => RateLimitBudget | undefined;
    onWait?: (operationId: string, waitMs: number) => void;
    now?: () => number;
  }) {
    this.#budgetFor = options.budgetFor;
    this.#onWait = options.onWait;
    this.#now = options.now ?? Date.now;
  }

  /** Waits (without polling: one timer to the window's reset) until a request may be sent. */
  acquire(operationId: string, signal?: AbortSignal): Promise<RateLimitPermit> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const bucket = this.#bucket(operationId);
    this.#refresh(bucket);
    if (bucket.waiters.length === 0 && hasRoom(bucket)) {
      return Promise.resolve(this.#grant(bucket));
    }
    return new Promise<RateLimitPermit>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = bucket.waiters.indexOf(waiter);
          if (index >= 0) bucket.waiters.splice(index, 1);
          reject(abortReason(signal as AbortSignal));
          this.#drain(bucket);
        },
      };
      signal?.addEventListener("abort", waiter.onAbort, { once: true });
      bucket.waiters.push(waiter);
      this.#onWait?.(operationId, Math.max(0, bucket.resetAt - this.#now()));
      this.#drain(bucket);
    });
  }

  #bucket(operationId: string): Bucket {
    let bucket = this.#buckets.get(operationId);
    if (!bucket) {
      const budget = this.#budgetFor(operationId);
      const limit = budget?.max ?? Number.POSITIVE_INFINITY;
      bucket = {
        operationId,
        limit,
        windowMs: (budget?.windowSeconds ?? 60) * 1000,
        remaining: limit,
        resetAt: 0,
        inFlight: 0,
        learned: false,
        answered: false,
        waiters: [],
        timer: undefined,
      };
      this.#buckets.set(operationId, bucket);
    }
    return bucket;
  }

  /** Starts a fresh window once the known one has ended. */
  #refresh(bucket: Bucket): void {
    const now = this.#now();
    if (now >= bucket.resetAt) {
      bucket.remaining = bucket.limit;
      bucket.resetAt = now + bucket.windowMs;
    }
  }

  #grant(bucket: Bucket): RateLimitPermit {
    bucket.inFlight++;
    let released = false;
    return {
      release: (response) => {
        if (released) return;
        released = true;
        bucket.inFlight--;
        bucket.answered = true;
        this.#observe(bucket, response);
        this.#drain(bucket);
      },
    };
  }

  /** Adopts what a response says about the window: the server's headers win over our own count. */
  #observe(bucket: Bucket, response: Response | undefined): void {
    const now = this.#now();
    const headers = response?.headers;
    const limit = Number(headers?.get("x-ratelimit-limit") ?? Number.NaN);
    const remaining = Number(headers?.get("x-ratelimit-remaining") ?? Number.NaN);
    const resetMs = parseResetSeconds(headers?.get("x-ratelimit-reset"));
    if (Number.isFinite(limit) && limit > 0) bucket.limit = limit;
    if (Number.isFinite(remaining) && resetMs !== undefined) {
      const resetAt = now + resetMs;
      // reset <= window always, so the largest reset seen converges on the server's window length.
      if (resetMs > 0) bucket.windowMs = bucket.learned ? Math.max(bucket.windowMs, resetMs) : resetMs;
      const half = bucket.windowMs / 2;
      if (!bucket.learned || resetAt >= bucket.resetAt + half) {
        bucket.remaining = remaining;
        bucket.resetAt = resetAt;
      } else if (resetAt > bucket.resetAt - half) {
        // Same window, answers may arrive out of order: keep the most conservative view.
        bucket.remaining = Math.min(bucket.remaining, remaining);
        bucket.resetAt = Math.max(bucket.resetAt, resetAt);
      } // else: a late answer from an older window; ignore it.
      bucket.learned = true;
    } else if (response?.status !== 429) {
      bucket.remaining = Math.max(0, bucket.remaining - 1);
    }
    if (response?.status === 429) {
      bucket.remaining = 0;
      const wait = (headers && serverWaitMs(headers, now)) ?? Math.max(MIN_429_WAIT_MS, bucket.resetAt - now);
      bucket.resetAt = Math.max(bucket.resetAt, now + wait);
    }
  }

  /** Lets waiters go while the window has room; otherwise one timer to the reset. */
  #drain(bucket: Bucket): void {
    if (bucket.timer !== undefined) {
      clearTimeout(bucket.timer);
      bucket.timer = undefined;
    }
    if (bucket.waiters.length === 0) return;
    this.#refresh(bucket);
    while (bucket.waiters.length > 0 && hasRoom(bucket)) {
      const waiter = bucket.waiters.shift() as Waiter;
      waiter.signal?.removeEventListener("abort", waiter.onAbort);
      waiter.resolve(this.#grant(bucket));
    }
    if (bucket.waiters.length > 0) {
      bucket.timer = setTimeout(
        () => {
          bucket.timer = undefined;
          this.#drain(bucket);
        },
        Math.max(1, bucket.resetAt - this.#now()),
      );
    }
  }
}
