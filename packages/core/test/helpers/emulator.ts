// The emulator as the core suites use it. RBXASSETS_EMULATOR_WIRE=legacy reruns them against the answers
// older live responses gave (see the `test:legacy-wire` script); the variable is declared in turbo.json.
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { CREATOR } from "./fixtures.js";

export const wire = process.env.RBXASSETS_EMULATOR_WIRE === "legacy" ? "legacy" : "current";

/**
 * An emulator in the chosen wire whose key belongs to the fixtures' CREATOR. Operations take no time, and
 * stay pending for one poll (so polling is exercised) unless the options say otherwise.
 */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    wire,
    creator: `user:${CREATOR.userId}`,
    ...options,
    operations: { pendingMs: 0, pendingPolls: 1, ...options.operations },
  });
}
