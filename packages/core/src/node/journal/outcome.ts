// Whether a failed create (or update) certainly stored nothing, so that its journal entry may go. Anything
// else (a 5xx, a reset after the body was sent, a 2xx that does not parse, an abort mid-request) is
// ambiguous: the entry stays, and the next run says the upload may have reached Roblox.
import { AssetsApiError, AssetsNetworkError } from "../../index.js";
import { isAbortError } from "../errors.js";

/** Connection errors that happen before a byte of the request is sent. */
const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

export function storedNothing(
  error: unknown,
  hard: AbortSignal | undefined,
  stop: AbortSignal | undefined,
): boolean {
  // A graceful stop cancels a request only before it is sent (CallOptions.stop).
  if (isAbortError(error) || hard?.aborted || stop?.aborted) return stop?.aborted === true && !hard?.aborted;
  if (error instanceof AssetsApiError) return error.status >= 400 && error.status < 500;
  if (error instanceof AssetsNetworkError) return NOT_SENT.has(error.causeCode);
  return false;
}
