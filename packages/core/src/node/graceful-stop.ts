// The graceful stop: once `stop` fires, no new request starts, and uploads whose request was sent keep
// settling for `stopGraceMs` so that they are recorded; the count still settling is told as it falls.
// The hard `signal` aborts everything at once (the journal keeps what was in flight for the next run).
import type { PipelineEvent } from "./types.js";

export const DEFAULT_STOP_GRACE_MS = 30_000;

/** One stop signal's bookkeeping: how many uploads are settling, and the grace period's end. */
export class StopWatch {
  readonly #stop: AbortSignal | undefined;
  readonly #grace = new AbortController();
  readonly #emit: (event: PipelineEvent) => void;
  #finishing = 0;

  constructor(stop: AbortSignal | undefined, graceMs: number, emit: (event: PipelineEvent) => void) {
    this.#stop = stop;
    this.#emit = emit;
    const onStop = () => {
      emit({ type: "stopping", finishing: this.#finishing });
      const timer = setTimeout(() => this.#grace.abort(stop!.reason), graceMs);
      timer.unref();
    };
    if (stop?.aborted) onStop();
    else stop?.addEventListener("abort", onStop, { once: true });
  }

  get stopped(): boolean {
    return this.#stop?.aborted === true;
  }

  /** Throws (an abort: the file is left for later, nothing was sent) once the stop has fired. */
  throwIfStopped(): void {
    this.#stop?.throwIfAborted();
  }

  /** Aborts at the hard signal, or when the grace period after a stop is over. */
  settleSignal(hard: AbortSignal | undefined): AbortSignal {
    return hard ? AbortSignal.any([hard, this.#grace.signal]) : this.#grace.signal;
  }

  /** Counts an upload as finishing from the moment its request leaves; call the result when it ends. */
  finishing(): () => void {
    this.#finishing++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#finishing--;
      if (this.stopped) this.#emit({ type: "stopping", finishing: this.#finishing });
    };
  }
}

/** One StopWatch per stop signal, shared by every call given that signal. */
export class StopWatches {
  readonly #watches = new WeakMap<AbortSignal, StopWatch>();
  readonly #none: StopWatch;

  constructor(
    readonly graceMs: number,
    readonly emit: (event: PipelineEvent) => void,
  ) {
    this.#none = new StopWatch(undefined, graceMs, emit);
  }

  for(stop: AbortSignal | undefined): StopWatch {
    if (!stop) return this.#none;
    let watch = this.#watches.get(stop);
    if (!watch) {
      watch = new StopWatch(stop, this.graceMs, this.emit);
      this.#watches.set(stop, watch);
    }
    return watch;
  }
}
