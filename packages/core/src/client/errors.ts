// Errors the client throws, and the parser that turns any error body into an AssetsApiError.

/** The service answered with an error status (after retries, where retrying was allowed). */
export class AssetsApiError extends Error {
  override name = "AssetsApiError";
  /** HTTP status. */
  status: number;
  /** Error code from whichever body shape arrived (`errors[0].code`, `code` or `error`). */
  code?: string | number;
  /** The API operation that failed, e.g. `Assets_GetAsset`. */
  operationId: string;
  /** The parsed body (JSON when it parsed, else the text; `undefined` when empty). */
  body: unknown;
  /** How long the server asked us to wait (429/503 with `retry-after` or `x-ratelimit-reset`). */
  retryAfterMs?: number;

  constructor(init: {
    message: string;
    status: number;
    code?: string | number;
    operationId: string;
    body: unknown;
    retryAfterMs?: number;
  }) {
    super(init.message);
    this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    this.operationId = init.operationId;
    this.body = init.body;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

/** Bad input or configuration, caught before any request was sent. */
export class AssetsClientError extends Error {
  override name = "AssetsClientError";
}

/** `AssetsApiError.code` when a response arrived but could not be used (not JSON, wrong shape, too large). */
export const INVALID_RESPONSE = "INVALID_RESPONSE";

/**
 * No usable answer arrived: the connection failed, was reset, or ended mid-body (after retries, where
 * retrying was allowed). `cause` is the underlying fetch/undici error.
 */
export class AssetsNetworkError extends Error {
  override name = "AssetsNetworkError";
  /** The API operation that failed, e.g. `Assets_GetAsset`. */
  operationId: string;
  /** The first error code along the cause chain (`ECONNRESET`, `UND_ERR_SOCKET`...), else e.g. `terminated`. */
  causeCode: string;
  /** How many times the request was sent. */
  attempts: number;
  /**
   * Whether the service may have received the whole request and carried it out (the body was sent, then
   * the answer was lost): for a create, the asset may exist. False when the request provably never left.
   */
  mayHaveReached: boolean;

  constructor(init: {
    message: string;
    operationId: string;
    causeCode: string;
    attempts: number;
    mayHaveReached?: boolean;
    cause: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.operationId = init.operationId;
    this.causeCode = init.causeCode;
    this.attempts = init.attempts;
    this.mayHaveReached = init.mayHaveReached ?? false;
  }
}

/** `AssetsNetworkError.causeCode` when no progress (no byte sent or received) was made for the timeout. */
export const REQUEST_TIMEOUT = "timeout";

/** The longest server-asked wait the client sleeps through; beyond it the call fails instead. */
export const MAX_SERVER_WAIT_MS = 10 * 60 * 1000;

/**
 * The service asked for a wait longer than `MAX_SERVER_WAIT_MS` (a `retry-after` or rate-limit reset):
 * sleeping through it would look like a hang, so the call fails, saying how long and until when.
 */
export class RateLimitWaitTooLongError extends AssetsApiError {
  override name = "RateLimitWaitTooLongError";
  /** The wait the service asked for, in whole seconds. */
  readonly waitSeconds: number;
  /** When the service said to try again (ISO 8601, UTC). */
  readonly retryAt: string;

  constructor(init: { operationId: string; status: number; waitMs: number; now?: number; body?: unknown }) {
    const waitSeconds = Math.ceil(init.waitMs / 1000);
    const retryAt = new Date((init.now ?? Date.now()) + init.waitMs).toISOString();
    super({
      message: `${init.operationId}: the service asked to wait ${describeWait(waitSeconds)}, until ${retryAt}`,
      status: init.status,
      code: "RATE_LIMIT_WAIT_TOO_LONG",
      operationId: init.operationId,
      body: init.body,
      retryAfterMs: init.waitMs,
    });
    this.waitSeconds = waitSeconds;
    this.retryAt = retryAt;
  }
}

/** A wait in words a person reads at a glance: `45 s`, `12 min`, `3 h 20 min`, `2 days`. */
export function describeWait(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}

const WRITE_OPERATIONS = new Set(["Assets_CreateAsset", "Assets_UpdateAsset"]);

/**
 * Whether a failed create or update may nonetheless have been carried out: its body was sent and then the
 * answer was a 5xx, an unusable 2xx, or none at all (a reset, a timeout). Such a call is never sent again
 * blindly: a second create would make a second asset.
 */
export function isAmbiguousWrite(error: unknown): boolean {
  if (error instanceof AssetsNetworkError)
    return WRITE_OPERATIONS.has(error.operationId) && error.mayHaveReached;
  if (error instanceof RateLimitWaitTooLongError) return false;
  if (error instanceof AssetsApiError) {
    return (
      WRITE_OPERATIONS.has(error.operationId) && (error.status >= 500 || error.code === INVALID_RESPONSE)
    );
  }
  return false;
}

const MAX_TEXT_MESSAGE = 200;

/** The `{code, message}` found in any of the three error shapes (gateway, service, legacy), if any. */
export function extractErrorDetails(body: unknown): { code?: string | number; message?: string } {
  if (typeof body !== "object" || body === null) return {};
  const record = body as Record<string, unknown>;
  // Gateway: {"errors":[{"code":0,"message":"Invalid API Key"}]}
  if (Array.isArray(record.errors)) {
    const first: unknown = record.errors[0];
    if (typeof first === "object" && first !== null) {
      const entry = first as Record<string, unknown>;
      return { ...codeOf(entry.code), ...messageOf(entry.message) };
    }
  }
  // Service: {"code":"INVALID_ARGUMENT","message":"…"}; legacy: {"error":"…","message":"…"}
  const nested =
    typeof record.error === "object" && record.error !== null ? extractErrorDetails(record.error) : {};
  const code = codeOf(record.code).code ?? codeOf(record.error).code ?? nested.code;
  const message = messageOf(record.message).message ?? nested.message;
  return { ...(code !== undefined ? { code } : {}), ...(message !== undefined ? { message } : {}) };
}

function codeOf(value: unknown): { code?: string | number } {
  return typeof value === "string" || typeof value === "number" ? { code: value } : {};
}

function messageOf(value: unknown): { message?: string } {
  return typeof value === "string" && value.trim() !== "" ? { message: value } : {};
}

/** Parses a raw body (text, JSON text, or an already-parsed value) without throwing. */
export function parseErrorBody(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const text = raw.trim();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Builds the AssetsApiError for an error response. Never throws: any body (JSON, HTML, truncated, empty)
 * yields an error whose message is the service's message when one is present. `secrets` are redacted.
 */
export function toApiError(init: {
  status: number;
  statusText?: string;
  operationId: string;
  body: unknown;
  retryAfterMs?: number;
  secrets?: readonly string[];
}): AssetsApiError {
  const body = parseErrorBody(init.body);
  const { code, message } = typeof body === "string" ? salvageTruncatedJson(body) : extractErrorDetails(body);
  let text = message;
  if (text === undefined && typeof body === "string" && looksLikePlainText(body)) text = body.trim();
  const fallback = `HTTP ${init.status}${init.statusText ? ` ${init.statusText}` : ""} from ${init.operationId}`;
  const oneLine = (text ?? fallback).replace(/\s+/g, " ").trim() || fallback;
  return new AssetsApiError({
    message: redact(oneLine, init.secrets),
    status: init.status,
    ...(code !== undefined ? { code } : {}),
    operationId: init.operationId,
    body: redactDeep(body, init.secrets),
    ...(init.retryAfterMs !== undefined ? { retryAfterMs: init.retryAfterMs } : {}),
  });
}

function looksLikePlainText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= MAX_TEXT_MESSAGE && !/^[[{<]/.test(trimmed) && !trimmed.includes("<");
}

/** A body cut off mid-JSON: pick out `code` and `message` string fields if they made it through whole. */
function salvageTruncatedJson(text: string): { code?: string | number; message?: string } {
  if (!/^\s*[[{]/.test(text)) return {};
  const field = (name: string) => {
    const match = new RegExp(`"${name}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*"|-?\\d+)`).exec(text);
    if (!match?.[1]) return undefined;
    try {
      return JSON.parse(match[1]) as string | number;
    } catch {
      return undefined;
    }
  };
  const code = field("code") ?? field("error");
  const message = field("message");
  return {
    ...(code !== undefined ? { code } : {}),
    ...(typeof message === "string" && message.trim() ? { message } : {}),
  };
}

/** Secrets at least this long are redacted wherever they occur; shorter ones only as a whole token. */
const REDACT_ANYWHERE = 16;

/**
 * Replaces every occurrence of a secret with `[redacted]`. A short secret (a test key such as `key`) is
 * replaced only where it stands alone, so that ordinary words that contain it stay readable.
 */
export function redact(text: string, secrets: readonly string[] | undefined): string {
  let out = text;
  for (const secret of secrets ?? []) {
    if (secret.length === 0) continue;
    if (secret.length >= REDACT_ANYWHERE) {
      out = out.split(secret).join("[redacted]");
      continue;
    }
    const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(?<![A-Za-z0-9_-])${escaped}(?![A-Za-z0-9_-])`, "g"), "[redacted]");
  }
  return out;
}

function redactDeep(value: unknown, secrets: readonly string[] | undefined): unknown {
  if (!secrets?.length) return value;
  if (typeof value === "string") return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, secrets)]));
  }
  return value;
}
