import { MaxRectsPacker } from "maxrects-packer/dist/maxrects-packer.mjs";

/** One image to place: its size in pixels, without padding. */
export interface SpriteInput {
  file: string;
  /** Source hash plus processing fingerprint: equal keys mean equal pixels. */
  key: string;
  width: number;
  height: number;
}

/** A sprite's place: (`x`, `y`) is its top-left pixel inside the atlas, padding excluded. */
export interface PlacedSprite extends SpriteInput {
  atlas: string;
  x: number;
  y: number;
}

export interface AtlasLayout {
  /** Stable name, `<group>#<n>`. */
  name: string;
  width: number;
  height: number;
  /** Sorted by file. */
  sprites: PlacedSprite[];
}

export interface LayoutPlan {
  atlases: AtlasLayout[];
  /** Names of atlases whose content differs from the previous layout's: only these are rendered and sent. */
  changed: string[];
  /** True when the layout was packed afresh (asked for, or past the waste threshold). */
  repacked: boolean;
}

export interface LayoutOptions {
  group: string;
  maxSize: number;
  padding: number;
  /** Pack everything afresh, ignoring the previous layout. */
  repack?: boolean;
}

/**
 * The share of the atlases' area (`maxSize` squared each) left empty, by holes that removed or resized
 * images left, past which the layout is packed afresh when a fresh packing also needs fewer atlases: below it, keeping every unchanged atlas as
 * it is saves more uploads than the tighter packing would.
 */
export const REPACK_WASTE_THRESHOLD = 0.25;

/**
 * Places `sprites` into atlases, keeping the previous layout wherever it still holds, so that adding,
 * changing or removing one image changes only the atlases it touches:
 * - an unchanged image keeps its atlas and rect; a changed one of the same size keeps its rect;
 * - new images and resized ones go first into atlases that change anyway, then into the last (partly
 *   filled) atlas, each re-packed with its own sprites when all still fit in it, and the rest into new
 *   atlases;
 * - an atlas with no image left is dropped.
 * Deterministic: inputs are sorted by file, and maxrects-packer places a sorted list the same way each time.
 * Every sprite's padded cell (size plus `padding` on each side) must fit in `maxSize`; the caller uploads
 * larger images on their own.
 */
export function planLayout(
  sprites: readonly SpriteInput[],
  previous: readonly PlacedSprite[],
  options: LayoutOptions,
): LayoutPlan {
  const sorted = [...sprites].sort(byFile);
  const previousAtlases = groupByAtlas(previous);
  const fresh = () => packFresh(sorted, options, 0);
  if (options.repack || previous.length === 0) {
    const atlases = fresh();
    return { atlases, changed: changedNames(atlases, previousAtlases), repacked: previous.length > 0 };
  }
  const atlases = packStable(sorted, previousAtlases, options);
  const freshAtlases = fresh();
  if (freshAtlases.length < atlases.length && waste(atlases, options) > REPACK_WASTE_THRESHOLD) {
    return { atlases: freshAtlases, changed: changedNames(freshAtlases, previousAtlases), repacked: true };
  }
  return { atlases, changed: changedNames(atlases, previousAtlases), repacked: false };
}

function packStable(
  sorted: SpriteInput[],
  previousAtlases: Map<string, PlacedSprite[]>,
  options: LayoutOptions,
): AtlasLayout[] {
  const before = new Map<string, PlacedSprite>();
  for (const sprites of previousAtlases.values())
    for (const sprite of sprites) before.set(sprite.file, sprite);
  const kept = new Map<string, PlacedSprite[]>([...previousAtlases.keys()].map((name) => [name, []]));
  const touched = new Set<string>();
  const pending: SpriteInput[] = [];
  for (const sprite of sorted) {
    const old = before.get(sprite.file);
    if (old && old.width === sprite.width && old.height === sprite.height) {
      kept.get(old.atlas)!.push({ ...sprite, atlas: old.atlas, x: old.x, y: old.y });
      if (old.key !== sprite.key) touched.add(old.atlas);
    } else {
      if (old) touched.add(old.atlas);
      pending.push(sprite);
    }
  }
  const current = new Set(sorted.map((sprite) => sprite.file));
  for (const sprite of before.values()) if (!current.has(sprite.file)) touched.add(sprite.atlas);

  const names = [...kept.keys()].sort(byAtlasNumber);
  const last = names.at(-1);
  const candidates = names.filter((name) => touched.has(name));
  if (last !== undefined && !touched.has(last)) candidates.push(last);
  let waiting = pending;
  for (const name of candidates) {
    if (waiting.length === 0) break;
    const members = kept.get(name)!;
    if (members.length === 0) continue;
    const trial = packFresh([...members, ...waiting].sort(byFile), options, 0, name);
    const first = trial[0]!;
    const placed = new Set(first.sprites.map((sprite) => sprite.file));
    // Accepted only when every sprite already there still fits and at least one new one joins.
    if (!members.every((sprite) => placed.has(sprite.file)) || placed.size === members.length) continue;
    kept.set(name, first.sprites);
    waiting = waiting.filter((sprite) => !placed.has(sprite.file));
  }
  const atlases: AtlasLayout[] = [];
  for (const name of names) {
    const members = kept.get(name)!;
    if (members.length > 0) atlases.push(atlasOf(name, members, options.padding));
  }
  if (waiting.length > 0) {
    const next = names.length === 0 ? 0 : atlasNumber(names.at(-1)!) + 1;
    atlases.push(...packFresh(waiting, options, next));
  }
  return atlases;
}

/** maxrects-packer on the padded cells, into `maxSize` bins; bins named from `firstNumber` on. */
function packFresh(
  sorted: readonly SpriteInput[],
  options: LayoutOptions,
  firstNumber: number,
  onlyName?: string,
): AtlasLayout[] {
  const { maxSize, padding } = options;
  const packer = new MaxRectsPacker<SpriteInput>(maxSize, maxSize, 0, {
    smart: true,
    pot: false,
    square: false,
    allowRotation: false,
    border: 0,
  });
  packer.addArray(
    sorted.map((sprite) => ({
      width: sprite.width + 2 * padding,
      height: sprite.height + 2 * padding,
      data: sprite,
    })),
  );
  return packer.bins.map((bin, index) => {
    const name = onlyName ?? `${options.group}#${firstNumber + index}`;
    const placed = bin.rects.map((rect) => ({
      ...rect.data,
      atlas: name,
      x: rect.x + padding,
      y: rect.y + padding,
    }));
    return atlasOf(name, placed, padding);
  });
}

function atlasOf(name: string, sprites: PlacedSprite[], padding: number): AtlasLayout {
  let width = 1;
  let height = 1;
  for (const sprite of sprites) {
    width = Math.max(width, sprite.x + sprite.width + padding);
    height = Math.max(height, sprite.y + sprite.height + padding);
  }
  return { name, width, height, sprites: [...sprites].sort(byFile) };
}

/** The share of the atlases' full area (`maxSize` squared each) that no sprite cell covers. */
function waste(atlases: AtlasLayout[], options: LayoutOptions): number {
  const { maxSize, padding } = options;
  let used = 0;
  for (const atlas of atlases) {
    for (const s of atlas.sprites) used += (s.width + 2 * padding) * (s.height + 2 * padding);
  }
  return atlases.length === 0 ? 0 : 1 - used / (atlases.length * maxSize * maxSize);
}

function changedNames(atlases: AtlasLayout[], previous: Map<string, PlacedSprite[]>): string[] {
  // The size follows from the placements and the padding (part of every key): placements say it all.
  return atlases
    .filter((atlas) => {
      const old = previous.get(atlas.name);
      return !old || placements(old) !== placements(atlas.sprites);
    })
    .map((atlas) => atlas.name);
}

function placements(sprites: readonly PlacedSprite[]): string {
  return [...sprites]
    .sort(byFile)
    .map((s) => `${s.file}\0${s.key}\0${s.x},${s.y},${s.width},${s.height}`)
    .join("\n");
}

function groupByAtlas(sprites: readonly PlacedSprite[]): Map<string, PlacedSprite[]> {
  const map = new Map<string, PlacedSprite[]>();
  for (const sprite of sprites) {
    const list = map.get(sprite.atlas);
    if (list) list.push(sprite);
    else map.set(sprite.atlas, [sprite]);
  }
  return map;
}

function atlasNumber(name: string): number {
  const match = /#(\d+)$/.exec(name);
  return match ? Number(match[1]) : 0;
}

function byAtlasNumber(a: string, b: string): number {
  return atlasNumber(a) - atlasNumber(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function byFile(a: { file: string }, b: { file: string }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}
