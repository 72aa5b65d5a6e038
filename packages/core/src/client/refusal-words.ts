// What an account-level refusal means, in one wording: core's errors, the CLI and the plugins all say it
// this way (each shell words its own fix). Light: shells load it without the pipeline.
import { describeWait } from "./errors.js";

/** The facts a refusal is worded from (core's `AccountRefusal`; status and message when known). */
export interface RefusalWordsFacts {
  reason: string;
  creator?: string | undefined;
  status?: number | undefined;
  serviceMessage?: string | undefined;
  /** `rate-limited`: the wait the service asked for, in seconds. */
  waitSeconds?: number | undefined;
  /** `rate-limited`: when to try again (ISO 8601, UTC). */
  retryAt?: string | undefined;
}

const CAUSE: Record<string, (r: RefusalWordsFacts) => string> = {
  "invalid-key": () => "the API key was refused",
  "user-moderated": () => "the account that owns the API key is moderated",
  "creator-not-allowed": (r) => `the API key may not create assets for ${r.creator ?? "the creator"}`,
};

/** What the refusal means, with the service's own words: `the API key was refused (401: Invalid API Key)`. */
export function refusalProblem(refusal: RefusalWordsFacts): string {
  // A wait too long to sit through is said by its length and its end, not by the status it came with.
  if (refusal.reason === "rate-limited") {
    return `the service asked to wait ${describeWait(refusal.waitSeconds ?? 0)} before the next upload (until ${refusal.retryAt ?? "later"})`;
  }
  const cause = (CAUSE[refusal.reason] ?? (() => "the service refused the account"))(refusal);
  const said = refusal.serviceMessage ? `: ${refusal.serviceMessage}` : "";
  return refusal.status !== undefined || said ? `${cause} (${refusal.status ?? "refused"}${said})` : cause;
}
