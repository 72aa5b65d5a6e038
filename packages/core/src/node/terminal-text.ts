// Text that came from a file or a server, made safe to show: control characters and escape sequences
// (which could move the cursor, recolour or retitle a terminal) never reach it.

/** Replaces C0/C1 control characters (escape sequences included) with `�`, and cuts text longer than `max`. */
export function sanitizeForTerminal(text: string, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|[\u0000-\u001f\u007f-\u009f]/g, "\ufffd");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** `line L, column C` of a JSON.parse failure, from the offset V8 reports; else `unreadable`. */
export function jsonErrorLocation(text: string, error: unknown): string {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  // Without a position (V8 quotes the text instead), the first control character is the likely culprit.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  const offset = match ? Number(match[1]) : text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  if (offset < 0) return "unreadable";
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}
