// Polling an Operation until it is done (smithy-style waiter): backoff with jitter, a total time cap, abort,
// and a result that says which of succeeded / failed / timed out / aborted happened.
import { isAbortError, sleep } from "./abort.js";
import { flooredJitterDelay } from "./backoff.js";
import { AssetsApiError, AssetsClientError, INVALID_RESPONSE, RateLimitWaitTooLongError } from "./errors.js";
import type { Asset, Operation } from "./types.js";

export interface WaitOptions {
  signal?: AbortSignal;
  /** Total time to wait, default 120 000 ms. */
  timeoutMs?: number;
  /** First delay between polls, default 500 ms; doubles (with jitter) up to `maxDelayMs`. */
  initialDelayMs?: number;
  /** Longest delay between polls, default 5 000 ms. */
  maxDelayMs?: number;
}

export type WaitResult =
  | { status: "succeeded"; operation: Operation; asset: Asset; polls: number }
  | {
      status: "failed";
      operation: Operation;
      error: { code: string | number; message: string };
      polls: number;
    }
  | { status: "timedOut"; operation: Operation | undefined; polls: number; elapsedMs: number }
  | { status: "aborted"; operation: Operation | undefined; polls: number };

/**
 * Whether a GetOperation failure is worth polling through: rate limited, a server hiccup, a network error,
 * or an unusable answer (INVALID_RESPONSE: polling is a read, and the operation may be fine); the total
 * time cap still bounds it.
 */
function isTransient(error: unknown): boolean {
  // A wait of hours is no hiccup: it ends the wait, naming when to try again.
  if (error instanceof RateLimitWaitTooLongError) return false;
  if (error instanceof AssetsApiError) {
    return error.status === 429 || error.status >= 500 || error.code === INVALID_RESPONSE;
  }
  return !(error instanceof AssetsClientError);
}

/** The outcome of a finished operation. */
export function settle(operation: Operation, polls: number): WaitResult {
  if (operation.error) {
    const { code, message } = operation.error;
    return {
      status: "failed",
      operation,
      error: { code: code ?? "UNKNOWN", message: message ?? "The operation failed" },
      polls,
    };
  }
  if (operation.response) return { status: "succeeded", operation, asset: operation.response, polls };
  return {
    status: "failed",
    operation,
    error: { code: "UNKNOWN", message: "The operation finished without a response or an error" },
    polls,
  };
}

export async function waitForOperation(
  poll: (signal: AbortSignal) => Promise<Operation>,
  start: Operation | undefined,
  options: WaitOptions = {},
): Promise<WaitResult> {
  const { signal, timeoutMs = 120_000, initialDelayMs = 500, maxDelayMs = 5_000 } = options;
  // A missing `done` means false (older responses omitted it).
  if (start?.done === true) return settle(start, 0);
  const started = Date.now();
  const deadline = started + Math.max(0, timeoutMs);
  const timeout = new AbortController();
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(
        () => timeout.abort(new DOMException("Timed out", "TimeoutError")),
        Math.min(Math.max(0, timeoutMs), 2 ** 31 - 1),
      )
    : undefined;
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  let operation = start;
  let polls = 0;
  const stopped = (): WaitResult => {
    if (signal?.aborted) return { status: "aborted", operation, polls };
    return { status: "timedOut", operation, polls, elapsedMs: Date.now() - started };
  };
  try {
    // Known-pending operations were just created: give them a moment before the first poll.
    let serverWait = 0;
    let wait = start ? flooredJitterDelay(1, initialDelayMs, maxDelayMs) : 0;
    for (let n = 1; ; n++) {
      if (combined.aborted) return stopped();
      if (wait > 0) {
        try {
          await sleep(Math.min(wait, Math.max(0, deadline - Date.now())), combined);
        } catch {
          return stopped();
        }
      }
      try {
        polls++;
        operation = await poll(combined);
        if (operation.done === true) return settle(operation, polls);
      } catch (error) {
        if (combined.aborted || isAbortError(error, combined)) return stopped();
        if (!isTransient(error)) throw error;
        serverWait = error instanceof AssetsApiError ? (error.retryAfterMs ?? 0) : 0;
      }
      if (Date.now() >= deadline) return stopped();
      wait = Math.max(serverWait, flooredJitterDelay(n + (start ? 1 : 0), initialDelayMs, maxDelayMs));
      serverWait = 0;
    }
  } finally {
    clearTimeout(timer);
  }
}
