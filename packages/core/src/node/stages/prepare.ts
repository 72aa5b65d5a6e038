// Stage: prepare. Stat, hash, lockfile lookup and (on a miss) detection: no network, no credentials.
import { closeSync, openSync, readFileSync, readSync, type Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, resolve as resolvePath } from "node:path";
import pLimit from "p-limit";
import { assetUri } from "../../client/normalize.js";
import type { ImageAssetType } from "../../spec-facts.js";
import type { ResolvedConfig } from "../config.js";
import { type DetectedFile, detectFile } from "../detect.js";
import { PipelineError } from "../errors.js";
import { type AssetKind, extensionInfo } from "../formats.js";
import { hashBytes, hashFile } from "../hash.js";
import type { Lockfile } from "../lockfile.js";
import { RootGuard, toProjectPath } from "../paths.js";
import { imageFingerprint, type ResolvedProcessOptions } from "../process/options.js";
import { PNG_HEAD_BYTES } from "../process/png-header.js";
import type { AssetType, ResolvedAsset } from "../types.js";
import { reviewingWarning } from "./record.js";

/** A file analysed without network: what it is, its content hash, and the lockfile's answer if any. */
export interface PreparedFile {
  absolute: string;
  file: string;
  detected: DetectedFile;
  assetType: AssetType;
  hash: string;
  hit: ResolvedAsset | undefined;
  /** The processing this file's upload comes from, with its fingerprint, when it is processed at all. */
  processing?: ResolvedProcessOptions;
  fingerprint?: string;
}

/** What preparation reads from the pipeline. */
export interface PrepareContext {
  readonly root: string;
  readonly imageAssetType: ImageAssetType | undefined;
  readonly outsideRootFix: string;
  config(): Promise<ResolvedConfig>;
  lockfile(): Promise<Lockfile>;
}

/** Files at most this big are read whole, once, and hashed from memory; bigger ones are hashed in chunks. */
const READ_WHOLE_BYTES = 1024 * 1024;
/** Files at most this big are read synchronously (see `readAndHash`). */
const READ_SYNC_BYTES = 64 * 1024;

/**
 * Most files being read (stat, read, hash, detect) at once, apart from the upload limit: enough to keep the
 * disk busy, few enough that a sync of many thousand files never runs out of file descriptors.
 */
const LOCAL_CONCURRENCY = 64;

export class Preparer {
  readonly #ctx: PrepareContext;
  readonly #guard: RootGuard;
  /** Local work (reading and hashing files): bounded apart from uploads, so that hits never wait behind them. */
  readonly #localLimit = pLimit(LOCAL_CONCURRENCY);

  constructor(ctx: PrepareContext) {
    this.#ctx = ctx;
    this.#guard = new RootGuard(ctx.root, ctx.outsideRootFix);
  }

  /**
   * Hashes, consults the lockfile and, unless the lockfile already holds this content, detects.
   *
   * A hit costs one stat and one read: content the lockfile holds under a path with the same extension was
   * detected and validated when it was uploaded, and detection depends only on the content and the
   * extension, so it is not repeated. Anything else (new or changed content, the same content under another
   * extension, a file that cannot be read) is detected before it can go anywhere near a request.
   */
  prepare(file: string, requested?: AssetType, processing?: ResolvedProcessOptions): Promise<PreparedFile> {
    return this.#localLimit(() => this.#prepare(file, requested, processing));
  }

  /**
   * The file's project path and content hash, nothing more (no detection): what a spritesheet needs to
   * tell an unchanged sprite. Refuses files outside the root like `prepare`.
   */
  hashOnly(file: string): Promise<{ file: string; hash: string }> {
    return this.#localLimit(async () => {
      const absolute = resolvePath(this.#ctx.root, file);
      const linkInfo = await this.#guard.check(absolute);
      const shown = toProjectPath(this.#ctx.root, absolute);
      // An unreadable file: detection words the problem.
      if (!linkInfo) await detectFile(absolute, { root: this.#ctx.root });
      const content = linkInfo ? await readAndHash(absolute, linkInfo) : { hash: await hashFile(absolute) };
      return { file: shown, hash: content.hash };
    });
  }

  async #prepare(
    file: string,
    requested: AssetType | undefined,
    processing: ResolvedProcessOptions | undefined,
  ): Promise<PreparedFile> {
    const absolute = resolvePath(this.#ctx.root, file);
    // Only project files: the lockfile records paths relative to the root.
    const linkInfo = await this.#guard.check(absolute);
    const shown = toProjectPath(this.#ctx.root, absolute);
    const extension = extname(absolute).slice(1).toLowerCase();
    // Processing is keyed, not run: its fingerprint picks the lockfile entry (no decode on a hit).
    const processingOf = (head: Uint8Array | undefined) => {
      if (!processing) return {};
      const fingerprint = imageFingerprint(processing, absolute, () => head ?? readHeadSync(absolute));
      return fingerprint !== undefined ? { processing, fingerprint } : {};
    };
    const info = extensionInfo(extension);
    const quick =
      linkInfo !== undefined &&
      info !== undefined &&
      (requested === undefined || info.assetTypes.includes(requested));
    if (quick) {
      const [config, lockfile, content] = await Promise.all([
        this.#ctx.config(),
        this.#ctx.lockfile(),
        readAndHash(absolute, linkInfo).catch(() => undefined),
      ]);
      if (content) {
        const assetType = this.#assetTypeOf(info.kind, info.assetTypes, requested);
        const processed = processingOf(content.head);
        const hit = lockHit(lockfile, shown, content.hash, assetType, config.creator, processed.fingerprint);
        if (hit && extname(hit.source).slice(1).toLowerCase() === extension) {
          const contentType = info.contentTypes[assetType] ?? info.contentTypes[info.assetTypes[0]!]!;
          const detected: DetectedFile = {
            path: absolute,
            extension,
            mime: contentType,
            kind: info.kind,
            assetTypes: [...info.assetTypes],
            contentType: info.contentTypes[info.assetTypes[0]!]!,
            size: content.size,
          };
          return {
            absolute,
            file: shown,
            detected,
            assetType,
            hash: content.hash,
            hit: hit.asset,
            ...processed,
          };
        }
        // Not in the lockfile (or only under another extension): detect, and keep the hash already made.
        const detected = await detectFile(absolute, { root: this.#ctx.root });
        const type = this.#assetTypeFor(detected, shown, requested);
        return {
          absolute,
          file: shown,
          detected,
          assetType: type,
          hash: content.hash,
          hit: hit?.asset,
          ...processed,
        };
      }
    }
    // Unusual files (unreadable, unsupported, a type the extension cannot be): detection names the problem.
    const [config, lockfile, detected] = await Promise.all([
      this.#ctx.config(),
      this.#ctx.lockfile(),
      detectFile(absolute, { root: this.#ctx.root }),
    ]);
    const assetType = this.#assetTypeFor(detected, shown, requested);
    const hash = await hashFile(absolute);
    const processed = processingOf(undefined);
    const hit = lockHit(lockfile, shown, hash, assetType, config.creator, processed.fingerprint)?.asset;
    return { absolute, file: shown, detected, assetType, hash, hit, ...processed };
  }

  #assetTypeOf(kind: AssetKind, assetTypes: readonly AssetType[], requested?: AssetType): AssetType {
    if (requested !== undefined) return requested;
    if (kind === "image") return this.#ctx.imageAssetType ?? "Image";
    return assetTypes[0]!;
  }

  #assetTypeFor(detected: DetectedFile, file: string, requested?: AssetType): AssetType {
    if (requested !== undefined) {
      if (!detected.assetTypes.includes(requested)) {
        throw new PipelineError(
          file,
          "asset-type",
          `a .${detected.extension} file cannot be uploaded as ${requested}`,
          `use one of ${detected.assetTypes.join(", ")}`,
        );
      }
      return requested;
    }
    return this.#assetTypeOf(detected.kind, detected.assetTypes);
  }
}

/**
 * The lockfile's answer for this content: the path's own entry, or the same content elsewhere; `source` is
 * the path whose entry answered.
 */
export function lockHit(
  lockfile: Lockfile,
  file: string,
  hash: string,
  assetType: AssetType,
  creator: string | undefined,
  fingerprint: string | undefined,
): { asset: ResolvedAsset; source: string } | undefined {
  // Without a configured creator (offline, check mode) any creator's entry answers. The processing
  // fingerprint must match: other options made other bytes.
  const found = lockfile.findByHash(hash, {
    assetType,
    preferPath: file,
    process: fingerprint,
    ...(creator ? { creator } : {}),
  });
  if (!found) return undefined;
  const [path, entry] = found;
  const reviewing = entry.moderation === "Reviewing";
  const asset: ResolvedAsset = {
    file,
    assetId: entry.assetId,
    uri: assetUri(entry.assetId),
    assetType: entry.assetType,
    hash,
    status: path === file ? "unchanged" : "reused",
    moderation: entry.moderation ?? "Approved",
    ...(reviewing ? { warning: reviewingWarning(entry.assetId, { recorded: true }) } : {}),
  };
  return { asset, source: path };
}

/**
 * The file's content hash and size: a small file is read once, whole, and hashed from memory; a big one is
 * hashed in chunks. `linkInfo` is the path's `lstat`: for a link, its target is looked up.
 */
async function readAndHash(
  absolute: string,
  linkInfo: Stats,
): Promise<{ hash: string; size: number; head?: Uint8Array }> {
  const info = linkInfo.isSymbolicLink() ? await stat(absolute) : linkInfo;
  if (!info.isFile()) throw new Error("not a regular file");
  if (info.size > READ_WHOLE_BYTES) return { hash: await hashFile(absolute), size: info.size };
  // A tiny file is read in place: a few microseconds, where a trip through libuv's thread pool (open,
  // stat, read, close: four) costs far more in waiting than in reading; a build imports thousands of them.
  const data = info.size <= READ_SYNC_BYTES ? readFileSync(absolute) : await readFile(absolute);
  return { hash: hashBytes(data), size: data.length, head: data.subarray(0, PNG_HEAD_BYTES) };
}

/** The first bytes of a file (what the PNG header check reads); undefined when it cannot be read. */
function readHeadSync(absolute: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, "r");
    const head = Buffer.alloc(PNG_HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
