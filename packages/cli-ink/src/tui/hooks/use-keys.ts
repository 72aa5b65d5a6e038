import { type Key, useInput, useStdin } from "ink";
import { useCallback, useContext, useRef } from "react";
import { TuiContext } from "../context.js";

/**
 * True when keys can be read: under a pipe Ink's useInput throws, so input hooks stay inactive there. Also
 * false while the app is stopping after Ctrl-C, so that no screen acts on a key any more.
 */
export function useInteractive(): boolean {
  const stopping = useContext(TuiContext)?.stopping ?? false;
  return useStdin().isRawModeSupported === true && !stopping;
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
