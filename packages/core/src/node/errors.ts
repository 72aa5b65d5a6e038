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
  /** What to do about it. */
  readonly fix: string;

  constructor(file: string, rule: string, problem: string, fix: string, options?: { cause?: unknown }) {
    super(oneLine(`${file}: ${problem} — ${fix}`), options);
    this.file = file;
    this.rule = rule;
    this.fix = fix;
  }
}

/** Collapses whitespace so that an error message (which may quote a server message) stays on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

/** The reason text used in reports and events for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return oneLine(error.message);
  return oneLine(String(error));
}
