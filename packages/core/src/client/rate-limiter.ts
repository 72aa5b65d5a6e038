// Client-side rate limiting per operation, so that a busy caller stays under the service's limits instead of
// collecting 429s. Budgets start from the spec; the server's x-ratelimit-* headers take over once seen.
import { abortReason } from "./abort.js";
import { parseResetSeconds, serverWaitMs } from "./backoff.js";
import { MAX_SERVER_WAIT_MS, RateLimitWaitTooLongError } from "./errors.js";

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
  /**
   * When the current window ends (epoch ms); 0 before the first request. Always an upper bound of the server's
   * reset instant (never earlier), so that a request sent at or after it falls into the next window.
   */
  resetAt: number;
  /** Counts the windows we started; a permit remembers the one it was granted in. */
  generation: number;
  /** Whether `resetAt` of this window comes from a server answer sent in it (else it is our own guess). */
  confirmed: boolean;
  /** Sent but not answered yet: they count against `remaining` until their response tells us more. */
  inFlight: number;
  /** Whether the server has told us about its window (then its numbers win over the spec's). */
  learned: boolean;
  /** Requests granted in this window of ours. */
  windowSent: number;
  /**
   * Whether a request of this window of ours was answered yet. Until then one request probes alone: a burst
   * cannot overshoot a window we only guessed, and the probe's quick answer pins the window's end down
   * (a burst's answers all come back late, and late answers only give late bounds).
   */
  windowAnswered: boolean;
  waiters: Waiter[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

const MIN_429_WAIT_MS = 250;

function hasRoom(bucket: Bucket): boolean {
  return bucket.remaining - bucket.inFlight > 0 && (bucket.windowAnswered || bucket.windowSent === 0);
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
    const tooLong = this.#tooLong(bucket);
    if (tooLong) return Promise.reject(tooLong);
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
        generation: 0,
        confirmed: false,
        inFlight: 0,
        learned: false,
        windowSent: 0,
        windowAnswered: false,
        waiters: [],
        timer: undefined,
      };
      this.#buckets.set(operationId, bucket);
    }
    return bucket;
  }

  /**
   * Starts a fresh window once the known one has ended: the whole budget at once (the server's window is
   * fixed, so spreading it out would only waste it), with our own guess of its end until an answer tells.
   */
  #refresh(bucket: Bucket): void {
    const now = this.#now();
    if (now >= bucket.resetAt) {
      bucket.remaining = bucket.limit;
      bucket.resetAt = now + bucket.windowMs;
      this.#newWindow(bucket, false);
    }
  }

  #newWindow(bucket: Bucket, known: boolean): void {
    bucket.generation++;
    bucket.confirmed = known;
    bucket.windowSent = 0;
    bucket.windowAnswered = known;
  }

  #grant(bucket: Bucket): RateLimitPermit {
    bucket.inFlight++;
    bucket.windowSent++;
    const generation = bucket.generation;
    let released = false;
    return {
      release: (response) => {
        if (released) return;
        released = true;
        bucket.inFlight--;
        if (generation === bucket.generation) bucket.windowAnswered = true;
        this.#observe(bucket, response, generation);
        this.#drain(bucket);
      },
    };
  }

  /**
   * Adopts what a response says about the window: the server's headers win over our own count.
   *
   * The server counted the request at some instant between sending and this answer, and `reset` is
   * measured from there (rounded up), so `now + reset` is an upper bound of the window's end: never early,
   * but late by the time the answer took to come back. Of the answers from one window the earliest bound is
   * therefore the best one, and still safe; taking the latest (the slowest answer's) would start every
   * window late by the slowest round trip of the last burst.
   */
  #observe(bucket: Bucket, response: Response | undefined, generation: number): void {
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
        // The first answer ever, or one from a newer window than ours.
        if (bucket.learned) this.#newWindow(bucket, true);
        bucket.remaining = remaining;
        bucket.resetAt = resetAt;
        bucket.confirmed = true;
      } else if (generation === bucket.generation) {
        // Sent after our previous window had surely ended: the server counted it in this window.
        bucket.remaining = Math.min(bucket.remaining, remaining);
        bucket.resetAt = bucket.confirmed ? Math.min(bucket.resetAt, resetAt) : resetAt;
        bucket.confirmed = true;
      } else if (resetAt > bucket.resetAt - half) {
        // Sent in an earlier window of ours, yet it may have reached the server in this one (sent just
        // before our reset): keep the most conservative view.
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
      // Answers to requests sent before this refusal must not bring the reset back before its wait.
      this.#newWindow(bucket, true);
    }
  }

  /** The error for a spent window whose reset lies too far ahead to wait for, if it does. */
  #tooLong(bucket: Bucket): RateLimitWaitTooLongError | undefined {
    const now = this.#now();
    const waitMs = bucket.resetAt - now;
    if (bucket.remaining > 0 || waitMs <= MAX_SERVER_WAIT_MS) return undefined;
    return new RateLimitWaitTooLongError({ operationId: bucket.operationId, status: 429, waitMs, now });
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
    const tooLong = bucket.waiters.length > 0 ? this.#tooLong(bucket) : undefined;
    if (tooLong) {
      // The server asked for a wait past what is worth sleeping through: every waiter fails with it.
      for (const waiter of bucket.waiters.splice(0)) {
        waiter.signal?.removeEventListener("abort", waiter.onAbort);
        waiter.reject(tooLong);
      }
      return;
    }
    if (bucket.waiters.length > 0) {
      // Told only when the window's budget is spent: a queue behind a probe or behind answers still in
      // flight lasts a round trip, not until the reset, and must not be reported as a rate-limit wait.
      if (bucket.remaining <= 0) {
        this.#onWait?.(bucket.operationId, Math.max(0, bucket.resetAt - this.#now()));
      }
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
