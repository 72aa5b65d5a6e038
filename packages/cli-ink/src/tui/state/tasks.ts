// Work that must finish cleanly before the app exits (uploads, syncs, writes). Ctrl-C aborts them through
// their AbortSignal and waits: the pipeline records each finished upload atomically, so waiting for the
// aborted work to settle is what keeps the lockfile whole.

interface RunningTask {
  controller: AbortController;
  settled: Promise<unknown>;
}

export class TaskRegistry {
  #next = 0;
  readonly #tasks = new Map<number, RunningTask>();
  readonly #listeners = new Set<() => void>();

  /** Runs `work` with a signal that `abortAll` (or the returned handle) aborts. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): { promise: Promise<T>; abort: () => void } {
    const id = this.#next++;
    const controller = new AbortController();
    const promise = work(controller.signal);
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.#tasks.set(id, { controller, settled });
    this.#notify();
    void settled.then(() => {
      this.#tasks.delete(id);
      this.#notify();
    });
    return { promise, abort: () => controller.abort() };
  }

  get size(): number {
    return this.#tasks.size;
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
