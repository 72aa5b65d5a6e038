import { ServiceError } from "./services/errors.js";

/** Exit codes: 1 when the work failed, 2 when the command line was wrong or incomplete. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

/** An error the CLI reports as one line and a chosen exit code. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure,
  ) {
    super(message);
  }
}

/** A question needed an answer and there is nobody to ask: `flag` answers it from the command line. */
export class PromptRequiredError extends CliError {
  override name = "PromptRequiredError";
  constructor(
    message: string,
    readonly flag: string,
  ) {
    super(message, ExitCode.usage);
  }
}

interface ApiErrorLike {
  name: string;
  message: string;
  status?: number;
  code?: unknown;
}

const isApiError = (error: unknown): error is ApiErrorLike =>
  error instanceof Error && error.name === "AssetsApiError";

const isAbort = (error: unknown): boolean =>
  error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");

/** One line, whatever the error: newlines folded, the `rbxassets:` prefix left to the caller. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim() || "unknown error";
  if (error instanceof CliError) return { message: oneLine(error.message), exitCode: error.exitCode };
  if (error instanceof ServiceError) {
    return { message: oneLine(error.message), exitCode: error.usage ? ExitCode.usage : ExitCode.failure };
  }
  if (isAbort(error)) return { message: "aborted", exitCode: ExitCode.failure };
  if (isApiError(error)) {
    const status = typeof error.status === "number" ? ` (HTTP ${error.status})` : "";
    return { message: oneLine(`${error.message}${status}`), exitCode: ExitCode.failure };
  }
  if (error instanceof Error) return { message: oneLine(error.message), exitCode: ExitCode.failure };
  return { message: oneLine(String(error)), exitCode: ExitCode.failure };
}
