/**
 * A value known only once every module is loaded (the asset map, which includes ids uploaded during the
 * build) cannot be written by `load`: the module stands in a placeholder string that `renderChunk` swaps for
 * the real value. Minifiers may change the placeholder's quotes, never its text.
 */
export function placeholderLiteral(token: string): string {
  return JSON.stringify(token);
}

export interface Replaced {
  code: string;
  /** A source map of the replacement (lines are kept; only columns after a replacement move). */
  map: { version: 3; sources: string[]; names: string[]; mappings: string };
}

/** Replaces every quoted `token` in `code` by `literal` (a JS expression on one line); undefined if absent. */
export function replacePlaceholder(code: string, token: string, literal: string): Replaced | undefined {
  const pattern = new RegExp(`(["'\`])${escapeRegExp(token)}\\1`, "g");
  const edits: { start: number; oldEnd: number }[] = [];
  const out = code.replace(pattern, (match, _quote, offset: number) => {
    edits.push({ start: offset, oldEnd: offset + match.length });
    return literal;
  });
  if (edits.length === 0) return undefined;
  return {
    code: out,
    map: { version: 3, sources: [""], names: [], mappings: lineMappings(code, edits, literal.length) },
  };
}

/**
 * Mappings that keep every line and column, except that text after an edit on its line moves by the
 * difference in length: one segment per line start, and two around each edit.
 */
function lineMappings(code: string, edits: { start: number; oldEnd: number }[], newLength: number): string {
  const lines: string[] = [];
  let previousSourceLine = 0;
  let previousSourceColumn = 0;
  let lineStart = 0;
  let editIndex = 0;
  const lineTexts = code.split("\n");
  for (let line = 0; line < lineTexts.length; line++) {
    const lineEnd = lineStart + lineTexts[line]!.length;
    const segments: [generated: number, source: number][] = [[0, 0]];
    let shift = 0;
    while (editIndex < edits.length && edits[editIndex]!.start <= lineEnd) {
      const edit = edits[editIndex]!;
      const column = edit.start - lineStart;
      const oldEndColumn = edit.oldEnd - lineStart;
      segments.push([column + shift, column]);
      shift += newLength - (edit.oldEnd - edit.start);
      segments.push([oldEndColumn + shift, oldEndColumn]);
      editIndex++;
    }
    let previousGenerated = 0;
    lines.push(
      segments
        .map(([generated, sourceColumn]) => {
          const segment =
            vlq(generated - previousGenerated) +
            vlq(0) +
            vlq(line - previousSourceLine) +
            vlq(sourceColumn - previousSourceColumn);
          previousGenerated = generated;
          previousSourceLine = line;
          previousSourceColumn = sourceColumn;
          return segment;
        })
        .join(","),
    );
    lineStart = lineEnd + 1;
  }
  return lines.join(";");
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = "";
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
