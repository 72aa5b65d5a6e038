// Backoff delays and parsing of the server's wait hints.

/** Full jitter: a random delay in [0, min(maxMs, baseMs * 2^(attempt-1))]. */
export function fullJitterDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

/** Jitter with a floor (smithy waiters): a random delay in [minMs, min(maxMs, minMs * 2^(attempt-1))]. */
export function flooredJitterDelay(
  attempt: number,
  minMs: number,
  maxMs: number,
  random = Math.random,
): number {
  const ceiling = Math.max(minMs, Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1)));
  return Math.round(minMs + random() * (ceiling - minMs));
}

/** `retry-after`: delta seconds or an HTTP date. Returns milliseconds, or undefined when absent/invalid. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `x-ratelimit-reset`: seconds (possibly fractional) until the window resets. Milliseconds or undefined. */
export function parseResetSeconds(value: string | null | undefined): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

/** The server's requested wait for a 429/503: `retry-after`, else `x-ratelimit-reset`. */
export function serverWaitMs(headers: Headers, now = Date.now()): number | undefined {
  return (
    parseRetryAfter(headers.get("retry-after"), now) ?? parseResetSeconds(headers.get("x-ratelimit-reset"))
  );
}
