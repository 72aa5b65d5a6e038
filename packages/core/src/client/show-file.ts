// How a file name is shown in one line of output; the pipeline, the CLI, the TUI and the plugins all use it.

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
