// Small checks the project file's validator shares: unknown keys (with a did-you-mean), value kinds, and
// how a value is named in a message.

/** Reports one problem; `count` says how many so far (an input is kept only if it added none). */
export type Problem = ((key: string, what: string, fix: string) => void) & { count(): number };

export function unknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
  problem: Problem,
) {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => closeEnough(k, key));
    problem(
      `${prefix}${key}`,
      "is not a known key",
      near
        ? `did you mean "${near}"? (keys here: ${known.join(", ")})`
        : `remove it (keys here: ${known.join(", ")})`,
    );
  }
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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

export function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return JSON.stringify(value) ?? String(value);
}
