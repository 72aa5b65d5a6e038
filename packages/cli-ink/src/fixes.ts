// How the command line words a fix. Core's errors carry a stable rule and the facts; the fix a person
// reads names this CLI's own flags and variables (`-C`, `--expected-price`, `--api-key-file`). Duck-typed on
// the error's fields, so that loading this costs nothing but this file.

import { failureLine, type RefusalWordsFacts, refusalProblem } from "@rbxassets/core";

/** The credentials, where the CLI reads them from. */
export const CREDENTIALS_FIX =
  "set RBXASSETS_API_KEY (or RBXASSETS_OAUTH_TOKEN) in the environment or .env, or pass --api-key-file";

/** A key the service refused: the same words wherever the refusal shows (a lookup, an upload, a sync). */
export const REFUSED_KEY_FIX =
  "check RBXASSETS_API_KEY (or --api-key-file): the key is wrong, expired or revoked";

/** A file outside the project root. */
export const OUTSIDE_ROOT_FIX = "move it into the project or run from a folder that contains it (-C)";

/** The fee a video upload carries. */
export const EXPECTED_PRICE_FIX = "pass --expected-price <robux> (the most you accept to pay)";

/** The creator, where the CLI reads it from. */
export const CREATOR_FIX =
  "set RBXASSETS_CREATOR (or pass --creator, or write creator in the project file rbxassets.config.*) to user:<id> or group:<id>";

/** The facts of an account-level refusal (core's `AccountRefusal`). */
export type RefusalFacts = RefusalWordsFacts;

/** What to do about it, in the CLI's terms. */
const REFUSAL_FIX: Record<string, (r: RefusalFacts) => string> = {
  "invalid-key": () => REFUSED_KEY_FIX,
  "user-moderated": () =>
    "no upload can succeed until the account's moderation ends; files in the lockfile still sync",
  "creator-not-allowed": (r) =>
    `set RBXASSETS_CREATOR (or --creator) to the key's owner, or use a key of ${r.creator ?? "that creator"} with asset write permission (--api-key-file)`,
  "rate-limited": (r) =>
    `run it again after ${r.retryAt ?? "the wait"} (the wait is the account's upload quota or rate limit); files in the lockfile need no upload meanwhile`,
  unreachable: () => UNREACHABLE_FIX,
};

/** The cause of an account-level refusal, with the service's own words (core's one wording). */
export const refusalCause = refusalProblem;

/** The fix for an account-level refusal, in the CLI's terms. */
export function refusalFix(refusal: RefusalFacts): string {
  return (REFUSAL_FIX[refusal.reason] ?? (() => REFUSED_KEY_FIX))(refusal);
}

/** An API that did not answer at all. */
export const UNREACHABLE_FIX = "check RBXASSETS_API_URL (or --api-url) and your network, then run again";

/** The fixes the CLI words itself, by the rule of core's PipelineError. */
const FIX_BY_RULE: Record<string, string> = {
  "outside-root": OUTSIDE_ROOT_FIX,
  credentials: CREDENTIALS_FIX,
  "expected-price": EXPECTED_PRICE_FIX,
  creator: CREATOR_FIX,
  "creator-format": CREATOR_FIX,
  unreachable: UNREACHABLE_FIX,
  quota: "upload fewer files of this type, wait for the reset, or pass --no-quota-check to try anyway",
};

interface RuleError {
  rule: string;
  fix: string;
  message: string;
  cause?: unknown;
  facts?: Readonly<Record<string, unknown>>;
}

const isRuleError = (error: unknown): error is RuleError =>
  error instanceof Error &&
  typeof (error as { rule?: unknown }).rule === "string" &&
  typeof (error as { fix?: unknown }).fix === "string";

/** The HTTP status behind an error (its own, or its cause's: a pipeline error wraps the API's). */
function statusOf(error: unknown): number | undefined {
  for (
    let e = error as { status?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (typeof e.status === "number") return e.status;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** The fix for a core error in the CLI's terms, or undefined when core's neutral words already fit. */
export function cliFixFor(error: unknown): string | undefined {
  if (!isRuleError(error)) return statusOf(error) === 401 ? REFUSED_KEY_FIX : undefined;
  const reason = error.facts?.reason;
  if (error.rule === "account-refused" && typeof reason === "string") {
    return refusalFix(error.facts as unknown as RefusalFacts);
  }
  if (statusOf(error) === 401) return REFUSED_KEY_FIX;
  return FIX_BY_RULE[error.rule];
}

/**
 * A core error's one line with the fix in the CLI's terms: a PipelineError's line is built again from its
 * `file` and `problem`; another error's message gets the fix after it.
 */
export function withCliFix(error: unknown, message: string): string {
  const fix = cliFixFor(error);
  if (fix === undefined) return message;
  const { file, problem } = error as { file?: unknown; problem?: unknown };
  if (isRuleError(error) && typeof file === "string" && typeof problem === "string") {
    return failureLine(file, { problem, fix });
  }
  return `${message} — ${fix}`;
}

/**
 * A failure's line, `<file>: <problem> — <fix>`, with the fix in the CLI's terms when its rule has CLI
 * wording: built from the failure's fields (the file named once), never by slicing its reason.
 */
export function cliReason(failure: {
  file: string;
  problem: string;
  rule?: string | undefined;
  fix?: string | undefined;
}): string {
  const fix = (failure.rule === undefined ? undefined : FIX_BY_RULE[failure.rule]) ?? failure.fix;
  return failureLine(failure.file, { problem: failure.problem, fix });
}
