// Text that came from a file or a server, made safe to show: control characters and escape sequences
// (which could move the cursor, recolour or retitle a terminal) never reach it.

/** Replaces C0/C1 control characters (escape sequences included) with `�`, and cuts text longer than `max`. */
export function sanitizeForTerminal(text: string, max = 200): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|[\u0000-\u001f\u007f-\u009f]/g, "\ufffd");
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
