import {
  type EmulatorOptions,
  type EmulatorStats,
  type RunningEmulator,
  startEmulator,
} from "@rbxassets/emulator";

export const CREATOR = "user:4242";

/**
 * An emulator whose keys belong to CREATOR (the creator every test uploads for); operations take no
 * time unless the options give a delay (polls still count when asked for).
 */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    creator: CREATOR,
    ...options,
    operations: { pendingMs: 0, ...options.operations },
  });
}

/** Every request the emulator saw, of any operation. */
export function totalRequests(stats: EmulatorStats): number {
  return Object.values(stats.requests).reduce((sum, n) => sum + n, 0);
}

/** Uploads beyond the first, per content hash (hex sha256 -> extra uploads), and their sum. */
export function duplicateUploads(stats: EmulatorStats): { total: number; byHash: Map<string, number> } {
  const byHash = new Map<string, number>();
  let total = 0;
  for (const [hash, count] of Object.entries(stats.contentUploads)) {
    if (count > 1) {
      byHash.set(hash, count - 1);
      total += count - 1;
    }
  }
  return { total, byHash };
}

/**
 * Faults after which the client cannot know whether the server stored the content: the server handled the
 * request (or finished the operation with an error / never finished it) but the client saw no usable answer.
 */
export const UNKNOWABLE_FAULTS = [
  "dropAfterHandle",
  "malformedJson",
  "wrongContentType",
  "operationFail",
  "operationPendingForever",
] as const;

export function unknowableFaults(stats: EmulatorStats): number {
  return UNKNOWABLE_FAULTS.reduce((sum, kind) => sum + (stats.faults[kind] ?? 0), 0);
}

export function env(emulator: RunningEmulator, key: string = emulator.apiKey): Record<string, string> {
  return { RBXASSETS_API_URL: emulator.url, RBXASSETS_API_KEY: key, RBXASSETS_CREATOR: CREATOR };
}

/** Lockfile hash (`sha256-<hex>`) to the emulator's content key (hex). */
export const hexOf = (hash: string) => hash.replace(/^sha256-/, "");
