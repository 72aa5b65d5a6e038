// Stage: the mapping of errors. Whatever a stage throws becomes a PipelineError naming the file, with a
// rule and a neutral fix (shells word their own from the rule and facts); aborts pass through untouched.
import { AssetsApiError, AssetsClientError, AssetsNetworkError } from "../../index.js";
import { AccountRefusedError, classifyAccountRefusal } from "../account-refusal.js";
import { describeError, isAbortError, PipelineError } from "../errors.js";
import { localWriteFix, localWriteProblem } from "../writable-check.js";

/** The error to throw for an aborted signal: its reason, else a plain AbortError. */
export function abortError(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/**
 * A failed request as a PipelineError naming the file; an account-level refusal becomes an
 * AccountRefusedError. `context` names the creator, and an update's recorded one.
 */
export function requestError(
  file: string,
  error: unknown,
  signal: AbortSignal | undefined,
  context: { creator?: string | undefined; targetCreator?: string | undefined } = {},
): unknown {
  if (signal?.aborted || isAbortError(error)) return signal?.aborted ? abortError(signal) : error;
  if (error instanceof PipelineError) return error;
  const refusal = classifyAccountRefusal(error, context);
  if (refusal) return new AccountRefusedError(file, refusal, { attempted: true, cause: error });
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
  const local = error as NodeJS.ErrnoException;
  if (typeof local.code === "string" && typeof local.path === "string") {
    // A local file (the lockfile, its temp file, a source) failed: never the network's fault.
    return new PipelineError(
      file,
      "local",
      // A rename names its target (the lockfile), not the temp file it came from.
      `cannot ${local.syscall ?? "access"} ${(error as { dest?: string }).dest ?? local.path}: ${localWriteProblem(local.code)}`,
      /^(EACCES|EPERM|EROFS|ENOSPC|EDQUOT)$/.test(local.code)
        ? localWriteFix(local.code)
        : "check that file, then run again",
      { cause: error, facts: { code: local.code, path: local.path } },
    );
  }
  return new PipelineError(
    file,
    "error",
    describeError(error),
    "run again; if it persists, check the network and the API URL",
    { cause: error },
  );
}
