// A terminal made narrower re-wraps the lines already on it (tmux, most emulators), and Ink redraws once
// with the layout of the old width before React has the new one: the frame it then erases by its own line
// count leaves the extra rows behind, stale copies of the header after each shrink (three after
// 60 → 40 → 80 columns). Once the app has laid itself out for the new width, the screen is scrolled into
// the scrollback (nothing already printed is lost) and cleared, and Ink draws the frame afresh.
import { useEffect, useRef, useState } from "react";

const HOME_AND_ERASE_DOWN = "\u001B[H\u001B[J";

/** Forgets Ink's frame and leaves an empty screen, what was on it scrolled into the scrollback. */
export function clearScreen(stdout: NodeJS.WriteStream, forgetFrame: () => void): void {
  if (!stdout.isTTY) return;
  forgetFrame();
  stdout.write("\n".repeat(stdout.rows ?? 24) + HOME_AND_ERASE_DOWN);
}

/** Calls `clear` after a render at a narrower width, then renders again (Ink then draws the whole frame). */
export function useClearWhenNarrowed(columns: number, clear: (() => void) | undefined): void {
  const previous = useRef(columns);
  const [, redraw] = useState(0);
  useEffect(() => {
    const narrowed = columns < previous.current;
    previous.current = columns;
    if (!narrowed || !clear) return;
    clear();
    redraw((n) => n + 1);
  }, [columns, clear]);
}
