// The one place that decides whether to send again: 429s always (after the server's wait), idempotent
// calls also on 5xx and network errors (including a body cut off mid-read), non-idempotent calls only when
// the request provably never left. A 2xx whose body was unusable (INVALID_RESPONSE: not JSON, truncated,
// wrong shape) is sent again once for an idempotent call (a truncated transfer is worth one more try; a
// second bad answer is the answer), never for a create/update, which the server may have carried out.
// Each attempt calls `attempt()` afresh, so a multipart body is rebuilt from its Blob, never cloned.
import { isAbortError, sleep, throwIfAborted } from "./abort.js";
import { fullJitterDelay, serverWaitMs } from "./backoff.js";
import {
  AssetsApiError,
  AssetsNetworkError,
  INVALID_RESPONSE,
  MAX_SERVER_WAIT_MS,
  RateLimitWaitTooLongError,
  REQUEST_TIMEOUT,
  redact,
  toApiError,
} from "./errors.js";
import type { RateLimiter } from "./rate-limiter.js";
import { describeTimeout, ProgressDeadline } from "./request-timeout.js";

export interface RetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export type ClientEvent =
  | { type: "retry"; operationId: string; attempt: number; delayMs: number; reason: string }
  | { type: "rateLimited"; operationId: string; waitMs: number }
  | { type: "response"; operationId: string; attempt: number; status: number; durationMs: number }
  /** Credentials are about to go over plain http to a host that is not this machine (once per client). */
  | { type: "insecureTransport"; host: string };

/** What openapi-fetch resolves to. */
export interface AttemptResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** What one attempt sends with: the signal to pass on, and the transport that reports progress. */
export interface AttemptIo {
  signal: AbortSignal;
  fetch: (request: Request) => Promise<Response>;
}

export interface SendContext {
  retry: Required<RetryOptions>;
  /** The transport. */
  fetch: (request: Request) => Promise<Response>;
  /** A request with no progress (no byte sent or received) for this long fails. */
  timeoutMs: number;
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

/** Whether an error thrown by fetch (or while reading the body) is a transport failure. */
function isNetworkError(error: unknown): boolean {
  if (errorCodes(error).length > 0) return true;
  return error instanceof TypeError && /^(fetch failed|terminated|network error)/i.test(error.message);
}

/** One line naming the operation and the cause code; the cause is kept as `cause`. */
function toNetworkError(
  operationId: string,
  error: unknown,
  attempts: number,
  resendable: boolean,
  secrets: readonly string[],
  deadline: ProgressDeadline,
): AssetsNetworkError {
  const message = error instanceof Error ? error.message.trim() : "";
  // Only a code, or a short plain word from undici ("terminated"): never a URL or anything sent.
  const causeCode = deadline.timedOut
    ? REQUEST_TIMEOUT
    : (errorCodes(error)[0] ??
      (/^[a-z][a-z ]{0,39}$/i.test(message) ? message.toLowerCase() : "network error"));
  const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
  const what = deadline.timedOut
    ? `no answer from the service: nothing moved for ${describeTimeout(deadline.timeoutMs)} (timeout)`
    : `no usable answer from the service (${causeCode})`;
  // A body cut off part-way cannot have been carried out; one sent whole (or unseen) may have been.
  const mayHaveReached = !neverReachedServer(error) && deadline.body !== "partial";
  const note = resendable ? "" : "; not sent again, since the service may have received it";
  return new AssetsNetworkError({
    message: redact(`${operationId}: ${what} after ${tries}${note}`, secrets),
    operationId,
    causeCode,
    attempts,
    mayHaveReached,
    cause: error,
  });
}

/** The server's wait, or the error that says it is too long to sleep through. */
function checkServerWait(operationId: string, response: Response, waitMs: number | undefined): void {
  if (waitMs !== undefined && waitMs > MAX_SERVER_WAIT_MS) {
    throw new RateLimitWaitTooLongError({ operationId, status: response.status, waitMs });
  }
}

function discardBody(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => {});
}

/**
 * Sends one API call with rate limiting and retries, and resolves to its data or throws an
 * AssetsApiError (status errors, and INVALID_RESPONSE for unusable 2xx bodies), an AssetsNetworkError when
 * no usable answer came, or the abort reason.
 */
export async function send<T>(
  ctx: SendContext,
  call: {
    operationId: string;
    idempotent: boolean;
    signal?: AbortSignal | undefined;
    /** The body's size, where the transport cannot report its progress (a browser's FormData). */
    bodyBytes?: number | undefined;
    /** Aborts the call only before an attempt is sent (see CallOptions.stop). */
    stop?: AbortSignal | undefined;
    /** Awaited once, just before the first attempt is sent (see CallOptions.beforeSend). */
    beforeSend?: (() => Promise<void>) | undefined;
  },
  attempt: (io: AttemptIo) => Promise<AttemptResult<T>>,
): Promise<{ data: T; response: Response }> {
  const { operationId, idempotent, signal, stop } = call;
  let hook = call.beforeSend;
  /** The signal of the waits before a request leaves: the graceful stop cancels those too. */
  const untilSent = stop ? (signal ? AbortSignal.any([signal, stop]) : stop) : signal;
  const { maxAttempts, baseDelayMs, maxDelayMs } = ctx.retry;
  const attempts = Math.max(1, Math.floor(maxAttempts));
  let resentInvalid = false;
  for (let n = 1; ; n++) {
    throwIfAborted(untilSent);
    const permit = ctx.limiter ? await ctx.limiter.acquire(operationId, untilSent) : undefined;
    if (stop?.aborted) {
      permit?.release();
      throwIfAborted(stop);
    }
    if (hook) {
      const once = hook;
      hook = undefined;
      try {
        await once();
      } catch (error) {
        permit?.release();
        throw error;
      }
    }
    const started = Date.now();
    const deadline = new ProgressDeadline(ctx.timeoutMs, signal);
    let result: AttemptResult<T>;
    try {
      result = await attempt({ signal: deadline.signal, fetch: deadline.watch(ctx.fetch, call.bodyBytes) });
      deadline.stop();
    } catch (error) {
      deadline.stop();
      permit?.release();
      if (!deadline.timedOut && isAbortError(error, signal)) throw error;
      if (error instanceof AssetsApiError && error.code === INVALID_RESPONSE) {
        // A 2xx arrived (see response-body.ts) but its body could not be used.
        emit(ctx, {
          type: "response",
          operationId,
          attempt: n,
          status: error.status,
          durationMs: Date.now() - started,
        });
        if (!idempotent || resentInvalid || n >= attempts) throw error;
        resentInvalid = true;
        const delayMs = fullJitterDelay(n, baseDelayMs, maxDelayMs);
        emit(ctx, { type: "retry", operationId, attempt: n, delayMs, reason: INVALID_RESPONSE });
        await sleep(delayMs, signal);
        continue;
      }
      const network = deadline.timedOut || isNetworkError(error);
      const retryable = idempotent || (!deadline.timedOut && neverReachedServer(error));
      if (!retryable || n >= attempts) {
        throw network ? toNetworkError(operationId, error, n, retryable, ctx.secrets(), deadline) : error;
      }
      const delayMs = fullJitterDelay(n, baseDelayMs, maxDelayMs);
      const reason = deadline.timedOut
        ? REQUEST_TIMEOUT
        : (errorCodes(error)[0] ?? (error instanceof Error ? error.message : "network error"));
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
    if (retryable) checkServerWait(operationId, response, waitMs);
    if (!retryable || n >= attempts) throw error;
    const delayMs = waitMs ?? fullJitterDelay(n, baseDelayMs, maxDelayMs);
    emit(ctx, { type: "retry", operationId, attempt: n, delayMs, reason: `HTTP ${response.status}` });
    await sleep(delayMs, signal);
  }
}
