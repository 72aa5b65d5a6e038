// How the project file's problems are worded: `<key>: <what is wrong> — <what to write instead>`. The
// schema gives each check its `<what> — <fix>` message; the checker puts the key in front.
import type { BaseIssue } from "valibot";

/** A check's message, from the value it refused. */
export type Message = (issue: BaseIssue<unknown>) => string;

/** `<what> — <fix>`, with `what` worded from the refused value. */
export function says(what: (input: unknown) => string, fix: string): Message {
  return (issue) => `${what(issue.input)} — ${fix}`;
}

/** A value as a problem line shows it: JSON for scalars, its kind for the rest. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return JSON.stringify(value) ?? String(value);
}

/** Damerau-free edit distance of at most 2, or the same letters in another case: a likely typo. */
export function closeEnough(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 2) return false;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = [i];
    for (let j = 1; j <= n; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[n]! <= 2;
}
