import { useRef, useState } from "react";
import { matchesFilter } from "../state/picker.js";
import { applyKeys, initialField, keysOf, type TextFieldState } from "../state/text-field.js";
import { useKeys, useTyping } from "./use-keys.js";

export interface ListFilter {
  /** What is typed after `/`. */
  text: string;
  /** Keys go to the filter (the list should not take them). */
  typing: boolean;
  /** Whether a row's text passes the filter. */
  matches: (row: string) => boolean;
}

/**
 * A `/` filter for any list, as lazygit and k9s have: `/` starts it, typing edits it (the text field's
 * rules), Enter keeps it, Esc clears it (also once kept). `isActive` turns it off while the list is not shown.
 */
export function useListFilter(isActive = true): ListFilter {
  const [field, setField] = useState<TextFieldState>(initialField());
  // The value the previous keys of a chunk left (`abc\r` types, then keeps the filter).
  const latest = useRef(field);
  const edit = (next: TextFieldState) => {
    latest.current = next;
    setField(next);
  };
  const [typing, setTyping] = useState(false);
  useTyping(typing && isActive);
  useKeys(
    (input, key) => {
      if (!typing) {
        if (input === "/") setTyping(true);
        // A kept filter: Esc clears it (the screen's Esc only leaves once there is none).
        else if (key.escape) edit(initialField());
        return;
      }
      if (key.escape) {
        edit(initialField());
        setTyping(false);
      } else if (key.return) setTyping(false);
      else if (!(key.upArrow || key.downArrow || key.pageUp || key.pageDown)) {
        const { state, submitted } = applyKeys(latest.current, keysOf(input, key));
        edit(state);
        if (submitted !== undefined) setTyping(false);
      }
    },
    { isActive },
  );
  return { text: field.value, typing, matches: (row) => matchesFilter(row, field.value) };
}
