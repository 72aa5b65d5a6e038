import { type Key, useInput, useStdin } from "ink";
import { useCallback, useContext, useEffect, useRef } from "react";
import { TuiContext } from "../context.js";

/**
 * True when keys can be read: under a pipe Ink's useInput throws, so input hooks stay inactive there. Also
 * false while the app is stopping after Ctrl-C, or while the `?` overlay is open, so that no screen acts
 * on a key then.
 */
export function useInteractive(): boolean {
  const tui = useContext(TuiContext);
  const paused = (tui?.stopping ?? false) || (tui?.helpOpen ?? false);
  return useStdin().isRawModeSupported === true && !paused;
}

/**
 * useInput that is only active when the terminal supports raw mode (and `isActive` allows). The handler
 * is read from a ref set on every render: useInput re-subscribes a new handler only once React has run
 * its passive effects, so a key that closely follows a render would otherwise reach the previous one.
 */
export function useKeys(
  handler: (input: string, key: Key) => void,
  options: { isActive?: boolean } = {},
): void {
  const interactive = useInteractive();
  const latest = useRef(handler);
  latest.current = handler;
  const stable = useCallback((input: string, key: Key) => latest.current(input, key), []);
  useInput(stable, { isActive: interactive && (options.isActive ?? true) });
}

/**
 * Esc goes back; so does q where no text is being typed (`allowQ`). Kept in one place so that every
 * screen behaves the same.
 */
export function useBackKey(onBack: () => void, options: { isActive?: boolean; allowQ?: boolean } = {}): void {
  useKeys(
    (input, key) => {
      if (key.escape || (options.allowQ && input === "q")) onBack();
    },
    { isActive: options.isActive ?? true },
  );
}

/** Says that keys are being typed as text (a field, a `/` filter): `?` is then a character, not help. */
export function useTyping(active: boolean): void {
  const typing = useContext(TuiContext)?.typing;
  useEffect(() => (active && typing ? typing() : undefined), [active, typing]);
}
