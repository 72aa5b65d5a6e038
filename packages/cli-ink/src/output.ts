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
  /** Adds a redaction applied to everything written from now on. */
  redactWith(redact: (text: string) => string): void;
}

export interface OutputStreams {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

export function createOutput(options: { json: boolean; streams?: OutputStreams }): Output {
  const { stdout, stderr } = options.streams ?? { stdout: process.stdout, stderr: process.stderr };
  const redactions: Array<(text: string) => string> = [];
  const clean = (text: string) => redactions.reduce((acc, redact) => redact(acc), text);
  const withNewline = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  return {
    json: options.json,
    result(data, human) {
      const text = options.json ? JSON.stringify(data, null, 2) : human();
      if (text !== "") stdout.write(clean(withNewline(text)));
    },
    log(line) {
      stderr.write(clean(withNewline(line)));
    },
    error(message) {
      stderr.write(clean(`rbxassets: ${message.replace(/\s*\n\s*/g, " ")}\n`));
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
