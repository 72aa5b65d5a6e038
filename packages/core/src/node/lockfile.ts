import { mkdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { contentTypes } from "@rbxassets/spec";
import { removeStaleTempFiles, writeFileAtomic } from "./atomic-write.js";
import { oneLine, PipelineError } from "./errors.js";
import { withPath } from "./local-error.js";
import { hasConflictMarkers, type LockfileMergeConflict, resolveConflictMarkers } from "./lockfile-merge.js";
import {
  type AtlasEntry,
  emptySheets,
  parseSheetSections,
  type SheetSections,
  type SpriteEntry,
} from "./lockfile-sheets.js";
import { comparePaths, serializeLockfile, serializeLockfileChunks } from "./lockfile-text.js";
import { toProjectPath } from "./paths.js";
import { acquireLock } from "./process-lock.js";
import { jsonErrorLocation } from "./terminal-text.js";
import type { AssetType } from "./types.js";

export { serializeLockfile };

export const LOCKFILE_NAME = "rbxassets.lock.json";
export const LOCKFILE_VERSION = 1;

/** One lockfile entry: which asset a path's content became. No secrets, nothing time-dependent. */
export interface LockEntry {
  assetId: string;
  assetType: AssetType;
  hash: string;
  /** `user:<id>` or `group:<id>` the asset belongs to. */
  creator: string;
  /** Models: the asset version (revision) this content became. */
  version?: string;
  /** Last known moderation state; absent means Approved or not known. */
  moderation?: "Approved" | "Reviewing";
  /** Images: fingerprint of the processing that made what was uploaded; absent for a file sent as it is. */
  process?: string;
  /**
   * Experiences (universe ids, ascending) this asset was granted `Use` for through the asset-permissions
   * API, so that a warm run sends no grant.
   */
  grants?: string[];
}

export interface LockData extends SheetSections {
  version: typeof LOCKFILE_VERSION;
  assets: Map<string, LockEntry>;
}

const ASSET_TYPES = new Set<string>(Object.keys(contentTypes));
const HASH = /^sha256-[0-9a-f]{64}$/;
const FIX = "fix it by hand or restore it from git (git checkout -- <file>), then run again";

/** Parses lockfile text: the data, or a one-line PipelineError naming the file and what to do, never else. */
export function parseLockfile(text: string, file = LOCKFILE_NAME): LockData {
  const fail = (problem: string, fix = FIX): never => {
    throw new PipelineError(file, "lockfile", oneLine(problem), fix);
  };
  if (text.trim() === "") return { version: LOCKFILE_VERSION, assets: new Map(), ...emptySheets() };
  if (/^(<<<<<<<|>>>>>>>|=======)( |$)/m.test(text)) {
    fail(
      "the lockfile has unresolved git merge conflict markers",
      "keep the entries of both sides (each path once), then run again",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // Never the parser's message: it quotes the raw text, escape sequences included.
    fail(`the lockfile is not valid JSON (${jsonErrorLocation(text, error)})`);
  }
  if (!isRecord(json)) return fail("the lockfile is not a JSON object");
  if (json.version !== LOCKFILE_VERSION) {
    fail(
      `the lockfile has version ${JSON.stringify(json.version) ?? "none"}, this tool reads version ${LOCKFILE_VERSION}`,
      "upgrade @rbxassets, or fix the version field",
    );
  }
  if (!isRecord(json.assets)) return fail('the lockfile has no "assets" object');
  const assets = new Map<string, LockEntry>();
  for (const [path, value] of Object.entries(json.assets)) {
    const where = `entry ${JSON.stringify(path)}`;
    if (path === "") fail("the lockfile has an entry with an empty path");
    if (!isRecord(value)) return fail(`${where} is not an object`);
    const { assetId, assetType, hash, creator, version, moderation, process, grants } = value;
    if (typeof assetId !== "string" || !/^\d+$/.test(assetId))
      fail(`${where} has no valid assetId (a digit string)`);
    if (typeof assetType !== "string" || !ASSET_TYPES.has(assetType)) fail(`${where} has no valid assetType`);
    if (typeof hash !== "string" || !HASH.test(hash)) fail(`${where} has no valid hash (sha256-<64 hex>)`);
    if (typeof creator !== "string" || !/^(user|group):\d+$/.test(creator))
      fail(`${where} has no valid creator`);
    if (version !== undefined && typeof version !== "string")
      fail(`${where} has a version that is not a string`);
    if (moderation !== undefined && moderation !== "Approved" && moderation !== "Reviewing") {
      fail(`${where} has an unknown moderation state`);
    }
    if (process !== undefined && (typeof process !== "string" || process === ""))
      fail(`${where} has a processing fingerprint that is not a string`);
    if (
      grants !== undefined &&
      (!Array.isArray(grants) || grants.some((id) => typeof id !== "string" || !/^\d+$/.test(id)))
    ) {
      fail(`${where} has grants that are not a list of universe ids (digit strings)`);
    }
    const entry: LockEntry = {
      assetId: assetId as string,
      assetType: assetType as AssetType,
      hash: hash as string,
      creator: creator as string,
    };
    if (version !== undefined) entry.version = version as string;
    if (moderation !== undefined) entry.moderation = moderation as "Approved" | "Reviewing";
    if (process !== undefined) entry.process = process as string;
    if (grants !== undefined && (grants as string[]).length > 0) entry.grants = sortedIds(grants as string[]);
    assets.set(path, entry);
  }
  return { version: LOCKFILE_VERSION, assets, ...parseSheetSections(json, ASSET_TYPES, fail) };
}

/** Universe ids, each once, in numeric order (stable text, clean merges). */
export function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Spritesheet changes not yet on disk; `null` removes the key. */
interface PendingSheets {
  atlases: Map<string, AtlasEntry | null>;
  sprites: Map<string, SpriteEntry | null>;
}

export interface LockfileOptions {
  /** Root used to name the file in messages. Default: the lockfile's directory. */
  root?: string;
}

/**
 * The lockfile on disk and in memory. Every `record` is written at once (group commit: records that arrive
 * while a write runs go together in the next one), atomically, under a cross-process lock around
 * read-merge-write, so concurrent processes never lose each other's entries.
 */
export class Lockfile {
  readonly path: string;
  readonly #shown: string;
  #assets: Map<string, LockEntry>;
  #signature: string | undefined;
  #pending = new Map<string, LockEntry>();
  #sheets: SheetSections = emptySheets();
  /** Spritesheet changes not yet on disk; `null` removes the key. */
  #pendingSheets: PendingSheets = { atlases: new Map(), sprites: new Map() };
  #queued: Promise<void> | undefined;
  #chain: Promise<void> = Promise.resolve();
  #conflictMerge: LockfileMergeConflict[] | undefined;

  private constructor(path: string, shown: string, assets: Map<string, LockEntry>, signature?: string) {
    this.path = path;
    this.#shown = shown;
    this.#assets = assets;
    this.#signature = signature;
  }

  /** Reads the lockfile (a missing one is empty). Throws a PipelineError if it is malformed. */
  static async open(path: string, options: LockfileOptions = {}): Promise<Lockfile> {
    const absolute = resolve(path);
    const shown = options.root ? toProjectPath(options.root, absolute) : basename(absolute);
    const lockfile = new Lockfile(absolute, shown, new Map());
    const disk = await lockfile.#readDisk();
    if (disk)
      [lockfile.#assets, lockfile.#sheets, lockfile.#signature] = [disk.assets, disk.sheets, disk.signature];
    // A merged file is written back at once, so that its markers are gone whatever the run does next.
    if (lockfile.#conflictMerge)
      for (const [file, entry] of lockfile.#assets) lockfile.#pending.set(file, entry);
    if (lockfile.#conflictMerge) await lockfile.#schedule();
    return lockfile;
  }

  /** Set when the file held git conflict markers and was merged on open: the choices the merge made. */
  get mergedConflicts(): readonly LockfileMergeConflict[] | undefined {
    return this.#conflictMerge;
  }

  get size(): number {
    return this.#assets.size;
  }

  get(file: string): LockEntry | undefined {
    return this.#assets.get(file);
  }

  entries(): [string, LockEntry][] {
    return [...this.#assets.entries()].sort(([a], [b]) => comparePaths(a, b));
  }

  sprite(file: string): SpriteEntry | undefined {
    return this.#sheets.sprites.get(file);
  }

  /** Every atlas record, sorted by name. */
  atlases(): [string, AtlasEntry][] {
    return [...this.#sheets.atlases.entries()].sort(([a], [b]) => comparePaths(a, b));
  }

  atlas(name: string): AtlasEntry | undefined {
    return this.#sheets.atlases.get(name);
  }

  /** Every sprite record, sorted by file. */
  sprites(): [string, SpriteEntry][] {
    return [...this.#sheets.sprites.entries()].sort(([a], [b]) => comparePaths(a, b));
  }

  /**
   * An entry holding this content, preferring `preferPath`; filtered by creator and asset type when given,
   * and by processing fingerprint when `process` is a key of the filter (undefined: unprocessed entries).
   */
  findByHash(
    hash: string,
    filter: {
      creator?: string;
      assetType?: AssetType;
      preferPath?: string;
      process?: string | undefined;
    } = {},
  ): [string, LockEntry] | undefined {
    const matches = (entry: LockEntry) =>
      entry.hash === hash &&
      (filter.creator === undefined || entry.creator === filter.creator) &&
      (filter.assetType === undefined || entry.assetType === filter.assetType) &&
      (!("process" in filter) || entry.process === filter.process);
    if (filter.preferPath !== undefined) {
      const own = this.#assets.get(filter.preferPath);
      if (own && matches(own)) return [filter.preferPath, own];
    }
    for (const pair of this.#assets) if (matches(pair[1])) return pair;
    return undefined;
  }

  /** Picks up what other processes wrote since we last looked (cheap when nothing changed). */
  async refresh(): Promise<void> {
    const disk = await this.#readDisk(this.#signature);
    if (!disk) return;
    for (const [path, entry] of disk.assets) if (!this.#pending.has(path)) this.#assets.set(path, entry);
    for (const key of ["atlases", "sprites"] as const) {
      const mine = this.#sheets[key] as Map<string, unknown>;
      mine.clear();
      for (const [name, entry] of disk.sheets[key]) mine.set(name, entry);
      for (const [name, entry] of this.#pendingSheets[key]) {
        if (entry === null) mine.delete(name);
        else mine.set(name, entry);
      }
    }
    this.#signature = disk.signature;
  }

  /** Records atlases and sprites (`null` removes one); resolves once on disk. */
  recordSheets(changes: {
    atlases?: Iterable<[string, AtlasEntry | null]>;
    sprites?: Iterable<[string, SpriteEntry | null]>;
  }): Promise<void> {
    for (const key of ["atlases", "sprites"] as const) {
      const mine = this.#sheets[key] as Map<string, unknown>;
      const pending = this.#pendingSheets[key] as Map<string, unknown>;
      for (const [name, entry] of changes[key] ?? []) {
        if (entry === null) mine.delete(name);
        else mine.set(name, entry);
        pending.set(name, entry);
      }
    }
    return this.#schedule();
  }

  /** Records an entry; resolves once it is durably on disk. */
  record(file: string, entry: LockEntry): Promise<void> {
    this.#assets.set(file, entry);
    this.#pending.set(file, entry);
    return this.#schedule();
  }

  #schedule(): Promise<void> {
    if (!this.#queued) {
      const queued = this.#chain.then(() => {
        this.#queued = undefined;
        return this.#flush();
      });
      this.#queued = queued;
      this.#chain = queued.catch(() => {});
    }
    return this.#queued;
  }

  /** Resolves when every record so far is on disk. */ async flushed(): Promise<void> {
    await this.#chain;
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = new Map();
    const sheetBatch = this.#pendingSheets;
    this.#pendingSheets = { atlases: new Map(), sprites: new Map() };
    if (batch.size === 0 && sheetBatch.atlases.size === 0 && sheetBatch.sprites.size === 0) return;
    await mkdir(dirname(this.path), { recursive: true });
    // The lock is never taken from a live process, and the rename checks it is still ours (the fence):
    // a write that lost it merges again from what is on disk, so it never drops entries it did not read.
    for (;;) {
      const lock = await acquireLock(this.path);
      try {
        if (await this.#mergeAndWrite(batch, sheetBatch, () => lock.held())) return;
      } catch (error) {
        for (const [path, entry] of batch) if (!this.#pending.has(path)) this.#pending.set(path, entry);
        for (const key of ["atlases", "sprites"] as const) {
          const pending = this.#pendingSheets[key] as Map<string, unknown>;
          for (const [name, entry] of sheetBatch[key]) if (!pending.has(name)) pending.set(name, entry);
        }
        throw withPath(error, this.path);
      } finally {
        await lock.release();
      }
    }
  }

  /** Read, merge, write under the lock; false when the fence found the lock lost (nothing written). */
  async #mergeAndWrite(
    batch: Map<string, LockEntry>,
    sheetBatch: PendingSheets,
    fence: () => Promise<boolean>,
  ): Promise<boolean> {
    await removeStaleTempFiles(this.path);
    // Unchanged since our last write or read: memory holds it all (no re-parse of 10,000 entries per write).
    const disk = await this.#readDisk(this.#signature);
    // Union by path: what is on disk is newer than our memory, and this batch is newest of all.
    const merged = disk ? new Map(this.#assets) : this.#assets; // records are in #assets already
    if (disk) for (const [path, entry] of disk.assets) merged.set(path, entry);
    for (const [path, entry] of batch) merged.set(path, entry);
    for (const [path, entry] of this.#pending) merged.set(path, entry);
    const sheets = disk?.sheets ?? emptySheets();
    for (const key of ["atlases", "sprites"] as const) {
      const target = sheets[key] as Map<string, unknown>;
      if (!disk) for (const [name, entry] of this.#sheets[key]) target.set(name, entry);
      for (const changes of [sheetBatch[key], this.#pendingSheets[key]] as Map<string, unknown>[]) {
        for (const [name, entry] of changes) {
          if (entry === null) target.delete(name);
          else target.set(name, entry);
        }
      }
    }
    if (!(await writeFileAtomic(this.path, serializeLockfileChunks(merged, sheets), fence))) return false;
    this.#assets = merged;
    this.#sheets = sheets;
    this.#signature = await this.#statSignature();
    return true;
  }

  async #statSignature(): Promise<string | undefined> {
    try {
      const info = await stat(this.path);
      return `${info.ino}:${info.size}:${info.mtimeMs}`;
    } catch {
      return undefined;
    }
  }

  /** The file's data and stat signature; undefined when missing or unchanged since `known`. */
  async #readDisk(
    known?: string,
  ): Promise<{ assets: Map<string, LockEntry>; sheets: SheetSections; signature: string } | undefined> {
    const signature = await this.#statSignature();
    if (signature === undefined || signature === known) return undefined;
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const merged = hasConflictMarkers(text) ? resolveConflictMarkers(text, this.#shown) : undefined;
    if (merged) this.#conflictMerge = merged.conflicts;
    const { assets, atlases, sprites } = merged?.data ?? parseLockfile(text, this.#shown);
    return { assets, sheets: { atlases, sprites }, signature };
  }
}
