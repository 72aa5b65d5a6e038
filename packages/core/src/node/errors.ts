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
    super(oneLine(`${showFile(file)}: ${problem} — ${fix}`), options);
    this.file = file;
    this.rule = rule;
    this.fix = fix;
  }
}

const UNPRINTABLE = /[\p{Cc}\u2028\u2029]/u;
const UNPRINTABLE_ALL = /[\p{Cc}\u2028\u2029]/gu;

/**
 * A file name as messages show it: as is, or JSON-quoted with control characters escaped when it has any
 * (a newline in a name would otherwise split the message, or be folded into an ambiguous space).
 */
export function showFile(file: string): string {
  if (!UNPRINTABLE.test(file)) return file;
  return JSON.stringify(file).replace(
    UNPRINTABLE_ALL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
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
