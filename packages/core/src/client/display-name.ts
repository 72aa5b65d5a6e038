// The default display name of an upload: one rule for the pipeline, the CLI and the TUI.
import { limits } from "@rbxassets/spec";

/** Length in code points, the unit the display-name and description limits are counted in. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** `text` cut to at most `max` code points (never splitting a surrogate pair). */
export function truncateCodePoints(text: string, max: number): string {
  return codePointLength(text) <= max ? text : [...text].slice(0, max).join("");
}

/**
 * The name an upload gets when none is given: the file's base name without its extension, trimmed (the whole
 * base name when that leaves nothing, as for `.png`), cut to the spec's display-name limit in code points.
 * Takes a path with either separator; no file system.
 */
export function defaultDisplayName(path: string): string {
  const base = path.split(/[\\/]/).filter(Boolean).pop() ?? path;
  const dot = base.lastIndexOf(".");
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim() || base;
  // Cut at the limit, a space can end up last: the service would keep it in the name.
  return truncateCodePoints(stem, limits.maxDisplayNameLength).trimEnd();
}
