// The build-failing message for an account-level refusal, worded in the plugin's terms (its options).
import type { AccountRefusal } from "@rbxassets/core/node";

const WHAT: Record<AccountRefusal["reason"], (refusal: AccountRefusal) => string> = {
  "invalid-key": (r) => `the API key was refused (${r.status}: ${r.serviceMessage})`,
  "user-moderated": (r) =>
    `the account that owns the API key is moderated (${r.status}: ${r.serviceMessage})`,
  "creator-not-allowed": (r) =>
    `the API key may not create assets for ${r.creator ?? "the creator"} (${r.status}: ${r.serviceMessage})`,
};

const FIX: Record<AccountRefusal["reason"], (refusal: AccountRefusal) => string> = {
  "invalid-key": () =>
    "set the plugin's apiKey option, or RBXASSETS_API_KEY in the environment or .env, to a valid Open Cloud API key",
  "user-moderated": () =>
    "no upload can succeed until the account's moderation ends; builds from the lockfile still work",
  "creator-not-allowed": (r) =>
    `set the plugin's creator option (or RBXASSETS_CREATOR) to the key's owner, or use a key of ${r.creator ?? "that creator"} with asset write permission`,
};

/** One line: the cause, that no further upload was started, and the fix. */
export function refusalMessage(refusal: AccountRefusal): string {
  return `${WHAT[refusal.reason](refusal)}; no further uploads were started — ${FIX[refusal.reason](refusal)}`;
}
