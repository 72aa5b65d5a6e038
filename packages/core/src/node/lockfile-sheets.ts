// The lockfile's spritesheet sections: which atlases exist (and which asset each became) and where each
// sprite sits. Kept apart from `assets` so that a sprite is never taken for an asset of its own.
import type { AssetType } from "./types.js";

/** One uploaded atlas, by name (`<input>#<n>`). */
export interface AtlasEntry {
  assetId: string;
  assetType: AssetType;
  /** Hash of the atlas PNG as uploaded. */
  hash: string;
  creator: string;
  width: number;
  height: number;
  /** Last known moderation state; absent means Approved or not known. */
  moderation?: "Approved" | "Reviewing";
  /** Experiences (universe ids, ascending) granted `Use` of the atlas (see LockEntry.grants). */
  grants?: string[];
}

/** One packed image, by its project path: what it was (source hash, processing) and where it went. */
export interface SpriteEntry {
  atlas: string;
  /** Source content hash. */
  hash: string;
  /** Fingerprint of the processing options and code version its pixels came from. */
  process: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SheetSections {
  atlases: Map<string, AtlasEntry>;
  sprites: Map<string, SpriteEntry>;
}

export const emptySheets = (): SheetSections => ({ atlases: new Map(), sprites: new Map() });

const HASH = /^sha256-[0-9a-f]{64}$/;
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/** Reads both sections; `fail` throws the lockfile's one-line error. */
export function parseSheetSections(
  json: Record<string, unknown>,
  assetTypes: ReadonlySet<string>,
  fail: (problem: string) => never,
): SheetSections {
  const sheets = emptySheets();
  const section = (name: "atlases" | "sprites") => {
    const value = json[name];
    if (value === undefined) return {};
    if (!isRecord(value)) return fail(`the lockfile's "${name}" is not an object`);
    return value;
  };
  for (const [name, value] of Object.entries(section("atlases"))) {
    const where = `atlas ${JSON.stringify(name)}`;
    if (!isRecord(value)) return fail(`${where} is not an object`);
    const { assetId, assetType, hash, creator, width, height, moderation, grants } = value;
    if (typeof assetId !== "string" || !/^\d+$/.test(assetId)) fail(`${where} has no valid assetId`);
    if (typeof assetType !== "string" || !assetTypes.has(assetType)) fail(`${where} has no valid assetType`);
    if (typeof hash !== "string" || !HASH.test(hash)) fail(`${where} has no valid hash`);
    if (typeof creator !== "string" || !/^(user|group):\d+$/.test(creator))
      fail(`${where} has no valid creator`);
    if (!isCount(width) || !isCount(height)) fail(`${where} has no valid width and height`);
    if (moderation !== undefined && moderation !== "Approved" && moderation !== "Reviewing")
      fail(`${where} has an unknown moderation state`);
    const entry: AtlasEntry = {
      assetId: assetId as string,
      assetType: assetType as AssetType,
      hash: hash as string,
      creator: creator as string,
      width: width as number,
      height: height as number,
    };
    if (moderation !== undefined) entry.moderation = moderation as AtlasEntry["moderation"];
    if (grants !== undefined) {
      if (!Array.isArray(grants) || grants.some((id) => typeof id !== "string" || !/^\d+$/.test(id)))
        fail(`${where} has grants that are not a list of universe ids (digit strings)`);
      if ((grants as string[]).length > 0) entry.grants = grants as string[];
    }
    sheets.atlases.set(name, entry);
  }
  for (const [file, value] of Object.entries(section("sprites"))) {
    const where = `sprite ${JSON.stringify(file)}`;
    if (!isRecord(value)) return fail(`${where} is not an object`);
    const { atlas, hash, process, x, y, width, height } = value;
    if (typeof atlas !== "string" || atlas === "") fail(`${where} names no atlas`);
    if (typeof hash !== "string" || !HASH.test(hash)) fail(`${where} has no valid hash`);
    if (typeof process !== "string" || process === "") fail(`${where} has no processing fingerprint`);
    if (![x, y, width, height].every(isCount)) fail(`${where} has no valid rect (x, y, width, height)`);
    sheets.sprites.set(file, {
      atlas: atlas as string,
      hash: hash as string,
      process: process as string,
      x: x as number,
      y: y as number,
      width: width as number,
      height: height as number,
    });
  }
  return sheets;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
