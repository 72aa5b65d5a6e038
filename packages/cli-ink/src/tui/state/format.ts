// Turning API values into short, readable text for a terminal. Spellings and ids come from core's helpers.
import { versionNumberOf as coreVersionNumberOf, normalizeModerationState } from "@rbxassets/core";
import { normalizeAssetType } from "@rbxassets/core/internal";
import stringWidth from "string-width";

/** `ASSET_TYPE_DECAL` (2023 responses) and `Decal` both read as `Decal`. */
export function assetTypeLabel(type: string | undefined): string {
  return type ? normalizeAssetType(type) : "?";
}

/** `MODERATION_STATE_APPROVED` and `Approved` both read as `Approved`; missing reads as `Unknown`. */
export function moderationLabel(state: string | undefined): string {
  return state ? normalizeModerationState(state) : "Unknown";
}

export function moderationColor(state: string | undefined): "green" | "yellow" | "red" | "gray" {
  switch (moderationLabel(state)) {
    case "Approved":
      return "green";
    case "Reviewing":
      return "yellow";
    case "Rejected":
      return "red";
    default:
      return "gray";
  }
}

/** The version number in `assets/{id}/versions/{n}`, or undefined (core's parser). */
export function versionNumberOf(path: string | undefined): number | undefined {
  try {
    return path ? coreVersionNumberOf({ path: path as `assets/${string}/versions/${string}` }) : undefined;
  } catch {
    return undefined;
  }
}

/** The id in `assets/{id}`, or the text itself when it is not a path. */
export function assetIdOfPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return /^assets\/(\d+)$/.exec(path)?.[1] ?? path;
}

export function creatorLabel(creator: { userId?: string; groupId?: string } | undefined): string {
  if (creator?.userId) return `user:${creator.userId}`;
  if (creator?.groupId) return `group:${creator.groupId}`;
  return "unknown";
}

/** `0:07`, `3:25`, `1:02:03`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** Files per second, shown per minute when slow so that the number stays readable. */
export function formatRate(perSecond: number | undefined): string {
  if (perSecond === undefined || !Number.isFinite(perSecond) || perSecond <= 0) return "–";
  if (perSecond < 1) return `${(perSecond * 60).toFixed(1)} files/min`;
  return `${perSecond.toFixed(1)} files/s`;
}

// Cut by grapheme (so never inside a code point, an emoji sequence or an accent) and measured in terminal
// columns with the width rules ink lays out by (a 🚀 or 漢 takes two).
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Whole characters of `parts`, in order, that fit in `width` columns. */
function fitting(parts: string[], width: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const part of parts) {
    const w = stringWidth(part);
    if (used + w > width) break;
    kept.push(part);
    used += w;
  }
  return kept;
}

const charsOf = (text: string) => Array.from(graphemes.segment(text), (s) => s.segment);

/** Shortens text to `width` columns, keeping the end (the file name) of a path visible. */
export function truncateStart(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? "…" : "";
  return `…${fitting(charsOf(text).reverse(), width - 1)
    .reverse()
    .join("")}`;
}

export function truncateEnd(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? "…" : "";
  return `${fitting(charsOf(text), width - 1).join("")}…`;
}

/** `text` padded with spaces to `width` columns (String#padEnd counts UTF-16 units, not columns). */
export function padColumns(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

/** One line of possibly multi-line user text. */
export function oneLine(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

export function plural(count: number, word: string, plural = `${word}s`): string {
  return `${count} ${count === 1 ? word : plural}`;
}

/** `3 minutes ago`, `in 2 hours`, `just now`: how far `then` is from `now`. */
export function relativeTime(then: number, now: number): string {
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 365 * 86400],
    ["month", 30 * 86400],
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) {
    if (abs >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), "minute");
}

/**
 * An API timestamp in the user's local time with how long ago it was: `2026-12-01 21:07 (3 minutes ago)`.
 * Text that is not a time is shown as it came.
 */
export function formatTime(iso: string | undefined, now = Date.now()): string {
  if (!iso) return "";
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, "0");
  const local = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return `${local} (${relativeTime(at, now)})`;
}
