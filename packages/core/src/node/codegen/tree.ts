// The shape of a generated module, before any language: a tree of keys (nested style: folders, then file
// names) or one level of project paths (flat style), with each file's value.

/** A packed image: the atlas's id and the image's rectangle in it (from the process stage). */
export interface SpriteValue {
  image: string;
  offset: { x: number; y: number };
  size: { x: number; y: number };
}

/**
 * DPI variants of one image (`icon.png`, `icon@2x.png`, …): each scale's value, ascending by scale. The
 * modules make it a function of the DPI scale that returns the value of the highest scale not above it.
 */
export interface DpiValue {
  dpi: [scale: number, value: string | SpriteValue][];
}

/** What a key stands for: an asset reference (`rbxassetid://N`, `rbxasset://…`), a sprite, or DPI variants. */
export type CodegenValue = string | SpriteValue | DpiValue;

export function isDpi(value: CodegenValue): value is DpiValue {
  return typeof value === "object" && "dpi" in value;
}

export interface CodegenTree {
  /** Sorted by key (code point order), so that output never depends on the order files were found. */
  entries: [key: string, node: CodegenTree | CodegenValue][];
}

export function isTree(node: CodegenTree | CodegenValue): node is CodegenTree {
  return typeof node === "object" && "entries" in node;
}

/** One file: its path below the input's base (posix), and its value. */
export interface CodegenItem {
  key: string;
  value: CodegenValue;
}

/**
 * Nested style: folders become tables, files their name without extension (`strip`, the default) or with it.
 * Where two stripped names in one folder would meet (files that differ only by extension, or a file named
 * like a sibling folder), those files keep their extension.
 */
export function nestedTree(items: Iterable<CodegenItem>, strip = true): CodegenTree {
  interface Folder {
    folders: Map<string, Folder>;
    files: Map<string, CodegenValue>;
  }
  const top: Folder = { folders: new Map(), files: new Map() };
  for (const { key, value } of items) {
    const parts = key.split("/").filter((part) => part !== "");
    const name = parts.pop();
    if (name === undefined) continue;
    let folder = top;
    for (const part of parts) {
      let next = folder.folders.get(part);
      if (!next) {
        next = { folders: new Map(), files: new Map() };
        folder.folders.set(part, next);
      }
      folder = next;
    }
    folder.files.set(name, value);
  }
  const build = (folder: Folder): CodegenTree => {
    const stems = new Map<string, number>();
    for (const name of folder.files.keys()) stems.set(stemOf(name), (stems.get(stemOf(name)) ?? 0) + 1);
    const entries: CodegenTree["entries"] = [];
    for (const [name, value] of folder.files) {
      const stem = stemOf(name);
      const clash = !strip || stems.get(stem)! > 1 || folder.folders.has(stem);
      entries.push([clash ? name : stem, value]);
    }
    for (const [name, sub] of folder.folders) entries.push([name, build(sub)]);
    return { entries: entries.sort(([a], [b]) => compare(a, b)) };
  };
  return build(top);
}

/**
 * Flat style: one level keyed by path, without the last extension (`strip`) unless two paths would meet,
 * or with it.
 */
export function flatTree(items: Iterable<CodegenItem>, strip = true): CodegenTree {
  const byKey = new Map<string, CodegenValue>();
  for (const { key, value } of items) byKey.set(key, value);
  const stemOfPath = (key: string) => {
    const slash = key.lastIndexOf("/");
    return key.slice(0, slash + 1) + stemOf(key.slice(slash + 1));
  };
  const stems = new Map<string, number>();
  if (strip)
    for (const key of byKey.keys()) stems.set(stemOfPath(key), (stems.get(stemOfPath(key)) ?? 0) + 1);
  const entries: CodegenTree["entries"] = [...byKey].map(([key, value]) => {
    const stem = stemOfPath(key);
    return [strip && stems.get(stem) === 1 ? stem : key, value];
  });
  return { entries: entries.sort(([a], [b]) => compare(a, b)) };
}

/** A file name without its last extension; a dot file (`.png`) or a name without one stays whole. */
function stemOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
