import { setTimeout as sleep } from "node:timers/promises";

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export async function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  await sleep(ms, undefined, signal ? { signal } : undefined);
}
