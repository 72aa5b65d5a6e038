import { type EmulatorOptions, type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { createServiceContext } from "../../src/services/context.js";
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

/** The environment a tmux session's `rbxassets` needs to reach this emulator with its own key and owner. */
export function emulatorEnv(emulator: { url: string; apiKey: string }): Record<string, string> {
  return { RBXASSETS_API_URL: emulator.url, RBXASSETS_API_KEY: emulator.apiKey, RBXASSETS_CREATOR: "user:1" };
}

/** The CLI's services pointed at this emulator, as a test's own setup and checks use them. */
export function serviceContextFor(emulator: { url: string; apiKey: string }, root: string) {
  return createServiceContext({
    root,
    baseUrl: emulator.url,
    apiKey: emulator.apiKey,
    creator: "user:1",
    env: {},
  });
}
