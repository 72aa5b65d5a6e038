// Account-level refusals: answers after which every further write of the run would fail the same way (a
// wrong or revoked key, a moderated account, a creator the key may not act for, a wait too long to sit
// through, an API that cannot be reached at all). A batch stops at the first.
import { refusalProblem } from "../client/refusal-words.js";
import { AssetsApiError, AssetsNetworkError, RateLimitWaitTooLongError } from "../index.js";
import { PipelineError } from "./errors.js";

/** Why the account was refused. */
export type AccountRefusalReason =
  | "invalid-key"
  | "user-moderated"
  | "creator-not-allowed"
  | "rate-limited"
  | "unreachable";

/** The facts of an account-level refusal: enough for a shell to word the fix in its own terms. */
export interface AccountRefusal {
  reason: AccountRefusalReason;
  /** The configured creator (`user:<id>` / `group:<id>`), when one is. */
  creator?: string;
  /** HTTP status of the refused request (0 when no answer came: `unreachable`). */
  status: number;
  /** The service's own message, e.g. `Invalid API Key`; for `unreachable`, the connection error's code. */
  serviceMessage: string;
  /** `rate-limited`: the wait the service asked for, in seconds (over the most the client sleeps through). */
  waitSeconds?: number;
  /** `rate-limited`: when to try again (ISO 8601, UTC). */
  retryAt?: string;
  /** The API's base URL, for `unreachable`: where the requests went (never a credential). */
  url?: string;
}

/** The stable rule of `AccountRefusedError`. */
export const ACCOUNT_REFUSED = "account-refused";

/**
 * Connection failures that say the API cannot be reached at all (no route, no name, a refused or timed-out
 * connection), as opposed to a reset or a cut-off answer, which may be one request's bad luck: every further
 * write of the run would meet the same. Whether a failed write may still have arrived is the client's
 * judgement (`mayHaveReached`), not this list's.
 */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

const MODERATED_USER = /\buser is moderated\b/i;
const WRITES = new Set(["Assets_CreateAsset", "Assets_UpdateAsset", "Assets_RollbackAssetVersion"]);

/**
 * The account-level refusal an API error stands for, if any. A 401 is one whatever the request (the key is
 * wrong or revoked; no probe needed); `User is moderated` whatever the status; a 403 on a create, or on an
 * update of an asset recorded for this same creator (a 403 on another owner's asset is that file's problem).
 */
export function classifyAccountRefusal(
  error: unknown,
  context: { creator?: string | undefined; targetCreator?: string | undefined; url?: string | undefined },
): AccountRefusal | undefined {
  if (error instanceof AssetsNetworkError && UNREACHABLE_CODES.has(error.causeCode)) {
    return {
      reason: "unreachable",
      ...(context.creator !== undefined ? { creator: context.creator } : {}),
      status: 0,
      serviceMessage: error.causeCode,
      ...(context.url !== undefined ? { url: context.url } : {}),
    };
  }
  if (!(error instanceof AssetsApiError)) return undefined;
  // A wait of hours holds for every further write of the run (the limit is the account's).
  if (error instanceof RateLimitWaitTooLongError) {
    return {
      reason: "rate-limited",
      ...(context.creator !== undefined ? { creator: context.creator } : {}),
      status: error.status,
      serviceMessage: error.message,
      waitSeconds: error.waitSeconds,
      retryAt: error.retryAt,
    };
  }
  const facts = (reason: AccountRefusalReason): AccountRefusal => ({
    reason,
    ...(context.creator !== undefined ? { creator: context.creator } : {}),
    status: error.status,
    serviceMessage: error.message,
  });
  if (MODERATED_USER.test(error.message)) return facts("user-moderated");
  if (error.status === 401) return facts("invalid-key");
  if (error.status !== 403 || !WRITES.has(error.operationId)) return undefined;
  if (error.operationId === "Assets_CreateAsset") return facts("creator-not-allowed");
  return context.targetCreator === undefined || context.targetCreator === context.creator
    ? facts("creator-not-allowed")
    : undefined;
}

const FIX: Record<AccountRefusalReason, (refusal: AccountRefusal) => string> = {
  "invalid-key": () => "use a valid API key (or OAuth token): this one is wrong, expired or revoked",
  "user-moderated": () => "no upload can succeed until the account's moderation ends",
  "creator-not-allowed": (r) =>
    `use credentials of ${r.creator ?? "the creator"}, or set the creator to the key's owner`,
  "rate-limited": (r) => `run again after ${r.retryAt}`,
  unreachable: () => "check the network and the API's address, then run again",
};

/**
 * A write refused for the whole account. `attempted` is false for a file whose request was never sent
 * because an earlier one was refused. The message is neutral; shells word the fix from `refusal`.
 */
export class AccountRefusedError extends PipelineError {
  readonly refusal: AccountRefusal;
  readonly attempted: boolean;

  constructor(file: string, refusal: AccountRefusal, options: { attempted: boolean; cause?: unknown }) {
    const problem = options.attempted
      ? refusalProblem(refusal)
      : `not attempted: ${refusalProblem(refusal)} for an earlier file`;
    super(file, ACCOUNT_REFUSED, problem, FIX[refusal.reason](refusal), {
      ...(options.cause !== undefined ? { cause: options.cause } : {}),
      facts: { ...refusal, attempted: options.attempted },
    });
    this.refusal = refusal;
    this.attempted = options.attempted;
  }
}

/**
 * The refusal an error stands for (an `AccountRefusedError`, also one from another copy of core), with
 * whether its request was sent; undefined for any other error.
 */
export function accountRefusalOf(error: unknown): (AccountRefusal & { attempted: boolean }) | undefined {
  if (!(error instanceof Error) || (error as { rule?: unknown }).rule !== ACCOUNT_REFUSED) return undefined;
  return (error as unknown as { facts: AccountRefusal & { attempted: boolean } }).facts;
}
