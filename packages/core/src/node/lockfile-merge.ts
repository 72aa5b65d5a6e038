// Lockfile merging, for teams: git's merge driver (`rbxassets lockfile merge %O %A %B`) and a lockfile that
// already holds conflict markers (merged by `Lockfile.open`). A three-way union by path, then by content:
// what either side added is kept, what one side removed and the other left alone goes, and when the two
// sides recorded different assets for the same content one is kept for both, deterministically (the one
// base had, else the lower id), and reported.
import { PipelineError } from "./errors.js";
import { type LockData, type LockEntry, parseLockfile, serializeLockfile, sortedIds } from "./lockfile.js";
import { emptySheets, type SheetSections } from "./lockfile-sheets.js";

/** Two sides that recorded different assets for one content (or one path); `kept` won, `dropped` lost. */
export interface LockfileMergeConflict {
  /** The path (or the content hash, for a content conflict) concerned. */
  key: string;
  kind: "same-content" | "same-path";
  kept: string;
  dropped: string;
}

export interface LockfileMergeResult {
  /** The merged lockfile's text (the stable serialisation). */
  text: string;
  data: LockData;
  /** Entries the merge had to choose between; empty when the sides never disagreed. */
  conflicts: LockfileMergeConflict[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The lower of two digit-string ids. */
const lowerId = (a: string, b: string) => (BigInt(a) <= BigInt(b) ? a : b);

/** Three-way merge of one keyed section: added on either side kept, removed on one unchanged side goes. */
function mergeSection<T>(
  base: ReadonlyMap<string, T>,
  ours: ReadonlyMap<string, T>,
  theirs: ReadonlyMap<string, T>,
  choose: (key: string, a: T, b: T) => T,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const key of new Set([...ours.keys(), ...theirs.keys(), ...base.keys()])) {
    const b = base.get(key);
    const o = ours.get(key);
    const t = theirs.get(key);
    if (o === undefined && t === undefined) continue;
    if (o === undefined) {
      // Ours removed it: gone unless theirs changed it since base.
      if (b === undefined || !same(b, t)) out.set(key, t as T);
      continue;
    }
    if (t === undefined) {
      if (b === undefined || !same(b, o)) out.set(key, o);
      continue;
    }
    if (same(o, t) || same(t, b)) out.set(key, o);
    else if (same(o, b)) out.set(key, t);
    else out.set(key, choose(key, o, t));
  }
  return out;
}

/** An entry without its grants (grants made on two branches merge; the rest must agree). */
function withoutGrants<T extends { grants?: string[] }>(entry: T): Omit<T, "grants"> {
  const { grants: _, ...rest } = entry;
  return rest;
}

/** The entry with the grants of both sides. */
function unionGrants<T extends { grants?: string[] }>(x: T, y: T): T {
  const grants = sortedIds([...(x.grants ?? []), ...(y.grants ?? [])]);
  return { ...x, ...(grants.length > 0 ? { grants } : {}) };
}

/** The content an entry holds: one asset per content, creator, type and processing. */
const contentKey = (entry: LockEntry) =>
  `${entry.hash}\0${entry.creator}\0${entry.assetType}\0${entry.process ?? ""}`;

/**
 * Merges three lockfile texts (git's base, ours, theirs; an empty text is an empty lockfile). Throws a
 * PipelineError naming `file` when a side is not a valid lockfile.
 */
export function mergeLockfiles(
  base: string,
  ours: string,
  theirs: string,
  file = "rbxassets.lock.json",
): LockfileMergeResult {
  const [b, o, t] = [base, ours, theirs].map((text) => parseLockfile(text, file)) as [
    LockData,
    LockData,
    LockData,
  ];
  const conflicts: LockfileMergeConflict[] = [];
  const baseIds = new Set([...b.assets.values()].map((entry) => entry.assetId));
  const prefer = (x: LockEntry, y: LockEntry) =>
    baseIds.has(x.assetId) !== baseIds.has(y.assetId)
      ? baseIds.has(x.assetId)
        ? x
        : y
      : lowerId(x.assetId, y.assetId) === x.assetId
        ? x
        : y;
  const assets = mergeSection(b.assets, o.assets, t.assets, (key, x, y) => {
    // The same asset with grants made on both sides: it holds every one of them.
    if (x.assetId === y.assetId && same(withoutGrants(x), withoutGrants(y))) return unionGrants(x, y);
    const kept = prefer(x, y);
    const dropped = kept === x ? y : x;
    conflicts.push({ key, kind: "same-path", kept: kept.assetId, dropped: dropped.assetId });
    return kept;
  });
  // One asset per content: where the sides uploaded the same content twice, every path takes one of them.
  const chosen = new Map<string, LockEntry>();
  for (const entry of assets.values()) {
    const key = contentKey(entry);
    const held = chosen.get(key);
    if (held === undefined) chosen.set(key, entry);
    else if (held.assetId !== entry.assetId) {
      const kept = prefer(held, entry);
      const dropped = kept === held ? entry : held;
      if (!conflicts.some((c) => c.kind === "same-content" && c.dropped === dropped.assetId)) {
        conflicts.push({
          key: entry.hash,
          kind: "same-content",
          kept: kept.assetId,
          dropped: dropped.assetId,
        });
      }
      chosen.set(key, kept);
    }
  }
  for (const [path, entry] of assets) {
    const kept = chosen.get(contentKey(entry))!;
    if (kept.assetId !== entry.assetId) assets.set(path, { ...kept });
  }
  const sheets: SheetSections = emptySheets();
  sheets.atlases = mergeSection(b.atlases, o.atlases, t.atlases, (_key, x, y) =>
    x.assetId === y.assetId && same(withoutGrants(x), withoutGrants(y)) ? unionGrants(x, y) : x,
  );
  sheets.sprites = mergeSection(b.sprites, o.sprites, t.sprites, (_key, x) => x);
  const text = serializeLockfile(assets, sheets);
  return { text, data: { version: o.version, assets, ...sheets }, conflicts };
}

const START = /^<{7}(?: |$)/;
const BASE = /^\|{7}(?: |$)/;
const MIDDLE = /^={7}$/;
const END = /^>{7}(?: |$)/;

/** Whether text holds git conflict markers. */
export function hasConflictMarkers(text: string): boolean {
  return /^(<{7}|>{7})(?: |$)/m.test(text);
}

/**
 * Splits a lockfile holding git conflict markers into the two sides (and base, with `merge.conflictStyle
 * diff3`) and merges them as the driver would. Throws a PipelineError naming `file` when the markers are
 * unbalanced or a side is not a valid lockfile.
 */
export function resolveConflictMarkers(text: string, file = "rbxassets.lock.json"): LockfileMergeResult {
  const sides = { ours: [] as string[], base: [] as string[], theirs: [] as string[] };
  let state: "shared" | "ours" | "base" | "theirs" = "shared";
  let sawBase = false;
  const unbalanced = () =>
    new PipelineError(
      file,
      "lockfile",
      "the lockfile's git conflict markers are unbalanced",
      "restore it from git and merge again (git checkout -m -- <file>)",
    );
  for (const line of text.split("\n")) {
    if (START.test(line)) {
      if (state !== "shared") throw unbalanced();
      state = "ours";
    } else if (BASE.test(line) && state === "ours") {
      state = "base";
      sawBase = true;
    } else if (MIDDLE.test(line) && (state === "ours" || state === "base")) {
      state = "theirs";
    } else if (END.test(line)) {
      if (state !== "theirs") throw unbalanced();
      state = "shared";
    } else if (state === "shared") {
      sides.ours.push(line);
      sides.base.push(line);
      sides.theirs.push(line);
    } else sides[state].push(line);
  }
  if (state !== "shared") throw unbalanced();
  // Without a base section the merge is a plain union: nothing is removed.
  return mergeLockfiles(
    sawBase ? sides.base.join("\n") : "",
    sides.ours.join("\n"),
    sides.theirs.join("\n"),
    file,
  );
}

/** The one line a run says after merging a lockfile that held conflict markers; undefined when it did not. */
export function mergeNotice(conflicts: readonly LockfileMergeConflict[] | undefined): string | undefined {
  if (conflicts === undefined) return undefined;
  const chosen = conflicts.map((c) => `kept ${c.kept} over ${c.dropped}`).join(", ");
  return `the lockfile held git conflict markers: merged both sides (union by content)${chosen ? `; ${chosen}` : ""}`;
}
