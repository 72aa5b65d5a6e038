// The process stage for an input packed into spritesheets: lay out (keeping the previous layout), render
// and upload only the atlases whose content changed, record atlases and sprites. A warm run reads and
// hashes each file and compares with the lockfile: it decodes nothing.
import { readFile } from "node:fs/promises";
import { limits } from "@rbxassets/spec";
import type { ImageAssetType } from "../../spec-facts.js";
import { describeError, isAbortError, PipelineError } from "../errors.js";
import { extensionInfo } from "../formats.js";
import { hashBytes } from "../hash.js";
import type { Lockfile } from "../lockfile.js";
import type { AtlasEntry, SpriteEntry } from "../lockfile-sheets.js";
import { toProjectPath } from "../paths.js";
import { assertSameContent } from "../stages/changed.js";
import type { PreparedFile } from "../stages/prepare.js";
import type { UploadContent } from "../stages/process.js";
import type { PipelineEvent, ResolvedAsset } from "../types.js";
import { checkImageDimensions } from "../validate.js";
import { renderAtlas } from "./atlas.js";
import { encodePng } from "./codec.js";
import { processPixels } from "./image.js";
import { type AtlasLayout, type PlacedSprite, planLayout, type SpriteInput } from "./layout.js";
import { type ResolvedProcessOptions, spriteFingerprint } from "./options.js";
import type { RgbaImage } from "./rgba.js";

/** What the spritesheet stage needs of the pipeline. */
export interface SheetHost {
  readonly root: string;
  readonly imageAssetType: ImageAssetType;
  emit(event: PipelineEvent): void;
  /** Project path and content hash, no detection. */
  hashOnly(file: string): Promise<{ file: string; hash: string }>;
  /** Detection of a new or changed image (a one-line error when it is not what its extension says). */
  prepare(file: string): Promise<PreparedFile>;
  lockfile(): Promise<Lockfile>;
  creator(): Promise<string | undefined>;
  /** A cross-process claim on this content (as for files), so that two syncs never upload it twice. */
  claim(key: string, signal: AbortSignal | undefined): Promise<() => Promise<void>>;
  /**
   * Creates one atlas asset in an upload slot, waits for it, checks moderation and records the atlas and
   * its sprites (journaled while in flight).
   */
  upload(
    name: string,
    content: UploadContent,
    signal: AbortSignal | undefined,
    plan: AtlasPlan,
  ): Promise<AtlasEntry>;
}

/** What an atlas upload records: the atlas entry's fields known before upload, and its sprites. */
export interface AtlasPlan {
  atlas: Omit<AtlasEntry, "assetId" | "moderation">;
  sprites: [string, SpriteEntry][];
}

export interface SpritesheetRun {
  /** Input name: atlases are `<group>#<n>`. */
  group: string;
  process: ResolvedProcessOptions;
  repack?: boolean | undefined;
  check?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

export interface SpritesheetResult {
  /** Every sprite resolved: `assetId` is its atlas's, `sprite` its rect. */
  assets: ResolvedAsset[];
  failed: { file: string; reason: string }[];
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

const keyOf = (hash: string, fingerprint: string) => `${hash}\0${fingerprint}`;

export async function syncSpritesheet(
  host: SheetHost,
  files: readonly string[],
  run: SpritesheetRun,
): Promise<SpritesheetResult> {
  const sheet = run.process.spritesheet!;
  const result: SpritesheetResult = { assets: [], failed: [], alone: [], pending: [] };
  const lockfile = await host.lockfile();
  const inGroup = (atlas: string) => atlas.startsWith(`${run.group}#`) && lockfile.atlas(atlas) !== undefined;
  const fail = (file: string, error: unknown) => {
    if (isAbortError(error)) throw error;
    const reason = error instanceof PipelineError ? error.message : `${file}: ${describeError(error)}`;
    result.failed.push({ file, reason });
    host.emit({ type: "failed", file, reason });
  };

  // Read and hash; only new or changed images are decoded (for their size, and their pixels later).
  const members = new Map<string, Member>();
  const inputs: SpriteInput[] = [];
  await Promise.all(
    files.map(async (absolute) => {
      const file = toProjectPath(host.root, absolute);
      try {
        const { hash } = await host.hashOnly(absolute);
        const member: Member = { absolute, file, hash, fingerprint: spriteFingerprint(run.process, file) };
        const record = lockfile.sprite(file);
        const key = keyOf(member.hash, member.fingerprint);
        if (record && inGroup(record.atlas) && keyOf(record.hash, record.process) === key) {
          members.set(file, member);
          inputs.push({ file, key, width: record.width, height: record.height });
          return;
        }
        // New or changed: detection names a file that is not what its extension says, before decoding.
        await host.prepare(absolute);
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
  const sheetAssets = new Map<string, ResolvedAsset[]>();

  await Promise.all(
    plan.atlases.map(async (layout) => {
      if (!changed.has(layout.name)) {
        sheetAssets.set(
          layout.name,
          spriteAssets(layout, lockfile.atlas(layout.name)!, "unchanged", members),
        );
        return;
      }
      if (run.check) {
        result.pending.push(...layout.sprites.map((sprite) => sprite.file));
        return;
      }
      try {
        const entry = await uploadAtlas(host, layout, members, run);
        sheetAssets.set(layout.name, spriteAssets(layout, entry, "uploaded", members));
      } catch (error) {
        if (run.signal?.aborted || isAbortError(error)) throw error;
        const why = error instanceof PipelineError ? error.message : describeError(error);
        for (const sprite of layout.sprites)
          fail(sprite.file, new Error(`its atlas was not uploaded: ${why}`));
      }
    }),
  );
  for (const name of [...sheetAssets.keys()].sort()) result.assets.push(...sheetAssets.get(name)!);
  if (!run.check) await forgetLeftovers(host, run.group, members);
  return result;
}

async function decode(host: SheetHost, member: Member, process: ResolvedProcessOptions) {
  const bytes = await readFile(member.absolute);
  // The sprite recorded is the one drawn: its hash must be that of the bytes decoded.
  assertSameContent(member.file, member.hash, hashBytes(bytes));
  host.emit({ type: "decode", file: member.file });
  return processPixels(bytes, member.file, process);
}

/** Renders, checks and uploads one atlas, then records it and its sprites. */
async function uploadAtlas(
  host: SheetHost,
  layout: AtlasLayout,
  members: Map<string, Member>,
  run: SpritesheetRun,
): Promise<AtlasEntry> {
  run.signal?.throwIfAborted();
  const padding = run.process.spritesheet!.padding;
  for (const sprite of layout.sprites) {
    const member = members.get(sprite.file)!;
    member.image ??= await decode(host, member, run.process);
  }
  const pixels = renderAtlas(layout, padding, (file) => members.get(file)!.image!);
  const bytes = await encodePng(pixels);
  const hash = hashBytes(bytes);
  checkImageDimensions(layout.name, layout.width, layout.height, "lower the spritesheet's maxSize");
  if (bytes.length > limits.maxFileBytes) {
    throw new PipelineError(
      layout.name,
      "size",
      `the atlas is ${bytes.length} bytes, over the ${limits.maxFileBytes}-byte limit`,
      "lower the spritesheet's maxSize",
    );
  }
  const creator = await host.creator();
  const assetType = host.imageAssetType;
  const lockfile = await host.lockfile();
  const release = await host.claim(`${creator}\0atlas\0${assetType}\0${hash}`, run.signal);
  try {
    // Another process may have uploaded this atlas while we waited: re-read before uploading.
    await lockfile.refresh();
    return await recordAtlas(host, lockfile, layout, members, run, { hash, bytes, creator, assetType });
  } finally {
    await release();
  }
}

async function recordAtlas(
  host: SheetHost,
  lockfile: Lockfile,
  layout: AtlasLayout,
  members: Map<string, Member>,
  run: SpritesheetRun,
  made: { hash: string; bytes: Uint8Array; creator: string | undefined; assetType: ImageAssetType },
): Promise<AtlasEntry> {
  const { hash, bytes, creator, assetType } = made;
  // The same atlas content uploaded before (a re-pack that came out the same, another input) is reused.
  let entry = lockfile
    .atlases()
    .map(([, atlas]) => atlas)
    .find((atlas) => atlas.hash === hash && atlas.assetType === assetType && atlas.creator === creator);
  const sprites: [string, SpriteEntry][] = layout.sprites.map((sprite) => {
    const member = members.get(sprite.file)!;
    return [
      sprite.file,
      {
        atlas: layout.name,
        hash: member.hash,
        process: member.fingerprint,
        x: sprite.x,
        y: sprite.y,
        width: sprite.width,
        height: sprite.height,
      },
    ];
  });
  if (!entry) {
    const contentType = extensionInfo("png")!.contentTypes[assetType]!;
    const content: UploadContent = {
      data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: contentType }),
      fileName: `${layout.name.replace(/[^A-Za-z0-9_.-]/g, "_")}.png`,
      contentType,
    };
    const atlas = { assetType, hash, creator: creator!, width: layout.width, height: layout.height };
    // The journal keeps the atlas and its sprites while in flight; the upload resolves once recorded.
    entry = await host.upload(layout.name, content, run.signal, { atlas, sprites });
  } else {
    await lockfile.recordSheets({ atlases: [[layout.name, entry]], sprites });
  }
  return entry;
}

function spriteAssets(
  layout: AtlasLayout,
  atlas: AtlasEntry,
  status: "uploaded" | "unchanged",
  members: Map<string, Member>,
): ResolvedAsset[] {
  const reviewing = atlas.moderation === "Reviewing";
  return layout.sprites.map((sprite) => ({
    file: sprite.file,
    assetId: atlas.assetId,
    uri: `rbxassetid://${atlas.assetId}` as const,
    assetType: atlas.assetType,
    hash: members.get(sprite.file)!.hash,
    status,
    moderation: reviewing ? "Reviewing" : "Approved",
    ...(reviewing ? { warning: `moderation is still reviewing atlas asset ${atlas.assetId}` } : {}),
    sprite: { x: sprite.x, y: sprite.y, width: sprite.width, height: sprite.height },
    atlas: layout.name,
  }));
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

/**
 * The lockfile's answer for a file packed into a spritesheet by an earlier sync, when its content is
 * still what was packed: the atlas's id and the sprite's rect. No decode, no network.
 */
export function lookupSprite(lockfile: Lockfile, file: string, hash: string): ResolvedAsset | undefined {
  const record = lockfile.sprite(file);
  if (!record || record.hash !== hash) return undefined;
  const atlas = lockfile.atlas(record.atlas);
  if (!atlas) return undefined;
  const layout: AtlasLayout = {
    name: record.atlas,
    width: atlas.width,
    height: atlas.height,
    sprites: [{ ...record, file, key: keyOf(record.hash, record.process) }],
  };
  const member: Member = { absolute: file, file, hash, fingerprint: record.process };
  return spriteAssets(layout, atlas, "unchanged", new Map([[file, member]]))[0];
}
