// Times as a person reads them: local time to the minute, and how long ago when that is recent enough to
// matter. `--json` keeps the API's own timestamps.

const RECENT_MS = 30 * 24 * 60 * 60 * 1000;

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ["day", 24 * 60 * 60 * 1000],
  ["hour", 60 * 60 * 1000],
  ["minute", 60 * 1000],
  ["second", 1000],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const pad = (n: number) => String(n).padStart(2, "0");

/** `2026-12-01 22:04 (3 minutes ago)` in the local time zone; the text unchanged when it is not a time. */
export function formatTime(iso: string, now: number = Date.now()): string {
  const date = new Date(iso);
  const ms = date.getTime();
  if (Number.isNaN(ms)) return iso;
  const local = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const elapsed = now - ms;
  if (Math.abs(elapsed) > RECENT_MS) return local;
  const [unit, size] = UNITS.find(([, size]) => Math.abs(elapsed) >= size) ?? UNITS.at(-1)!;
  return `${local} (${relative.format(-Math.round(elapsed / size), unit)})`;
}
