// Which key hints fit a footer of a given width. The keys that leave the screen (esc, q, ctrl-c) and `?`
// (which lists every key) are never dropped; the others go from the last (the least used) first, as
// lazygit shortens its footer. When even those do not fit, the actions' words go and the keys stay.
import stringWidth from "string-width";

export type Hint = readonly [key: string, action: string];

const SEPARATOR = " · ";
/** Keys that leave the screen or explain it: a footer must always show them. */
const KEPT_KEYS = new Set(["esc", "q", "ctrl-c", "?"]);

export function isKeptHint([key, action]: Hint): boolean {
  return (
    KEPT_KEYS.has(key) ||
    key.split("/").some((k) => KEPT_KEYS.has(k)) ||
    action === "back" ||
    action === "quit" ||
    action === "cancel"
  );
}

function widthOf(hints: readonly Hint[], withActions: boolean): number {
  return stringWidth(hints.map(([key, action]) => (withActions ? `${key} ${action}` : key)).join(SEPARATOR));
}

/** The hints to show in `width` columns, in their order, and whether their words fit (else keys only). */
export function fitHints(hints: readonly Hint[], width: number): { hints: Hint[]; actions: boolean } {
  const shown = [...hints];
  while (widthOf(shown, true) > width) {
    let drop = -1;
    for (let i = shown.length - 1; i >= 0; i--) {
      if (!isKeptHint(shown[i] as Hint)) {
        drop = i;
        break;
      }
    }
    if (drop === -1) return { hints: shown, actions: false };
    shown.splice(drop, 1);
  }
  return { hints: shown, actions: true };
}
