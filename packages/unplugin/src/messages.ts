// Build errors worded in the plugin's terms: core states the rule and the facts, the plugin names its own
// options in the fix (`apiKey`, `creator`, `root`).
import { refusalProblem } from "@rbxassets/core";
import { describeError } from "@rbxassets/core/internal";
import {
  type AccountRefusal,
  accountRefusalOf,
  failureLine,
  type GrantRefusal,
  isPipelineError,
} from "@rbxassets/core/node";

const FIX: Record<AccountRefusal["reason"], (refusal: AccountRefusal) => string> = {
  "invalid-key": () =>
    "set the plugin's apiKey option, or RBXASSETS_API_KEY in the environment or .env, to a valid Open Cloud API key",
  "user-moderated": () =>
    "no upload can succeed until the account's moderation ends; builds from the lockfile still work",
  "creator-not-allowed": (r) =>
    `set the plugin's creator option (or RBXASSETS_CREATOR) to the key's owner, or use a key of ${r.creator ?? "that creator"} with asset write permission`,
  "rate-limited": (r) => `build again after ${r.retryAt}; files in the lockfile still build meanwhile`,
  unreachable: () =>
    "check the plugin's apiUrl option (or RBXASSETS_API_URL) and the network; builds from the lockfile still work",
};

/** One line: the cause, that no further upload was started, and the fix. */
export function refusalMessage(refusal: AccountRefusal): string {
  return `${refusalProblem(refusal)}; no further uploads were started — ${FIX[refusal.reason](refusal)}`;
}

/** Fixes the plugin words itself, by rule; other rules keep core's neutral fix. */
const RULE_FIX: Record<string, string> = {
  credentials: "set the plugin's apiKey option, or RBXASSETS_API_KEY in the environment or .env",
};

/** The one-line message a failed resolve fails the build with. `shown` is the file as the project names it. */
export function buildErrorMessage(error: unknown, shown: string): string {
  const refusal = accountRefusalOf(error);
  // A refusal of the whole account is one message, whichever file met it first.
  if (refusal) return refusalMessage(refusal);
  if (!isPipelineError(error)) return `${shown}: ${describeError(error)}`;
  const fix = RULE_FIX[error.rule];
  // PipelineError messages read `<file>: <problem> — <fix>` on one line.
  // `problem` is undefined on an error from an older copy of core: its own message then stands.
  return fix === undefined || error.problem === undefined
    ? error.message
    : failureLine(error.file, { problem: error.problem, fix });
}

/** A build met a file of a spritesheet input that no sync has packed yet: it uploads nothing. */
export function spritesheetBeforeSyncMessage(shown: string, input: string | undefined): string {
  const run = input === undefined ? "rbxassets sync" : `rbxassets sync ${input}`;
  return `${shown}: its input packs a spritesheet, and no sync has packed this file yet (a build uploads nothing for it) — run \`${run}\`, then build again`;
}

/** A plain import of a packed file: its value is a sprite object, which a plain import's type is not. */
export function packedImportMessage(file: string): string {
  return `${file}: it is packed into a spritesheet, so it imports as a sprite — import it as "${file.slice(file.lastIndexOf("/") + 1)}?sprite" (or leave spritesheet off its input)`;
}

/** A refused grant request's fix in the plugin's terms (a build grants again what is not recorded). */
const GRANT_FIX: Record<GrantRefusal["rule"], string> = {
  "grant-permission":
    "give the API key the asset-permissions API with its Write operation (scope asset-permissions:write) in the Creator Dashboard, then build again: the uploads are recorded, only the grants are left to send",
  "grant-credentials":
    "set the plugin's apiKey option, or RBXASSETS_API_KEY in the environment or .env, to a key with the asset-permissions:write scope",
  "grant-experience":
    "check the universe id in the project file's grant.experiences (the experience's settings show it; a place id is not one)",
  "grant-failed": "build again: grants not recorded are sent again",
};

/** One line for a grant request refused as a whole: what the service said, and what to do. */
export function grantRefusalMessage(refusal: GrantRefusal): string {
  return `${refusal.message} — ${GRANT_FIX[refusal.rule] ?? refusal.fix}`;
}
