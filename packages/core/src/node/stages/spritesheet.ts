// Stage: spritesheets. An input packed into atlases: lay out (keeping the previous layout), render and
// upload only the atlases whose content changed, through the same upload-once path as single files, and
// record atlases and sprites. A warm run reads and hashes each file and compares with the lockfile: it
// decodes nothing. The pixels (layout, rendering, bleeding) are process/'s pure functions.
import { readFile } from "node:fs/promises";
import { showFile } from "../../client/show-file.js";
import type { ImageAssetType } from "../../spec-facts.js";
import { AccountRefusedError, accountRefusalOf } from "../account-refusal.js";
import type { ResolvedConfig } from "../config.js";
import { describeError, isAbortError, isPipelineError, PipelineError } from "../errors.js";
import { type FileFailure, fileFailure } from "../failure.js";
import { hashBytes } from "../hash.js";
import type { Lockfile } from "../lockfile.js";
import type { AtlasEntry, SpriteEntry } from "../lockfile-sheets.js";
import { toProjectPath } from "../paths.js";
import { atlasPng } from "../process/atlas.js";
import { processPixels } from "../process/image.js";
import { type AtlasLayout, type PlacedSprite, planLayout, type SpriteInput } from "../process/layout.js";
import { type ResolvedProcessOptions, spriteFingerprint } from "../process/options.js";
import type { RgbaImage } from "../process/rgba.js";
import type { PipelineEvent, ResolvedAsset } from "../types.js";
import { atlasUpload } from "./atlas-upload.js";
import { assertSameContent } from "./changed.js";
import type { Preparer } from "./prepare.js";
import { keyOf, spriteAssets } from "./sprite-lookup.js";
import type { ContentUpload } from "./upload-once.js";

/** What the spritesheet stage needs of the pipeline. */
export interface SheetHost {
  /** Hashing (no detection) for every image, detection for a new or changed one. */
  readonly preparer: Preparer;
  lockfile(): Promise<Lockfile>;
  config(): Promise<ResolvedConfig>;
  emit(event: PipelineEvent): void;
  /** The upload-once path single files take, in an upload slot. */
  uploadOnce<R>(upload: ContentUpload<R>): Promise<{ result: R; reused: boolean }>;
}

export interface SpritesheetRun {
  /** The project root (reports name project paths). */
  root: string;
  /** Input name: atlases are `<group>#<n>`. */
  group: string;
  process: ResolvedProcessOptions;
  imageAssetType: ImageAssetType;
  repack?: boolean | undefined;
  check?: boolean | undefined;
  signal?: AbortSignal | undefined;
  stop?: AbortSignal | undefined;
}

export interface SpritesheetResult {
  /** Every sprite resolved: `assetId` is its atlas's, `sprite` its rect. */
  assets: ResolvedAsset[];
  failed: FileFailure[];
  /**
   * Sprites whose atlas was not uploaded, each with the error it fails with as if sent on its own
   * (`spriteError`): the caller settles them as it does a single file's error (a refusal, `unwritable`).
   */
  unsent: { file: string; error: unknown }[];
  /** Images too large for an atlas: the caller uploads them on their own. */
  alone: { absolute: string; note: string }[];
  /** Check mode: sprites whose atlas would be uploaded. */
  pending: string[];
}

interface Member {
  absolute: string;
  file: string;
  hash: string;
  fingerprint: string;
  /** Decoded and processed pixels, once needed. */
  image?: RgbaImage;
}

export async function syncSpritesheet(
  host: SheetHost,
  files: readonly string[],
  run: SpritesheetRun,
): Promise<SpritesheetResult> {
  const sheet = run.process.spritesheet!;
  const result: SpritesheetResult = { assets: [], failed: [], unsent: [], alone: [], pending: [] };
  const lockfile = await host.lockfile();
  const inGroup = (atlas: string) => atlas.startsWith(`${run.group}#`) && lockfile.atlas(atlas) !== undefined;
  const fail = (file: string, error: unknown) => {
    if (isAbortError(error)) throw error;
    const failure = fileFailure(file, error);
    result.failed.push(failure);
    host.emit({ type: "failed", ...failure });
  };

  // Read and hash; only new or changed images are decoded (for their size, and their pixels later).
  const members = new Map<string, Member>();
  const inputs: SpriteInput[] = [];
  await Promise.all(
    files.map(async (absolute) => {
      const file = toProjectPath(run.root, absolute);
      try {
        const { hash } = await host.preparer.hashOnly(absolute);
        const member: Member = { absolute, file, hash, fingerprint: spriteFingerprint(run.process, file) };
        const record = lockfile.sprite(file);
        const key = keyOf(member.hash, member.fingerprint);
        if (record && inGroup(record.atlas) && keyOf(record.hash, record.process) === key) {
          members.set(file, member);
          inputs.push({ file, key, width: record.width, height: record.height });
          return;
        }
        // New or changed: detection names a file that is not what its extension says, before decoding.
        await host.preparer.prepare(absolute);
        member.image = await decode(host, member, run.process);
        const { width, height } = member.image;
        if (width + 2 * sheet.padding > sheet.maxSize || height + 2 * sheet.padding > sheet.maxSize) {
          result.alone.push({
            absolute,
            note: `${width}x${height} is larger than the spritesheet's maxSize ${sheet.maxSize} (with ${sheet.padding} px padding): uploaded on its own`,
          });
          return;
        }
        members.set(file, member);
        inputs.push({ file, key, width, height });
      } catch (error) {
        fail(file, error);
      }
    }),
  );

  // Only places made with today's options count: another padding or maxSize invalidates a rect.
  const previous: PlacedSprite[] = lockfile
    .sprites()
    .filter(
      ([file, record]) => inGroup(record.atlas) && record.process === spriteFingerprint(run.process, file),
    )
    .map(([file, record]) => ({ ...record, file, key: keyOf(record.hash, record.process) }));
  const plan = planLayout(inputs, previous, {
    group: run.group,
    maxSize: sheet.maxSize,
    padding: sheet.padding,
    ...(run.repack ? { repack: true } : {}),
  });
  const changed = new Set(plan.changed);
  const hashes = (file: string) => members.get(file)!.hash;
  const sheetAssets = new Map<string, ResolvedAsset[]>();

  await Promise.all(
    plan.atlases.map(async (layout) => {
      if (!changed.has(layout.name)) {
        sheetAssets.set(layout.name, spriteAssets(layout, lockfile.atlas(layout.name)!, "unchanged", hashes));
        return;
      }
      if (run.check) {
        result.pending.push(...layout.sprites.map((sprite) => sprite.file));
        return;
      }
      try {
        const entry = await uploadAtlas(host, layout, members, run);
        sheetAssets.set(layout.name, spriteAssets(layout, entry, "uploaded", hashes));
      } catch (error) {
        if (run.signal?.aborted || isAbortError(error)) throw error;
        for (const { file } of layout.sprites) result.unsent.push({ file, error: spriteError(file, error) });
      }
    }),
  );
  for (const name of [...sheetAssets.keys()].sort()) result.assets.push(...sheetAssets.get(name)!);
  if (!run.check) await forgetLeftovers(host, run.group, members);
  return result;
}

/**
 * The error a sprite fails with when its atlas's upload failed. An account refusal stays one, named by the
 * sprite (sent if the atlas was); an `unwritable` lockfile or journal is the run's, not the atlas's, and
 * passes as is; any other PipelineError keeps its rule, fix and facts, its problem saying which atlas.
 */
function spriteError(file: string, error: unknown): Error {
  const refusal = accountRefusalOf(error);
  if (refusal) {
    const { attempted, ...facts } = refusal;
    return new AccountRefusedError(file, facts, { attempted, cause: error });
  }
  if (isPipelineError(error)) {
    if (error.rule === "unwritable") return error;
    const problem = `its atlas was not uploaded: ${showFile(error.file)}: ${error.problem}`;
    return new PipelineError(file, error.rule, problem, error.fix, {
      cause: error,
      facts: { ...error.facts },
    });
  }
  return new Error(`its atlas was not uploaded: ${describeError(error)}`, { cause: error });
}

async function decode(host: SheetHost, member: Member, process: ResolvedProcessOptions) {
  const bytes = await readFile(member.absolute);
  // The sprite recorded is the one drawn: its hash must be that of the bytes decoded.
  assertSameContent(member.file, member.hash, hashBytes(bytes));
  host.emit({ type: "decode", file: member.file });
  return processPixels(bytes, member.file, process);
}

/** Renders and checks one atlas, then uploads it once and records it with its sprites. */
async function uploadAtlas(
  host: SheetHost,
  layout: AtlasLayout,
  members: Map<string, Member>,
  run: SpritesheetRun,
): Promise<AtlasEntry> {
  run.signal?.throwIfAborted();
  for (const sprite of layout.sprites) {
    const member = members.get(sprite.file)!;
    member.image ??= await decode(host, member, run.process);
  }
  const padding = run.process.spritesheet!.padding;
  const bytes = await atlasPng(layout, padding, (file) => members.get(file)!.image!);
  const sprites: [string, SpriteEntry][] = layout.sprites.map(({ file, x, y, width, height }) => {
    const { hash, fingerprint } = members.get(file)!;
    return [file, { atlas: layout.name, hash, process: fingerprint, x, y, width, height }];
  });
  const calls = { signal: run.signal, stop: run.stop };
  const upload = atlasUpload(await host.config(), layout, bytes, run.imageAssetType, sprites, calls);
  return (await host.uploadOnce(upload)).result;
}

/** Sprites of this group that are no longer in it, and atlases no sprite points to, leave the lockfile. */
async function forgetLeftovers(host: SheetHost, group: string, members: Map<string, Member>) {
  const lockfile = await host.lockfile();
  const prefix = `${group}#`;
  const sprites = lockfile
    .sprites()
    .filter(([file, record]) => record.atlas.startsWith(prefix) && !members.has(file))
    .map(([file]) => [file, null] as [string, null]);
  const used = new Set(
    lockfile
      .sprites()
      .filter(([file]) => members.has(file))
      .map(([, record]) => record.atlas),
  );
  const atlases = lockfile
    .atlases()
    .filter(([name]) => name.startsWith(prefix) && !used.has(name))
    .map(([name]) => [name, null] as [string, null]);
  if (sprites.length > 0 || atlases.length > 0) await lockfile.recordSheets({ sprites, atlases });
}
