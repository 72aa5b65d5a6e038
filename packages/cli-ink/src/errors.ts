import { oneLine } from "@rbxassets/core/internal";
import { UNREACHABLE_FIX, withCliFix } from "./fixes.js";
import { ServiceError } from "./services/errors.js";

/** Exit codes: 1 when the work failed, 2 when the command line was wrong or incomplete. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * The failures that are the command line's (exit 2): an argument or flag that is wrong or missing, a
 * question only a flag answers, or a setting the command needs (credentials, the creator) missing or
 * malformed. Fixed by running the command differently; anything else is the work failing (exit 1).
 */
const USAGE_RULES: ReadonlySet<string> = new Set([
  "usage",
  "invalid-input",
  "prompt-required",
  "ambiguous-asset-type",
  "packed-in-spritesheet",
  "expected-price",
  "credentials",
  "creator",
  "creator-format",
]);

/**
 * The exit code of a failure, by its rule alone: the one place it is chosen, so that a failure exits the
 * same from every command and with or without `--json` (whose document carries the same code).
 */
export function exitCodeFor(rule: string): number {
  return USAGE_RULES.has(rule) ? ExitCode.usage : ExitCode.failure;
}

/** An error the CLI reports as one line; `rule` (which decides the exit code) and `facts` go into `--json`. */
export class CliError extends Error {
  override name = "CliError";
  readonly rule: string;
  readonly facts: Readonly<Record<string, unknown>>;
  constructor(message: string, details: { rule?: string; facts?: Record<string, unknown> } = {}) {
    super(message);
    this.rule = details.rule ?? "failed";
    this.facts = { ...details.facts };
  }

  get exitCode(): number {
    return exitCodeFor(this.rule);
  }
}

/** A question needed an answer and there is nobody to ask: `flag` answers it from the command line. */
export class PromptRequiredError extends CliError {
  override name = "PromptRequiredError";
  constructor(
    message: string,
    readonly flag: string,
  ) {
    super(message, { rule: "prompt-required", facts: { flag } });
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

/** What the CLI reports about a failure: the one line, the exit code, and for `--json` a rule and facts. */
export interface ErrorReport {
  message: string;
  exitCode: number;
  /** A short, stable name for the kind of failure (core's rule where core raised it). */
  rule: string;
  /** Facts behind it (a file, an HTTP status, the flag to pass...), never a secret. */
  facts?: Record<string, unknown>;
}

/** The rule of an API error, by its status. */
function apiRule(status: number | undefined): string {
  if (status === 404) return "not-found";
  if (status === 400) return "invalid-request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 429) return "rate-limited";
  if (status !== undefined && status >= 500) return "server-error";
  return "api-error";
}

/** One line, whatever the error: newlines folded, the `rbxassets:` prefix left to the caller. */
export function describeError(error: unknown, context: ErrorContext = {}): ErrorReport {
  const report = describeFailure(error, context);
  return { ...report, exitCode: exitCodeFor(report.rule) };
}

/** What went wrong, by kind of error: the message, the rule and the facts. */
function describeFailure(error: unknown, context: ErrorContext): Omit<ErrorReport, "exitCode"> {
  const line = (text: string) => oneLine(text) || "unknown error";
  if (error instanceof CliError || error instanceof ServiceError) {
    return { message: line(error.message), rule: error.rule, facts: { ...error.facts } };
  }
  if (isAbort(error)) return { message: "aborted", rule: "aborted" };
  const network = isNetworkError(error) ? error : isNetworkError(causeOf(error)) ? causeOf(error) : undefined;
  if (network) {
    const { causeCode, attempts } = network as NetworkErrorLike;
    return {
      message: unreachable(network as NetworkErrorLike, context),
      rule: "unreachable",
      facts: { causeCode, attempts, ...(context.apiUrl !== undefined && { apiUrl: context.apiUrl }) },
    };
  }
  if (isApiError(error)) {
    const status = typeof error.status === "number" ? ` (HTTP ${error.status})` : "";
    return {
      message: line(withCliFix(error, `${error.message}${status}`)),
      rule: apiRule(error.status),
      facts: { status: error.status, code: error.code },
    };
  }
  if (error instanceof Error) {
    const { rule, facts, file, problems } = error as Error & {
      rule?: unknown;
      facts?: unknown;
      file?: unknown;
      problems?: unknown;
    };
    return {
      message: line(withCliFix(error, error.message)),
      rule:
        typeof rule === "string" ? rule : error.name === "ProjectFileError" ? "project-file" : "unexpected",
      facts: {
        ...(typeof file === "string" && { file }),
        ...(Array.isArray(problems) && { problems }),
        ...(typeof facts === "object" && facts !== null && facts),
      },
    };
  }
  return { message: line(String(error)), rule: "unexpected" };
}

/**
 * The one JSON document a failing `--json` command prints on stdout: `{ "error": { message, rule, ... } }`.
 * Facts that do not serialize as plain data (functions, errors, cyclic values) are left out.
 */
export function errorDocument(report: ErrorReport): string {
  const facts = plainFacts(report.facts ?? {});
  return JSON.stringify(
    { error: { message: report.message, rule: report.rule, exitCode: report.exitCode, ...facts } },
    null,
    2,
  );
}

function plainFacts(facts: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) {
    if (key === "message" || key === "rule" || key === "exitCode" || value === undefined) continue;
    if (typeof value === "function" || value instanceof Error) continue;
    try {
      JSON.stringify(value);
      kept[key] = value;
    } catch {
      // a cyclic or BigInt value: not a fact a script can read
    }
  }
  return kept;
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

/** A message commander wrote (`error: unknown option '--x'`, maybe over lines), as our one line says it. */
export function commanderMessage(text: string): string {
  return oneLine(text.replace(/^error: /, ""));
}
