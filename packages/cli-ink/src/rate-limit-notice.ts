// A rate-limit wait shown as a wait: after about 120 uploads a minute the client holds requests back until
// the window resets, which looks like a hang unless someone says so. The numbers are the limiter's own
// (its wait when a request queues, the server's when it answers 429).
import type { ClientEvent } from "@rbxassets/core";

/** Waits shorter than this pass unremarked: they do not look like a hang. */
const NOTICEABLE_MS = 1000;

/**
 * A client-event listener that logs `waiting for the rate limit (n s)` once per wait: requests queued
 * behind the same window reset are one wait, not one line each.
 */
export function rateLimitNotice(log: (line: string) => void, now: () => number = Date.now) {
  let announcedUntil = 0;
  return (event: ClientEvent): void => {
    const waitMs =
      event.type === "rateLimited"
        ? event.waitMs
        : event.type === "retry" && event.reason === "HTTP 429"
          ? event.delayMs
          : undefined;
    if (waitMs === undefined || waitMs < NOTICEABLE_MS) return;
    const until = now() + waitMs;
    if (until <= announcedUntil + NOTICEABLE_MS) return;
    announcedUntil = until;
    log(`waiting for the rate limit (${Math.ceil(waitMs / 1000)} s)`);
  };
}
