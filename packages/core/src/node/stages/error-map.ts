// Stage: the mapping of errors. Whatever a stage throws becomes a PipelineError naming the file, with a
// rule and a neutral fix (shells word their own from the rule and facts); aborts pass through untouched.
import { abortReason } from "../../client/abort.js";
import { INVALID_RESPONSE, isAmbiguousWrite } from "../../client/errors.js";
import { AssetsApiError, AssetsClientError, AssetsNetworkError, REQUEST_TIMEOUT } from "../../index.js";
import { AccountRefusedError, classifyAccountRefusal } from "../account-refusal.js";
import { describeError, isAbortError, PipelineError } from "../errors.js";
import { localFileProblem } from "../local-error.js";

/**
 * A failed request as a PipelineError naming the file; an account-level refusal becomes an
 * AccountRefusedError. `context` names the creator, and an update's recorded one.
 */
export function requestError(
  file: string,
  error: unknown,
  signal: AbortSignal | undefined,
  context: {
    creator?: string | undefined;
    targetCreator?: string | undefined;
    url?: string | undefined;
  } = {},
): unknown {
  if (signal?.aborted || isAbortError(error)) return signal?.aborted ? abortReason(signal) : error;
  if (error instanceof PipelineError) return error;
  const refusal = classifyAccountRefusal(error, context);
  if (refusal) return new AccountRefusedError(file, refusal, { attempted: true, cause: error });
  if (isAmbiguousWrite(error)) return ambiguousWrite(file, error as AssetsApiError | AssetsNetworkError);
  const local = localFileProblem(error);
  if (local) {
    return new PipelineError(
      file,
      "local-file",
      `cannot ${local.syscall ?? "use"} ${local.path}: ${local.problem} (${local.code})`,
      "fix that file or folder on this machine (space, permissions, a writable place), then run again",
      { cause: error, facts: { ...local } },
    );
  }
  if (error instanceof AssetsApiError) {
    const busy = error.status === 429 || error.status >= 500;
    const fix =
      error.status === 401 || error.status === 403
        ? "check the API key (or OAuth token) and that it may write assets for this creator"
        : busy
          ? "the service is busy or failing: run again later"
          : "fix the file or its name and description, then run again";
    return new PipelineError(
      file,
      "request",
      `the service refused the upload (${error.status}${error.code !== undefined ? ` ${error.code}` : ""}: ${error.message})`,
      fix,
      { cause: error, facts: { status: error.status, code: error.code, operationId: error.operationId } },
    );
  }
  if (error instanceof AssetsNetworkError) {
    // No answer at all: said without the client's operation names, which mean nothing to a person.
    const tries = error.attempts > 1 ? `, ${error.attempts} attempts` : "";
    return new PipelineError(
      file,
      "unreachable",
      `the API did not answer (${error.causeCode}${tries})`,
      "check the network and the API URL, then run again",
      { cause: error, facts: { causeCode: error.causeCode, attempts: error.attempts } },
    );
  }
  if (error instanceof AssetsClientError) {
    return new PipelineError(file, "request", describeError(error), "check the pipeline's options", {
      cause: error,
    });
  }
  return new PipelineError(
    file,
    "error",
    describeError(error),
    "run again; if it persists, check the network and the API URL",
    { cause: error },
  );
}

/** The stable rule of a create or update that may have been carried out although it failed. */
export const AMBIGUOUS = "ambiguous";

/**
 * A write whose body was sent and whose answer was a 5xx, unreadable, or lost (a reset, a timeout): the
 * asset may exist on Roblox. Never worded as the file's fault; the run does not send it again.
 */
function ambiguousWrite(file: string, error: AssetsApiError | AssetsNetworkError): PipelineError {
  const answer =
    error instanceof AssetsNetworkError
      ? error.causeCode === REQUEST_TIMEOUT
        ? "no answer came before the timeout"
        : `the connection failed after it was sent (${error.causeCode})`
      : error.code === INVALID_RESPONSE
        ? `the answer (${error.status}) could not be read`
        : `the service answered ${error.status}${error.code !== undefined ? ` ${error.code}` : ""}`;
  return new PipelineError(
    file,
    AMBIGUOUS,
    `the upload may have reached Roblox, but ${answer}`,
    "run again: it is not sent twice in this run; the next run sends it again, which may leave a second copy on Roblox",
    {
      cause: error,
      facts: {
        operationId: error.operationId,
        ...(error instanceof AssetsNetworkError
          ? { causeCode: error.causeCode }
          : { status: error.status, code: error.code }),
      },
    },
  );
}

/**
 * Writes that may have been carried out although they failed, by upload key: within one run (a sync, or
 * the resolves between two) such a write is never sent again (a second create would make a second
 * asset); its error stands for it.
 */
export class AmbiguousWrites {
  readonly #seen = new Map<string, unknown>();

  /** Throws the earlier error when `key`'s write was ambiguous. */
  check(key: string): void {
    if (this.#seen.has(key)) throw this.#seen.get(key);
  }

  /** Forgets them all: a new run begins. */
  clear(): void {
    this.#seen.clear();
  }

  /** Remembers `mapped` when it is ambiguous; returns it, to be thrown. */
  note(key: string, mapped: unknown): unknown {
    if ((mapped as { rule?: unknown }).rule === AMBIGUOUS) this.#seen.set(key, mapped);
    return mapped;
  }
}
