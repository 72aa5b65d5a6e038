// Work that must finish cleanly before the app exits (uploads, syncs, writes). The first Ctrl-C stops them
// gracefully (their `stop` signal: nothing new starts, uploads already sent finish and are recorded) and
// waits; a second aborts them (their `signal`) and the app leaves at once, the journal keeping what was in
// flight for the next run.

interface RunningTask {
  controller: AbortController;
  stop: AbortController;
  /** Whether the work honours `stop`; work that does not (watching an operation) is aborted instead. */
  graceful: boolean;
  settled: Promise<unknown>;
}

export class TaskRegistry {
  #next = 0;
  readonly #tasks = new Map<number, RunningTask>();
  readonly #listeners = new Set<() => void>();

  /**
   * Runs `work` with a hard `signal` (`abortAll`, or the returned `abort`) and a graceful `stop`
   * (`stopAll`, or the returned `stop`). Only `graceful` work is told to stop; `stopAll` aborts the rest.
   */
  run<T>(
    work: (signal: AbortSignal, stop: AbortSignal) => Promise<T>,
    { graceful = false }: { graceful?: boolean } = {},
  ): {
    promise: Promise<T>;
    abort: () => void;
    stop: () => void;
  } {
    const id = this.#next++;
    const controller = new AbortController();
    const stop = new AbortController();
    const promise = work(controller.signal, stop.signal);
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.#tasks.set(id, { controller, stop, graceful, settled });
    this.#notify();
    void settled.then(() => {
      this.#tasks.delete(id);
      this.#notify();
    });
    return { promise, abort: () => controller.abort(), stop: () => stop.abort() };
  }

  get size(): number {
    return this.#tasks.size;
  }

  /** Stops every running task gracefully and resolves once all have settled. */
  async stopAll(): Promise<void> {
    const tasks = [...this.#tasks.values()];
    for (const task of tasks) (task.graceful ? task.stop : task.controller).abort();
    await Promise.all(tasks.map((t) => t.settled));
  }

  /** Aborts every running task and resolves once all have settled. */
  async abortAll(): Promise<void> {
    const tasks = [...this.#tasks.values()];
    for (const task of tasks) task.controller.abort();
    await Promise.all(tasks.map((t) => t.settled));
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
