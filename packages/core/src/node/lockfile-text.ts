// The lockfile's text: stable (sorted paths and keys, 2-space JSON, final newline), so that diffs stay small
// and merges clean. Written in chunks: a 10,000-entry lockfile is rewritten after every batch of uploads,
// and one 3 MB string per write (allocated straight into the old generation) is what made a large sync's
// memory peak.
import { LOCKFILE_VERSION, type LockEntry } from "./lockfile.js";
import { emptySheets, type SheetSections } from "./lockfile-sheets.js";

/** Entries per chunk written: chunks stay small strings, collected young. */
const ENTRIES_PER_CHUNK = 200;

/** Each entry's serialised block, by path (entries are never changed in place): a write reuses them. */
const BLOCKS = new WeakMap<object, [string, string]>();

function serializeEntry(path: string, entry: Record<string, unknown>): string {
  const cached = BLOCKS.get(entry);
  if (cached?.[0] === path) return cached[1];
  const keys = Object.keys(entry).filter((key) => entry[key] !== undefined);
  const fields = keys.sort().map((key) => `      ${JSON.stringify(key)}: ${JSON.stringify(entry[key])}`);
  const block = `    ${JSON.stringify(path)}: {\n${fields.join(",\n")}\n    }`;
  BLOCKS.set(entry, [path, block]);
  return block;
}

export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0; // code-unit order: the same on every machine and locale
}

/** One section (`{ ... }`) in chunks. Written by hand: JSON.stringify would put integer-like paths first. */
function* sectionChunks(entries: ReadonlyMap<string, object>): Generator<string> {
  const paths = [...entries.keys()].sort(comparePaths);
  if (paths.length === 0) {
    yield "{}";
    return;
  }
  for (let start = 0; start < paths.length; start += ENTRIES_PER_CHUNK) {
    const blocks = paths
      .slice(start, start + ENTRIES_PER_CHUNK)
      .map((path) => serializeEntry(path, entries.get(path) as Record<string, unknown>));
    yield `${start === 0 ? "{\n" : ",\n"}${blocks.join(",\n")}`;
  }
  yield "\n  }";
}

/** The lockfile's text in chunks; the spritesheet sections appear only when they hold something. */
export function* serializeLockfileChunks(
  assets: ReadonlyMap<string, LockEntry>,
  sheets: SheetSections = emptySheets(),
): Generator<string> {
  yield `{\n  "version": ${LOCKFILE_VERSION},\n  "assets": `;
  yield* sectionChunks(assets);
  if (sheets.atlases.size > 0) {
    yield `,\n  "atlases": `;
    yield* sectionChunks(sheets.atlases);
  }
  if (sheets.sprites.size > 0) {
    yield `,\n  "sprites": `;
    yield* sectionChunks(sheets.sprites);
  }
  yield "\n}\n";
}

/** The lockfile's whole text. */
export function serializeLockfile(
  assets: ReadonlyMap<string, LockEntry>,
  sheets: SheetSections = emptySheets(),
): string {
  return [...serializeLockfileChunks(assets, sheets)].join("");
}
