import { type EmulatorOptions, type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { SECRET_KEY } from "./cli.js";

export const CREATOR = "user:4242";

/**
 * An emulator that accepts only the recognisable test key, owned by CREATOR. Operations finish at once
 * (no delay, no pending polls) unless the options say otherwise, so that tests do not wait on polling.
 */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    apiKeys: [SECRET_KEY],
    creator: CREATOR,
    rateLimits: false,
    ...options,
    operations: { pendingPolls: 0, pendingMs: 0, ...options.operations },
  });
}

/** The environment that points the CLI at `emulator` with the test key and a creator. */
export function cliEnv(emulator: RunningEmulator, extra: Record<string, string | undefined> = {}) {
  return {
    RBXASSETS_API_URL: emulator.url,
    RBXASSETS_API_KEY: SECRET_KEY,
    RBXASSETS_CREATOR: CREATOR,
    ...extra,
  };
}

/** Every request the emulator has seen so far (also rejected ones). */
export function requestCount(emulator: RunningEmulator): number {
  const { requests, responses } = emulator.stats();
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return Math.max(sum(requests), sum(responses));
}
