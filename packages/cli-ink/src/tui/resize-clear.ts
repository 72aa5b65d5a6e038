// A terminal made narrower re-wraps the lines already on it (tmux, most emulators), so the frame Ink
// erases by its own line count leaves the extra rows behind: stale copies of the header after each shrink
// (three after 60 → 40 → 80 columns). Before Ink redraws, the screen is scrolled into the scrollback and
// cleared, so the new frame starts on an empty screen and nothing already printed is lost.

const HOME_AND_ERASE_DOWN = "\u001B[H\u001B[J";

/** Registers the clearing on `stdout`'s resize; call before Ink's render so that it runs first. */
export function clearOnNarrowing(stdout: NodeJS.WriteStream): () => void {
  let width = stdout.columns ?? 80;
  const onResize = () => {
    const now = stdout.columns ?? width;
    if (now < width && stdout.isTTY) stdout.write("\n".repeat(stdout.rows ?? 24) + HOME_AND_ERASE_DOWN);
    width = now;
  };
  stdout.prependListener("resize", onResize);
  return () => {
    stdout.off("resize", onResize);
  };
}
