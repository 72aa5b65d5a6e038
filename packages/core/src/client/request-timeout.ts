// The request timeout, based on progress: a request fails when no byte went out and none came back for
// `timeoutMs`. Every chunk of the body sent and of the answer read resets the timer, so that a large upload
// on a slow link is never cut off while it moves. Only web APIs (streams, AbortController): it runs in a
// browser as it does in Node.

/** Default: a request with no progress for 60 s fails. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Where a body's progress cannot be seen (a browser's fetch reads a FormData itself), the first deadline
 * is stretched by the time the body takes at this slow rate, so that a slow upload is not cut off.
 */
const UNSEEN_BODY_BYTES_PER_SECOND = 32 * 1024;

/**
 * Bytes that may still sit in socket buffers (the kernel's, a proxy's) after the transport took the whole
 * body: they drain at the link's pace before the server can answer, so the deadline after the last byte
 * allows for them at the slow rate above.
 */
const BUFFERED_BYTES = 4 * 1024 * 1024;

/** How much of the request body the transport took. `unseen`: a body whose progress cannot be watched. */
export type BodyProgress = "none" | "partial" | "sent" | "unseen";

/** One attempt's deadline. `signal` aborts (with a TimeoutError) when no progress was made for `timeoutMs`. */
export class ProgressDeadline {
  readonly signal: AbortSignal;
  #timedOut = false;
  #stopped = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #body: BodyProgress = "none";
  readonly #controller = new AbortController();
  /** Ends the body's pipe when the attempt ends, however: an unread body must not hold its file open. */
  readonly #ended = new AbortController();
  readonly #timeoutMs: number;

  constructor(timeoutMs: number, caller: AbortSignal | undefined) {
    this.#timeoutMs = timeoutMs;
    this.signal = caller ? AbortSignal.any([caller, this.#controller.signal]) : this.#controller.signal;
  }

  /** Whether this deadline (not the caller) ended the attempt. */
  get timedOut(): boolean {
    return this.#timedOut;
  }

  get body(): BodyProgress {
    return this.#body;
  }

  get timeoutMs(): number {
    return this.#timeoutMs;
  }

  /** Stops the timer for good (the answer was read, or the attempt failed). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#ended.abort();
  }

  /** Progress: the timer starts again. */
  touch(extraMs = 0): void {
    if (this.#stopped || !Number.isFinite(this.#timeoutMs)) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(
      () => {
        this.#timedOut = true;
        this.#controller.abort(
          new DOMException(`no progress for ${describeTimeout(this.#timeoutMs)}`, "TimeoutError"),
        );
      },
      Math.min(this.#timeoutMs + extraMs, 2 ** 31 - 1),
    );
  }

  /**
   * A fetch that reports progress to this deadline: the request body (when its length is declared, so
   * that it can go as a stream) and the answer's body are passed through counters.
   */
  watch(fetch: (request: Request) => Promise<Response>, bodyBytes?: number) {
    return async (request: Request): Promise<Response> => {
      let outgoing = request;
      const declared = Number(request.headers.get("content-length") ?? Number.NaN);
      if (request.body && Number.isFinite(declared)) {
        outgoing = new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body.pipeThrough(this.#bodyCounter(declared), {
            signal: AbortSignal.any([this.signal, this.#ended.signal]),
          }),
          signal: request.signal,
          duplex: "half",
        } as RequestInit);
        this.touch();
      } else if (request.body) {
        this.#body = "unseen";
        this.touch(((bodyBytes ?? 0) / UNSEEN_BODY_BYTES_PER_SECOND) * 1000);
      } else {
        this.touch();
      }
      const response = await fetch(outgoing);
      this.touch();
      if (!response.body) return response;
      return new Response(
        response.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform: (chunk, controller) => {
              this.touch();
              controller.enqueue(chunk);
            },
          }),
        ),
        { status: response.status, statusText: response.statusText, headers: response.headers },
      );
    };
  }

  #bodyCounter(declared: number): TransformStream<Uint8Array, Uint8Array> {
    let sent = 0;
    return new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        sent += chunk.byteLength;
        this.#body = sent >= declared ? "sent" : "partial";
        this.touch(sent >= declared ? drainMs(declared) : 0);
        controller.enqueue(chunk);
      },
      flush: () => {
        this.#body = "sent";
      },
    });
  }
}

/** How long the last bytes of a body may take to leave the buffers at the slow rate. */
function drainMs(bytes: number): number {
  return (Math.min(bytes, BUFFERED_BYTES) / UNSEEN_BODY_BYTES_PER_SECOND) * 1000;
}

/** A timeout in words: `60 s`, `0.3 s`. */
export function describeTimeout(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${Number((ms / 1000).toFixed(1))} s`;
}
