// Abortable sleeping: every wait in the client ends as soon as the caller's signal aborts.

/** The error to throw when `signal` aborted: its reason when that is an Error, else a DOMException. */
export function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException("This operation was aborted", "AbortError");
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/** Resolves after `ms`, or rejects with the abort reason as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * True for the errors an aborted fetch or sleep produces, and whenever `signal` aborted. A `TimeoutError`
 * counts only when `signal` (the caller's own) aborted: a deadline of the client's (a request that made no
 * progress) is a failure of the service to answer, not the caller's stop, and must not read as "cancelled".
 * The one abort check of core and its shells.
 */
export function isAbortError(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  if (!(error instanceof Error) || error.name === "TimeoutError") return false;
  return error.name === "AbortError" || (error as { code?: unknown }).code === "UND_ERR_ABORTED";
}
