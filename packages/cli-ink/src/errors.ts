import { UNREACHABLE_FIX, withCliFix } from "./fixes.js";
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

interface NetworkErrorLike {
  name: string;
  causeCode?: unknown;
  attempts?: unknown;
  operationId?: unknown;
  mayHaveReached?: unknown;
}

const isApiError = (error: unknown): error is ApiErrorLike =>
  error instanceof Error && error.name === "AssetsApiError";

const isNetworkError = (error: unknown): error is Error & NetworkErrorLike =>
  error instanceof Error && error.name === "AssetsNetworkError";

// Core's rule (isAbortError): a TimeoutError is the client's request timeout, a failure, not a stop.
const isAbort = (error: unknown): boolean => error instanceof Error && error.name === "AbortError";

/** What a connection error code means, for a person. */
const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: "nothing is listening there",
  ENOTFOUND: "the host name is unknown",
  EAI_AGAIN: "the host name could not be looked up",
  ECONNRESET: "the connection was cut",
  ETIMEDOUT: "the connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection was cut",
  timeout: "no answer came within the request timeout, RBXASSETS_TIMEOUT_S",
};

/** What `describeError` may mention beside the error: where the API was looked for. */
export interface ErrorContext {
  apiUrl?: string | undefined;
}

/** One line, whatever the error: newlines folded, the `rbxassets:` prefix left to the caller. */
export function describeError(
  error: unknown,
  context: ErrorContext = {},
): { message: string; exitCode: number } {
  const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").trim() || "unknown error";
  if (error instanceof CliError) return { message: oneLine(error.message), exitCode: error.exitCode };
  if (error instanceof ServiceError) {
    return { message: oneLine(error.message), exitCode: error.usage ? ExitCode.usage : ExitCode.failure };
  }
  if (isAbort(error)) return { message: "aborted", exitCode: ExitCode.failure };
  const network = isNetworkError(error) ? error : isNetworkError(causeOf(error)) ? causeOf(error) : undefined;
  if (network)
    return { message: unreachable(network as NetworkErrorLike, context), exitCode: ExitCode.failure };
  if (isApiError(error)) {
    const status = typeof error.status === "number" ? ` (HTTP ${error.status})` : "";
    return { message: oneLine(withCliFix(error, `${error.message}${status}`)), exitCode: ExitCode.failure };
  }
  if (error instanceof Error)
    return { message: oneLine(withCliFix(error, error.message)), exitCode: ExitCode.failure };
  return { message: oneLine(String(error)), exitCode: ExitCode.failure };
}

const causeOf = (error: unknown): unknown => (error instanceof Error ? error.cause : undefined);

/** The API did not answer: where it was looked for, why in plain words, and what to check. */
function unreachable(error: NetworkErrorLike, context: ErrorContext): string {
  const code = typeof error.causeCode === "string" ? error.causeCode : undefined;
  const why = code === undefined ? undefined : (NETWORK_CAUSES[code] ?? code);
  const tries =
    typeof error.attempts === "number" && error.attempts > 1 ? `, tried ${error.attempts} times` : "";
  const where = context.apiUrl ? ` at ${context.apiUrl}` : "";
  const reason = why ? ` (${why}${tries})` : tries ? ` (${tries.slice(2)})` : "";
  const write = error.operationId === "Assets_CreateAsset" || error.operationId === "Assets_UpdateAsset";
  if (write && error.mayHaveReached === true) {
    return `the upload may have reached Roblox, but its answer was lost${reason}: check the asset on Roblox before sending it again`;
  }
  return `cannot reach the API${where}${reason}: ${UNREACHABLE_FIX}`;
}
