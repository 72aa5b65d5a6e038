import { showFile } from "../client/show-file.js";

/**
 * A pipeline failure that a user can act on. The message is always one line:
 * `<relative file>: <what is wrong> — <what to do>`, so the CLI and the bundler plugins can print it as is.
 */
export class PipelineError extends Error {
  override name = "PipelineError";
  /** The file concerned, relative to the project root (posix separators). */
  readonly file: string;
  /** A short, stable rule name, e.g. `size`, `extension-mismatch`, `moderation-rejected`. */
  readonly rule: string;
  /** What is wrong, without the file or the fix (for callers that word their own fix). */
  readonly problem: string;
  /** What to do about it, in neutral terms; shells may word their own from `rule` and `facts`. */
  readonly fix: string;
  /** The facts behind the error, by rule (e.g. `account-refused`: the reason and the creator). */
  readonly facts: Readonly<Record<string, unknown>>;

  constructor(
    file: string,
    rule: string,
    problem: string,
    fix: string,
    options?: { cause?: unknown; facts?: Record<string, unknown> },
  ) {
    super(
      oneLine(`${showFile(file)}: ${problem} — ${fix}`),
      options?.cause !== undefined ? { cause: options.cause } : undefined,
    );
    this.file = file;
    this.rule = rule;
    this.problem = oneLine(problem);
    this.fix = fix;
    this.facts = Object.freeze({ ...options?.facts });
  }
}

/**
 * Whether `error` is a PipelineError, also one thrown by another copy of core in `node_modules` (which has
 * its own class): by class, else by its name, rule and file. Shells classify errors by `rule`, not by text.
 */
export function isPipelineError(error: unknown): error is PipelineError {
  if (error instanceof PipelineError) return true;
  if (!(error instanceof Error) || error.name !== "PipelineError") return false;
  const { rule, file } = error as { rule?: unknown; file?: unknown };
  return typeof rule === "string" && typeof file === "string";
}

/** Collapses whitespace so that an error message (which may quote a server message) stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

export { isAbortError } from "../client/abort.js";

/** The reason text used in reports and events for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return oneLine(error.message);
  return oneLine(String(error));
}
