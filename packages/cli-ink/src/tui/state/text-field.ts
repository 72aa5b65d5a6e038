// A one-line text field: its value, the cursor, and what each key does to them. Pure, so that every text
// field of the TUI edits the same way and the rules are unit-tested without a terminal.
//
// Input arrives in chunks, not keys: a paste without bracketed paste is its text plus `\r` in one chunk, a
// held Backspace is `\x7f\x7f\x7f`, a slow link joins keys. `keysOf` splits a chunk into keys, and no
// control character is ever stored in the value.

/** What one key does to a field. */
export type FieldKey =
  | { kind: "insert"; text: string }
  | { kind: "backspace" }
  | { kind: "delete" }
  | { kind: "left" }
  | { kind: "right" }
  | { kind: "word-left" }
  | { kind: "word-right" }
  | { kind: "home" }
  | { kind: "end" }
  /** Ctrl-U: delete from the start of the line to the cursor. */
  | { kind: "kill-before" }
  /** Ctrl-K: delete from the cursor to the end of the line. */
  | { kind: "kill-after" }
  /** Ctrl-W, Alt-Backspace: delete the word before the cursor. */
  | { kind: "kill-word" }
  | { kind: "submit" };

/** The subset of Ink's `Key` the field reads. */
export interface KeyFlags {
  return?: boolean;
  backspace?: boolean;
  delete?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  escape?: boolean;
  tab?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

export interface TextFieldState {
  value: string;
  /** Cursor position in code points, 0..length. */
  cursor: number;
}

export function initialField(value = ""): TextFieldState {
  const clean = sanitize(value);
  return { value: clean, cursor: Array.from(clean).length };
}

const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

/** The text without control characters; line breaks and tabs become spaces (a pasted line stays one line). */
export function sanitize(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, " ").replace(CONTROL, "");
}

/** Ctrl-letter keys the field knows, as Ink reports them (`input` is the letter, `ctrl` is set). */
const CTRL_KEYS: Record<string, FieldKey> = {
  a: { kind: "home" },
  e: { kind: "end" },
  b: { kind: "left" },
  f: { kind: "right" },
  u: { kind: "kill-before" },
  k: { kind: "kill-after" },
  w: { kind: "kill-word" },
  h: { kind: "backspace" },
  d: { kind: "delete" },
};

/** The same keys as raw bytes inside a chunk (Ink reports a chunk of several keys as one `input`). */
const CONTROL_BYTES: Record<string, FieldKey> = {
  "\r": { kind: "submit" },
  "\n": { kind: "submit" },
  "\x7f": { kind: "backspace" },
  "\b": { kind: "backspace" },
  "\x01": { kind: "home" },
  "\x05": { kind: "end" },
  "\x15": { kind: "kill-before" },
  "\x0b": { kind: "kill-after" },
  "\x17": { kind: "kill-word" },
};

/**
 * The keys in one chunk of input as Ink reports it. Navigation keys the field does not own (Esc, Tab,
 * Up/Down, PgUp/PgDn) give no key: the screen handles them.
 */
export function keysOf(input: string, key: KeyFlags): FieldKey[] {
  if (key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return [];
  if (key.return) return [{ kind: "submit" }];
  if (key.backspace) return [key.meta ? { kind: "kill-word" } : { kind: "backspace" }];
  if (key.delete) return [{ kind: "delete" }];
  if (key.leftArrow) return [key.ctrl || key.meta ? { kind: "word-left" } : { kind: "left" }];
  if (key.rightArrow) return [key.ctrl || key.meta ? { kind: "word-right" } : { kind: "right" }];
  if (key.home) return [{ kind: "home" }];
  if (key.end) return [{ kind: "end" }];
  if (key.ctrl) {
    const known = CTRL_KEYS[input.toLowerCase()];
    return known ? [known] : [];
  }
  if (key.meta) {
    if (input === "b") return [{ kind: "word-left" }];
    if (input === "f") return [{ kind: "word-right" }];
    return [];
  }
  return splitChunk(input);
}

/** Splits raw text into inserts and the control keys between them; unknown control bytes are dropped. */
export function splitChunk(chunk: string): FieldKey[] {
  const keys: FieldKey[] = [];
  let text = "";
  const flush = () => {
    if (text !== "") keys.push({ kind: "insert", text });
    text = "";
  };
  const chars = Array.from(chunk);
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const control = CONTROL_BYTES[char];
    if (control) {
      flush();
      // `\r\n` is one Enter.
      if (char === "\r" && chars[i + 1] === "\n") i++;
      keys.push(control);
    } else if (char === "\x1b") {
      // The rest of an escape sequence Ink did not resolve: not text.
      flush();
      while (i + 1 < chars.length && !/[A-Za-z~]/.test(chars[i + 1]!)) i++;
      i++;
    } else if (!/[\p{Cc}\u2028\u2029]/u.test(char)) {
      text += char;
    }
  }
  flush();
  return keys;
}

/** A bracketed paste: its text is inserted, its line breaks become spaces and never submit. */
export function pasteKeys(text: string): FieldKey[] {
  const clean = sanitize(text);
  return clean === "" ? [] : [{ kind: "insert", text: clean }];
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);

function wordStartBefore(chars: string[], cursor: number): number {
  let i = cursor;
  while (i > 0 && !isWordChar(chars[i - 1])) i--;
  while (i > 0 && isWordChar(chars[i - 1])) i--;
  return i;
}

function wordEndAfter(chars: string[], cursor: number): number {
  let i = cursor;
  while (i < chars.length && !isWordChar(chars[i])) i++;
  while (i < chars.length && isWordChar(chars[i])) i++;
  return i;
}

/** Applies one key; `submit` leaves the state as it is (the view reports the value). */
export function applyKey(state: TextFieldState, key: FieldKey, maxLength?: number): TextFieldState {
  const chars = Array.from(state.value);
  const cursor = Math.min(Math.max(0, state.cursor), chars.length);
  const at = (value: string[], position: number): TextFieldState => ({
    value: value.join(""),
    cursor: position,
  });
  switch (key.kind) {
    case "insert": {
      let inserted = Array.from(sanitize(key.text));
      if (maxLength !== undefined) inserted = inserted.slice(0, Math.max(0, maxLength - chars.length));
      if (inserted.length === 0) return state;
      return at([...chars.slice(0, cursor), ...inserted, ...chars.slice(cursor)], cursor + inserted.length);
    }
    case "backspace":
      return cursor === 0 ? state : at([...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor - 1);
    case "delete":
      return cursor >= chars.length
        ? state
        : at([...chars.slice(0, cursor), ...chars.slice(cursor + 1)], cursor);
    case "left":
      return at(chars, Math.max(0, cursor - 1));
    case "right":
      return at(chars, Math.min(chars.length, cursor + 1));
    case "word-left":
      return at(chars, wordStartBefore(chars, cursor));
    case "word-right":
      return at(chars, wordEndAfter(chars, cursor));
    case "home":
      return at(chars, 0);
    case "end":
      return at(chars, chars.length);
    case "kill-before":
      return at(chars.slice(cursor), 0);
    case "kill-after":
      return at(chars.slice(0, cursor), cursor);
    case "kill-word": {
      const start = wordStartBefore(chars, cursor);
      return at([...chars.slice(0, start), ...chars.slice(cursor)], start);
    }
    case "submit":
      return state;
  }
}

/**
 * Applies a chunk's keys in order, up to its first Enter: a paste of `123\r` submits `123`. What follows
 * that Enter is dropped, since the field it was typed for is usually gone once the value is submitted.
 */
export function applyKeys(
  state: TextFieldState,
  keys: readonly FieldKey[],
  maxLength?: number,
): { state: TextFieldState; submitted: string | undefined } {
  let current = state;
  for (const key of keys) {
    if (key.kind === "submit") return { state: current, submitted: current.value };
    current = applyKey(current, key, maxLength);
  }
  return { state: current, submitted: undefined };
}

/**
 * What part of the value fits `width` columns with the cursor in view: the text before the cursor, the
 * character under it (a space at the end), and the text after it.
 */
export function visibleParts(
  state: TextFieldState,
  width: number,
): { before: string; under: string; after: string } {
  const chars = Array.from(state.value);
  const cursor = Math.min(state.cursor, chars.length);
  const room = Math.max(2, width);
  let from = 0;
  if (cursor >= room) from = cursor - room + 1;
  const to = Math.min(chars.length, from + room - 1);
  return {
    before: chars.slice(from, cursor).join(""),
    under: chars[cursor] ?? " ",
    after: chars.slice(cursor + 1, Math.max(cursor + 1, to)).join(""),
  };
}
