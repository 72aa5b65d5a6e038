import { useWindowSize } from "ink";

/**
 * Rows every screen spends around its body: the app's header, the title, two margins and the key hints,
 * and a list's two `↑ n more` / `↓ n more` lines. A frame taller than the terminal scrolls the header away.
 */
const CHROME_ROWS = 8;
const MIN_LIST_ROWS = 2;

export interface Layout {
  columns: number;
  rows: number;
  /** Rows a list may show when the rest of its screen takes `reserved` rows besides the chrome. */
  listRows(reserved: number): number;
}

/** The terminal's size, followed on resize: screens fit it instead of a fixed box. */
export function useLayout(): Layout {
  const { columns, rows } = useWindowSize();
  return {
    columns: Math.max(20, columns),
    rows: Math.max(10, rows),
    listRows: (reserved) => Math.max(MIN_LIST_ROWS, rows - CHROME_ROWS - reserved),
  };
}
