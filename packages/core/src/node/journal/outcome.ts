// Whether a failed create (or update) certainly stored nothing, so that its journal entry may go. Anything
// else (a 5xx, a reset after the body was sent, a 2xx that does not parse, an abort mid-request) is
// ambiguous: the entry stays, and the next run says the upload may have reached Roblox.
import { AssetsApiError, AssetsNetworkError } from "../../index.js";
import { isAbortError } from "../errors.js";

export function storedNothing(
  error: unknown,
  hard: AbortSignal | undefined,
  stop: AbortSignal | undefined,
): boolean {
  // A graceful stop cancels a request only before it is sent (CallOptions.stop).
  if (isAbortError(error) || hard?.aborted || stop?.aborted) return stop?.aborted === true && !hard?.aborted;
  if (error instanceof AssetsApiError) return error.status >= 400 && error.status < 500;
  // The client's own judgement, the one that words the failure: only a request it knows never reached the
  // service (every attempt refused before connecting) stored nothing.
  if (error instanceof AssetsNetworkError) return !error.mayHaveReached;
  return false;
}
