// The one place that decides whether to send again: 429s always (after the server's wait), idempotent
// calls also on 5xx and network errors, non-idempotent calls only when the request provably never left.
// Each attempt calls `attempt()` afresh, so a multipart body is rebuilt from its Blob, never cloned.
import { isAbortError, sleep, throwIfAborted } from "./abort.js";
import { fullJitterDelay, serverWaitMs } from "./backoff.js";
import { type AssetsApiError, toApiError } from "./errors.js";
import type { RateLimiter } from "./rate-limiter.js";

export interface RetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export type ClientEvent =
  | { type: "retry"; operationId: string; attempt: number; delayMs: number; reason: string }
  | { type: "rateLimited"; operationId: string; waitMs: number }
  | { type: "response"; operationId: string; attempt: number; status: number; durationMs: number };

/** What openapi-fetch resolves to. */
export interface AttemptResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

export interface SendContext {
  retry: Required<RetryOptions>;
  limiter: RateLimiter | undefined;
  onEvent: ((event: ClientEvent) => void) | undefined;
  secrets: () => readonly string[];
}

export const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Connection errors that happen before a single byte of the request was sent. */
const NOT_REACHED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);
const RETRYABLE_STATUSES = new Set([500, 502, 503, 504]);

/** Error codes found along an error's `cause` chain (fetch wraps undici's error in a TypeError). */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string") codes.push(code);
    // AggregateError (happy eyeballs: one error per address)
    if (Array.isArray(errors)) codes.push(...errors.flatMap((inner) => errorCodes(inner)));
    current = cause;
  }
  return codes;
}

/** Conservative: only when every error code along the chain says the connection was never made. */
export function neverReachedServer(error: unknown): boolean {
  const codes = errorCodes(error);
  return codes.length > 0 && codes.every((code) => NOT_REACHED_CODES.has(code));
}

function emit(ctx: SendContext, event: ClientEvent): void {
  try {
    ctx.onEvent?.(event);
  } catch {
    // A logging callback must never break a request.
  }
}

function discardBody(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => {});
}

/**
 * Sends one API call with rate limiting and retries, and resolves to its data or throws an
 * AssetsApiError (or the network/abort error when no response came).
 */
export async function send<T>(
  ctx: SendContext,
  call: { operationId: string; idempotent: boolean; signal?: AbortSignal | undefined },
  attempt: (signal: AbortSignal | undefined) => Promise<AttemptResult<T>>,
): Promise<{ data: T; response: Response }> {
  const { operationId, idempotent, signal } = call;
  const { maxAttempts, baseDelayMs, maxDelayMs } = ctx.retry;
  const attempts = Math.max(1, Math.floor(maxAttempts));
  for (let n = 1; ; n++) {
    throwIfAborted(signal);
    const permit = ctx.limiter ? await ctx.limiter.acquire(operationId, signal) : undefined;
    const started = Date.now();
    let result: AttemptResult<T>;
    try {
      result = await attempt(signal);
    } catch (error) {
      permit?.release();
      if (isAbortError(error, signal)) throw error;
      const retryable = idempotent || neverReachedServer(error);
      if (!retryable || n >= attempts) throw error;
      const delayMs = fullJitterDelay(n, baseDelayMs, maxDelayMs);
      const reason = errorCodes(error)[0] ?? (error instanceof Error ? error.message : "network error");
      emit(ctx, { type: "retry", operationId, attempt: n, delayMs, reason });
      await sleep(delayMs, signal);
      continue;
    }
    const { response } = result;
    permit?.release(response);
    emit(ctx, {
      type: "response",
      operationId,
      attempt: n,
      status: response.status,
      durationMs: Date.now() - started,
    });
    if (response.ok) return { data: result.data as T, response };

    discardBody(response);
    const waitMs =
      response.status === 429 || response.status === 503 ? serverWaitMs(response.headers) : undefined;
    const error: AssetsApiError = toApiError({
      status: response.status,
      statusText: response.statusText,
      operationId,
      body: result.error,
      ...(waitMs !== undefined ? { retryAfterMs: waitMs } : {}),
      secrets: ctx.secrets(),
    });
    const retryable = response.status === 429 || (idempotent && RETRYABLE_STATUSES.has(response.status));
    if (!retryable || n >= attempts) throw error;
    const delayMs = waitMs ?? fullJitterDelay(n, baseDelayMs, maxDelayMs);
    emit(ctx, { type: "retry", operationId, attempt: n, delayMs, reason: `HTTP ${response.status}` });
    await sleep(delayMs, signal);
  }
}
