import { oneLine } from "@rbxassets/core/internal";
import { colorsOn, failurePrefix } from "./color.js";
import { type ErrorReport, errorDocument } from "./errors.js";

/**
 * Where a command's words go: its result to stdout (one JSON document with `--json`, else concise text),
 * logs and progress to stderr. Every write passes through `redact`, a last guard so that a secret that
 * slipped into a server message never reaches the terminal.
 */
export interface Output {
  readonly json: boolean;
  /** The command's result: `data` as JSON with `--json`, otherwise the text `human()` returns. */
  result(data: unknown, human: () => string): void;
  /** A log or progress line, on stderr. */
  log(line: string): void;
  /** The one-line failure reason, on stderr. */
  error(message: string): void;
  /**
   * The command failed: its reason's lines on stderr and, under `--json` when no result was printed, the
   * one JSON document `{ "error": { message, rule, ... } }` on stdout (scripts always get a document).
   */
  fail(report: ErrorReport, lines?: readonly string[]): void;
  /** Whether a result or a failure document went to stdout. */
  readonly wroteDocument: boolean;
  /** The last failure line written by `error`, if any. */
  readonly lastError: string | undefined;
  /** Adds a redaction applied to everything written from now on. */
  redactWith(redact: (text: string) => string): void;
}

export interface OutputStreams {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

export function createOutput(options: { json: boolean; streams?: OutputStreams; color?: boolean }): Output {
  let wroteDocument = false;
  let lastError: string | undefined;
  const { stdout, stderr } = options.streams ?? { stdout: process.stdout, stderr: process.stderr };
  const redactions: Array<(text: string) => string> = [];
  const clean = (text: string) => redactions.reduce((acc, redact) => redact(acc), text);
  const withNewline = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  return {
    json: options.json,
    result(data, human) {
      const text = options.json ? JSON.stringify(data, null, 2) : human();
      if (text !== "") stdout.write(clean(withNewline(text)));
      wroteDocument ||= options.json;
    },
    log(line) {
      stderr.write(clean(withNewline(line)));
    },
    error(message) {
      lastError = message;
      const prefix = failurePrefix(options.color ?? (options.streams ? false : colorsOn(process.stderr)));
      stderr.write(clean(`${prefix} ${oneLine(message)}\n`));
    },
    fail(report, lines = [report.message]) {
      for (const line of lines) this.error(line);
      if (!options.json || wroteDocument) return;
      stdout.write(clean(withNewline(errorDocument(report))));
      wroteDocument = true;
    },
    get wroteDocument() {
      return wroteDocument;
    },
    get lastError() {
      return lastError;
    },
    redactWith(redact) {
      redactions.push(redact);
    },
  };
}

/** A file path as it is safe to print in a log line or a table: core's one rule for showing a file. */
export { showFile as showPath } from "@rbxassets/core";

/** Aligned `key  value` lines; undefined values are left out. */
export function keyValues(pairs: ReadonlyArray<readonly [string, string | undefined]>): string {
  const present = pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined);
  const width = Math.max(0, ...present.map(([key]) => key.length));
  return present.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join("\n");
}

/** A plain table: a header row, then one row per item, columns padded to their widest cell. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}
