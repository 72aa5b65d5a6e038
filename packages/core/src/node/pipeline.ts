import { closeSync, openAsBlob, openSync, readFileSync, readSync, type Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, extname, resolve as resolvePath } from "node:path";
import { inspect } from "node:util";
import { limits } from "@rbxassets/spec";
import pLimit from "p-limit";
import {
  type Asset,
  AssetsApiError,
  type AssetsClient,
  AssetsClientError,
  type Operation,
} from "../index.js";
import { ContentClaims } from "./claims.js";
import { createNodeAssetsClient } from "./client.js";
import { type ResolvedConfig, resolveConfig } from "./config.js";
import { type DetectedFile, detectFile } from "./detect.js";
import { describeError, isAbortError, PipelineError } from "./errors.js";
import { type AssetKind, extensionInfo } from "./formats.js";
import { hashBytes, hashFile } from "./hash.js";
import { LOCKFILE_NAME, type LockEntry, Lockfile } from "./lockfile.js";
import { moderationOf, waitForVerdict } from "./moderation.js";
import { RootGuard, toProjectPath } from "./paths.js";
import {
  imageFingerprint,
  type ProcessOptions,
  type ResolvedProcessOptions,
  resolveProcessOptions,
} from "./process/options.js";
import { PNG_HEAD_BYTES } from "./process/png-header.js";
import { lookupSprite } from "./process/spritesheet.js";
import { contentTypeOf, processForUpload, type UploadContent } from "./process/stage.js";
import { runSync } from "./sync.js";
import type { AssetType, ModerationStatus, PipelineEvent, ResolvedAsset, SyncReport } from "./types.js";
import { type ValidateMeta, validateFile } from "./validate.js";

export interface PipelineOptions {
  /** Project root: paths in the lockfile and reports are relative to it. Default: `process.cwd()`. */
  root?: string;
  /** Lockfile path, relative to root. Default `rbxassets.lock.json`. */
  lockfile?: string;
  apiKey?: string;
  oauthToken?: string;
  baseUrl?: string;
  /** `user:<id>` or `group:<id>`. Default: `RBXASSETS_CREATOR` (environment, then `.env`). */
  creator?: string;
  env?: Record<string, string | undefined>;
  /** A client to use; otherwise one is built on the first request that needs it. */
  client?: AssetsClient;
  /**
   * Most uploads in flight at once (default 16); the client's rate limiter sets the pace. Lockfile hits
   * never wait for a slot.
   */
  concurrency?: number;
  /** Asset type for images (default `Image`, whose id works in `ImageLabel.Image`). */
  imageAssetType?: "Image" | "Decal";
  /** Upload audio (default true). When false, sync skips audio files. */
  audio?: boolean;
  /** Most Robux you accept to pay per video upload; videos are refused without it. */
  videoExpectedPrice?: number;
  /** Wait for a final moderation verdict instead of warning on Reviewing. */
  waitForModeration?: boolean;
  /** Most time to wait for an upload operation (and for a verdict). Default 120 000 ms. */
  operationTimeoutMs?: number;
  /** Image processing (alpha bleeding, SVG, spritesheets); a sync call's own `process` overrides it. */
  process?: ProcessOptions;
  /** Modules to write after a sync, paths relative to root. */
  codegen?: { typescript?: string; luau?: string };
  /**
   * The fix suggested when a file lies outside the root, in the caller's terms (a CLI's `-C`, a plugin's
   * `root` option). Default: the CLI's wording.
   */
  outsideRootFix?: string;
  onEvent?: (event: PipelineEvent) => void;
}

export interface ResolveOptions {
  displayName?: string;
  description?: string;
  assetType?: AssetType;
  signal?: AbortSignal;
  /** Processing for this file (default: the pipeline's `process` option). */
  process?: ProcessOptions;
}

export interface SyncOptions {
  signal?: AbortSignal;
  check?: boolean;
  /** Processing for these files (default: the pipeline's `process` option). */
  process?: ProcessOptions;
  /** The input's name: names its atlases (`<input>#<n>`). Default `sprites`. */
  input?: string;
  /** Pack the spritesheet afresh instead of keeping its layout. */
  repack?: boolean;
}

export interface Pipeline {
  /** Lockfile hit, or upload (or update, for a changed model); throws a PipelineError naming the file. */
  resolve(file: string, opts?: ResolveOptions): Promise<ResolvedAsset>;
  /** The lockfile's answer for this file's current content; no network, no credentials. */
  lookup(file: string): Promise<ResolvedAsset | undefined>;
  /** With `process.spritesheet`, the files given are the whole sheet: sprites not among them leave it. */
  sync(paths: string[], opts?: SyncOptions): Promise<SyncReport>;
  /** Every lockfile entry as on disk now (a missing lockfile is empty), sorted by file. No network. */
  entries(): Promise<LockedAsset[]>;
  readonly root: string;
  readonly lockfilePath: string;
}

/** One lockfile entry, as `Pipeline.entries` lists it. */
export interface LockedAsset {
  /** Project path, as in the lockfile. */
  file: string;
  assetId: string;
  uri: `rbxassetid://${string}`;
  assetType: AssetType;
  hash: string;
}

/** What one upload produced; shared by every caller waiting on the same content. */
interface UploadResult {
  entry: LockEntry;
  moderation: ModerationStatus;
  warning?: string;
  /** True when another process had uploaded the content meanwhile (found in the lockfile). */
  reused?: boolean;
}

/** A file analysed without network: what it is, its content hash, and the lockfile's answer if any. */
export interface PreparedFile {
  absolute: string;
  file: string;
  detected: DetectedFile;
  assetType: AssetType;
  hash: string;
  hit: ResolvedAsset | undefined;
  /** The processing this file's upload comes from (its fingerprint), when it is processed. */
  process?: ResolvedProcessOptions;
  fingerprint?: string;
  /** What goes up instead of the file's bytes, once processed. */
  content?: UploadContent;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** The outside-root fix unless the caller words its own (kept as the CLI has always shown it). */
const DEFAULT_OUTSIDE_ROOT_FIX = "move it into the project or run from a folder that contains it (-C)";

/** Files at most this big are read whole, once, and hashed from memory; bigger ones are hashed in chunks. */
const READ_WHOLE_BYTES = 1024 * 1024;
/** Files at most this big are read synchronously (see `readAndHash`). */
const READ_SYNC_BYTES = 64 * 1024;

/**
 * Most files being read (stat, read, hash, detect) at once, apart from the upload limit: enough to keep the
 * disk busy, few enough that a sync of many thousand files never runs out of file descriptors.
 */
const LOCAL_CONCURRENCY = 64;

/** The waiter's own default first poll, and the most we ever wait before it. */
const MAX_FIRST_POLL_MS = 500;
/**
 * Polls per operation that Get Operation's budget affords at full upload speed (its limit is 2.5 times
 * Create Asset's); more than this and early polls would crowd out the useful ones.
 */
const POLLS_PER_UPLOAD = 2;

/**
 * First poll of an upload's operation: soon for a small file (a sync of many small images should not end
 * with a long idle wait), later for a big one; the waiter backs off from there (doubling, with jitter, up to
 * 5 s). `scale` grows while operations need more polls than Get Operation's budget affords.
 */
function firstPollDelayMs(bytes: number, scale: number): number {
  return Math.round(Math.min(MAX_FIRST_POLL_MS, (100 + bytes / 50_000) * scale));
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  return new AssetPipeline(options);
}

export class AssetPipeline implements Pipeline {
  readonly root: string;
  readonly lockfilePath: string;
  /** Private: the options hold the API key, which `util.inspect` and `JSON.stringify` must never print. */
  readonly #options: PipelineOptions;
  /** Upload slots: only a miss (a request to make) takes one. */
  readonly #limit: ReturnType<typeof pLimit>;
  /** Local work (reading and hashing files): bounded separately, so that hits never wait behind uploads. */
  readonly #localLimit = pLimit(LOCAL_CONCURRENCY);
  readonly #guard: RootGuard;
  readonly #inflight = new Map<string, Promise<UploadResult>>();
  readonly #claims: ContentClaims;
  #config: Promise<ResolvedConfig> | undefined;
  #lockfile: Promise<Lockfile> | undefined;
  #client: AssetsClient | undefined;
  /** Multiplies the first poll's delay: up when operations took many polls, back down when few. */
  #pollScale = 1;

  constructor(options: PipelineOptions) {
    this.#options = options;
    this.root = resolvePath(options.root ?? process.cwd());
    this.lockfilePath = resolvePath(this.root, options.lockfile ?? LOCKFILE_NAME);
    const concurrency = options.concurrency ?? 16;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    this.#limit = pLimit(concurrency);
    this.#claims = new ContentClaims(this.lockfilePath);
    this.#guard = new RootGuard(this.root, options.outsideRootFix ?? DEFAULT_OUTSIDE_ROOT_FIX);
    this.#client = options.client;
  }

  /** The options the pipeline was created with (an accessor, so that inspecting the pipeline skips them). */
  get options(): PipelineOptions {
    return this.#options;
  }

  toJSON(): Record<string, unknown> {
    return { root: this.root, lockfilePath: this.lockfilePath };
  }

  [inspect.custom](): string {
    return `AssetPipeline ${inspect(this.toJSON())}`;
  }

  relative(file: string): string {
    return toProjectPath(this.root, resolvePath(this.root, file));
  }

  /** Whether files of this kind are uploaded at all (audio can be turned off). */
  wants(kind: AssetKind | undefined): boolean {
    return !(kind === "audio" && this.options.audio === false);
  }

  kindOf(file: string): AssetKind | undefined {
    return extensionInfo(extname(file).slice(1))?.kind;
  }

  /** What validation and the create request use: given names, else defaults from the file name. */
  metaFor(prepared: PreparedFile, opts: ResolveOptions = {}, creator?: string): ValidateMeta {
    return {
      displayName: opts.displayName ?? defaultDisplayName(prepared.absolute),
      description: opts.description ?? "",
      assetType: prepared.assetType,
      ...(creator !== undefined ? { creator } : {}),
      ...(this.options.videoExpectedPrice !== undefined
        ? { expectedPrice: this.options.videoExpectedPrice }
        : {}),
    };
  }

  emit(event: PipelineEvent): void {
    this.options.onEvent?.(event);
  }

  config(): Promise<ResolvedConfig> {
    this.#config ??= resolveConfig({
      root: this.root,
      ...(this.options.env ? { env: this.options.env } : {}),
      ...pick(this.options, ["apiKey", "oauthToken", "baseUrl", "creator"]),
    });
    return this.#config;
  }

  lockfile(): Promise<Lockfile> {
    this.#lockfile ??= Lockfile.open(this.lockfilePath, { root: this.root });
    // A failed open (malformed file) is retried next time, after the user fixed it.
    this.#lockfile.catch(() => {
      this.#lockfile = undefined;
    });
    return this.#lockfile;
  }

  /** The fix text for a file outside the root, as the caller words it. */
  get outsideRootFix(): string {
    return this.options.outsideRootFix ?? DEFAULT_OUTSIDE_ROOT_FIX;
  }

  async resolve(file: string, opts: ResolveOptions = {}): Promise<ResolvedAsset> {
    opts.signal?.throwIfAborted();
    try {
      const prepared = await this.prepare(file, opts.assetType, opts.process);
      // A file an earlier sync packed into a spritesheet resolves to its sprite while its content holds.
      const sprite = lookupSprite(await this.lockfile(), prepared.file, prepared.hash);
      if (sprite) {
        this.emit({ type: "done", asset: sprite });
        return sprite;
      }
      if (prepared.hit) {
        if (prepared.hit.status === "reused") await this.#record(prepared, prepared.hit);
        this.emit({ type: "done", asset: prepared.hit });
        return prepared.hit;
      }
      // Only a request takes an upload slot.
      return await this.#limit(() => {
        opts.signal?.throwIfAborted();
        return this.#upload(prepared, opts);
      });
    } catch (error) {
      throw requestError(toProjectPath(this.root, resolvePath(this.root, file)), error, opts.signal);
    }
  }

  async entries(): Promise<LockedAsset[]> {
    const lockfile = await Lockfile.open(this.lockfilePath, { root: this.root });
    return lockfile.entries().map(([file, entry]) => ({
      file,
      assetId: entry.assetId,
      uri: `rbxassetid://${entry.assetId}` as const,
      assetType: entry.assetType,
      hash: entry.hash,
    }));
  }

  async lookup(file: string): Promise<ResolvedAsset | undefined> {
    const prepared = await this.prepare(file);
    return lookupSprite(await this.lockfile(), prepared.file, prepared.hash) ?? prepared.hit;
  }

  sync(paths: string[], opts: SyncOptions = {}): Promise<SyncReport> {
    return runSync(this, paths, opts);
  }

  /** The processing options in force: the call's, else the pipeline's, with defaults. */
  processOptions(given?: ProcessOptions): ResolvedProcessOptions {
    return resolveProcessOptions(given ?? this.options.process);
  }

  /**
   * Hashes, consults the lockfile and, unless the lockfile already holds this content, detects. No network,
   * no credentials.
   *
   * A hit costs one stat and one read: content the lockfile holds under a path with the same extension was
   * detected and validated when it was uploaded, and detection depends only on the content and the
   * extension, so it is not repeated. Anything else (new or changed content, the same content under another
   * extension, a file that cannot be read) is detected before it can go anywhere near a request.
   */
  prepare(file: string, requested?: AssetType, process?: ProcessOptions): Promise<PreparedFile> {
    return this.#localLimit(() => this.#prepare(file, requested, process));
  }

  /**
   * The file's project path and content hash, nothing more (no detection): what a spritesheet needs to
   * tell an unchanged sprite. Refuses files outside the root like `prepare`.
   */
  hashOnly(file: string): Promise<{ file: string; hash: string }> {
    return this.#localLimit(async () => {
      const absolute = resolvePath(this.root, file);
      const linkInfo = await this.#guard.check(absolute);
      const shown = toProjectPath(this.root, absolute);
      // An unreadable file: detection words the problem.
      if (!linkInfo) await detectFile(absolute, { root: this.root });
      const content = linkInfo ? await readAndHash(absolute, linkInfo) : { hash: await hashFile(absolute) };
      return { file: shown, hash: content.hash };
    });
  }

  async #prepare(
    file: string,
    requested: AssetType | undefined,
    processGiven: ProcessOptions | undefined,
  ): Promise<PreparedFile> {
    const absolute = resolvePath(this.root, file);
    // Only project files: the lockfile records paths relative to the root.
    const linkInfo = await this.#guard.check(absolute);
    const shown = toProjectPath(this.root, absolute);
    const extension = extname(absolute).slice(1).toLowerCase();
    // Processing is keyed, not run: its fingerprint picks the lockfile entry (no decode on a hit).
    const process = this.processOptions(processGiven);
    const processingOf = (head: Uint8Array | undefined) => {
      const fingerprint = imageFingerprint(process, absolute, () => head ?? readHeadSync(absolute));
      return fingerprint !== undefined ? { process, fingerprint } : {};
    };
    const info = extensionInfo(extension);
    const quick =
      linkInfo !== undefined &&
      info !== undefined &&
      (requested === undefined || info.assetTypes.includes(requested));
    if (quick) {
      const [config, lockfile, content] = await Promise.all([
        this.config(),
        this.lockfile(),
        readAndHash(absolute, linkInfo).catch(() => undefined),
      ]);
      if (content) {
        const assetType = this.#assetTypeOf(info.kind, info.assetTypes, requested);
        const processing = processingOf(content.head);
        const fingerprint = processing.fingerprint;
        const hit = lockHit(lockfile, shown, content.hash, assetType, config.creator, fingerprint);
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
            ...processing,
          };
        }
        // Not in the lockfile (or only under another extension): detect, and keep the hash already made.
        const detected = await detectFile(absolute, { root: this.root });
        const type = this.assetTypeFor(detected, shown, requested);
        return {
          absolute,
          file: shown,
          detected,
          assetType: type,
          hash: content.hash,
          hit: hit?.asset,
          ...processing,
        };
      }
    }
    // Unusual files (unreadable, unsupported, a type the extension cannot be): detection names the problem.
    const [config, lockfile, detected] = await Promise.all([
      this.config(),
      this.lockfile(),
      detectFile(absolute, { root: this.root }),
    ]);
    const assetType = this.assetTypeFor(detected, shown, requested);
    const hash = await hashFile(absolute);
    const processing = processingOf(undefined);
    const hit = lockHit(lockfile, shown, hash, assetType, config.creator, processing.fingerprint)?.asset;
    return { absolute, file: shown, detected, assetType, hash, hit, ...processing };
  }

  #assetTypeOf(kind: AssetKind, assetTypes: readonly AssetType[], requested?: AssetType): AssetType {
    if (requested !== undefined) return requested;
    if (kind === "image") return this.options.imageAssetType ?? "Image";
    return assetTypes[0]!;
  }

  assetTypeFor(detected: DetectedFile, file: string, requested?: AssetType): AssetType {
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

  async #record(prepared: PreparedFile, asset: ResolvedAsset | UploadResult): Promise<void> {
    const lockfile = await this.lockfile();
    const entry: LockEntry =
      "entry" in asset
        ? asset.entry
        : {
            ...lockfile.findByHash(prepared.hash, {
              assetType: prepared.assetType,
              preferPath: prepared.file,
              process: prepared.fingerprint,
            })![1],
          };
    await lockfile.record(prepared.file, entry);
  }

  async #upload(prepared: PreparedFile, opts: ResolveOptions): Promise<ResolvedAsset> {
    const { file, detected, assetType, hash } = prepared;
    const config = await this.config();
    const lockfile = await this.lockfile();
    const meta = this.metaFor(prepared, opts, config.creator);
    const { displayName, description } = meta;
    await validateFile(detected, meta, { root: this.root });
    if (prepared.process && !prepared.content) {
      const onDecode = (decoded: string) => this.emit({ type: "decode", file: decoded });
      const content = await processForUpload(prepared.absolute, file, prepared.process, onDecode);
      if (content) prepared.content = content;
    }
    const creator = config.creator!;
    const target = this.#updateTarget(lockfile, file, assetType);
    // Same content, same creator and type: one upload, whatever the path. A model update keeps its own key
    // so that its id stays stable.
    const key = target
      ? `update\0${file}\0${hash}`
      : `${creator}\0${assetType}\0${hash}\0${prepared.fingerprint ?? ""}`;
    let shared = this.#inflight.get(key);
    const owner = shared === undefined;
    if (!shared) {
      shared = this.#uploadOnce(prepared, { displayName, description, creator, target, key }, opts.signal);
      this.#inflight.set(key, shared);
      shared.then(
        () => this.#inflight.delete(key),
        () => this.#inflight.delete(key),
      );
    }
    const result = await shared;
    const reused = !owner || result.reused === true;
    // The owner's upload was recorded under this path already; everyone else records their own path.
    if (reused) await lockfile.record(file, result.entry);
    const asset: ResolvedAsset = {
      file,
      assetId: result.entry.assetId,
      uri: `rbxassetid://${result.entry.assetId}`,
      assetType: result.entry.assetType,
      hash,
      status: reused ? "reused" : target ? "updated" : "uploaded",
      moderation: result.moderation,
      ...(result.warning ? { warning: result.warning } : {}),
    };
    if (asset.warning) this.emit({ type: "warning", file, message: asset.warning });
    this.emit({ type: "done", asset });
    return asset;
  }

  /** The lockfile entry to update in place: a model at this path, whose asset no other path shares. */
  #updateTarget(lockfile: Lockfile, file: string, assetType: AssetType): LockEntry | undefined {
    const entry = lockfile.get(file);
    if (entry?.assetType !== "Model" || assetType !== "Model") return undefined;
    for (const [path, other] of lockfile.entries()) {
      if (path !== file && other.assetId === entry.assetId) return undefined;
    }
    return entry;
  }

  async #uploadOnce(
    prepared: PreparedFile,
    meta: {
      displayName: string;
      description: string;
      creator: string;
      target: LockEntry | undefined;
      key: string;
    },
    signal: AbortSignal | undefined,
  ): Promise<UploadResult> {
    const { file, assetType, hash } = prepared;
    const lockfile = await this.lockfile();
    const release = await this.#claims.acquire(meta.key, signal);
    try {
      // Another process may have uploaded this content while we waited: re-read before uploading.
      await lockfile.refresh();
      const config = await this.config();
      const fingerprint = prepared.fingerprint;
      const hit = lockHit(lockfile, file, hash, assetType, config.creator, fingerprint)?.asset;
      if (hit) {
        const [, entry] = lockfile.findByHash(hash, {
          assetType,
          creator: meta.creator,
          preferPath: file,
          process: fingerprint,
        })!;
        return {
          entry,
          moderation: hit.moderation,
          ...(hit.warning ? { warning: hit.warning } : {}),
          reused: true,
        };
      }
      const target = meta.target;
      const processed = prepared.content;
      const contentType =
        (processed && contentTypeOf(processed, assetType)) ??
        extensionInfo(prepared.detected.extension)?.contentTypes[assetType] ??
        prepared.detected.contentType;
      const fileInput = {
        data: processed
          ? new Blob([processed.bytes as Uint8Array<ArrayBuffer>], { type: contentType })
          : await openAsBlob(prepared.absolute, { type: contentType }),
        fileName: processed?.fileName ?? basename(prepared.absolute),
        contentType,
      };
      const { asset, moderation } = await this.send(
        { file, fileInput, assetType, displayName: meta.displayName, description: meta.description, target },
        signal,
      );
      const entry: LockEntry = {
        assetId: target?.assetId ?? asset.assetId,
        assetType,
        hash,
        creator: meta.creator,
      };
      if (assetType === "Model" && asset.revisionId) entry.version = asset.revisionId;
      if (fingerprint !== undefined) entry.process = fingerprint;
      if (moderation === "Reviewing") entry.moderation = "Reviewing";
      // Recorded here, before the claim is released, so that a waiting process finds it.
      await lockfile.record(file, entry);
      return {
        entry,
        moderation,
        ...(moderation === "Reviewing"
          ? { warning: `moderation is still reviewing asset ${entry.assetId}; it may yet be rejected` }
          : {}),
      };
    } finally {
      await release();
    }
  }

  /**
   * One create (or, with `target`, update) request, its operation waited for and its moderation verdict
   * checked: the asset, or a PipelineError naming `file`. Records nothing; the caller does.
   */
  async send(
    request: {
      file: string;
      fileInput: { data: Blob; fileName: string; contentType: string };
      assetType: AssetType;
      displayName: string;
      description: string;
      target?: LockEntry | undefined;
    },
    signal: AbortSignal | undefined,
  ): Promise<{ asset: Asset; moderation: ModerationStatus }> {
    const { file, fileInput, assetType, target } = request;
    const config = await this.config();
    const client = this.#getClient(config, file);
    this.emit({ type: "start", file, action: target ? "update" : "upload" });
    const callOpts = signal ? { signal } : {};
    let operation: Operation;
    try {
      operation = target
        ? await client.updateAsset(target.assetId, { file: fileInput }, callOpts)
        : await client.createAsset(
            {
              request: {
                assetType,
                displayName: request.displayName,
                description: request.description,
                creationContext: {
                  creator: config.creatorRef!,
                  ...(assetType === "Video" && this.options.videoExpectedPrice !== undefined
                    ? { expectedPrice: this.options.videoExpectedPrice }
                    : {}),
                },
              },
              file: fileInput,
            },
            callOpts,
          );
    } catch (error) {
      throw requestError(file, error, signal);
    }
    const timeoutMs = this.options.operationTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    const outcome = await client.waitForOperation(operation, {
      timeoutMs,
      initialDelayMs: firstPollDelayMs(fileInput.data.size, this.#pollScale),
      ...callOpts,
    });
    if (outcome.polls > POLLS_PER_UPLOAD) this.#pollScale = Math.min(this.#pollScale * 1.5, 5);
    else if (outcome.polls < POLLS_PER_UPLOAD) this.#pollScale = Math.max(this.#pollScale / 1.5, 1);
    if (outcome.status === "aborted") throw abortError(signal);
    if (outcome.status === "timedOut") {
      throw new PipelineError(
        file,
        "operation-timeout",
        `the upload was accepted but did not finish within ${Math.round(timeoutMs / 1000)} s`,
        "run again later, or raise operationTimeoutMs",
      );
    }
    if (outcome.status === "failed") {
      throw new PipelineError(
        file,
        "operation-failed",
        `the upload failed: ${outcome.error.message} (${outcome.error.code})`,
        "fix the file or its name and description, then run again",
      );
    }
    let asset: Asset = outcome.asset;
    // A finished operation must name the asset: never record (or return) `rbxassetid://undefined`.
    if (!target && !/^\d+$/.test(String(asset?.assetId)))
      throw new PipelineError(
        file,
        "response",
        "the service answered without a valid asset id",
        "run again; if it persists, check RBXASSETS_API_URL",
      );
    if (this.options.waitForModeration && moderationOf(asset) === "Reviewing") {
      try {
        asset = await waitForVerdict(client, asset, { timeoutMs, signal });
      } catch (error) {
        throw requestError(file, error, signal);
      }
    }
    const moderation = moderationOf(asset);
    if (moderation === "Rejected") {
      throw new PipelineError(
        file,
        "moderation-rejected",
        `moderation rejected the content (asset ${asset.assetId})`,
        "replace the content, or its name and description, with something that follows the Community Standards",
      );
    }
    return { asset, moderation };
  }

  /** Runs `task` in one of the upload slots (the concurrency option). */
  withUploadSlot<T>(task: () => Promise<T>): Promise<T> {
    return this.#limit(task);
  }

  #getClient(config: ResolvedConfig, file: string): AssetsClient {
    if (this.#client) return this.#client;
    if (!config.hasCredentials) {
      throw new PipelineError(
        file,
        "credentials",
        "this content is not in the lockfile and no credentials are configured",
        "set RBXASSETS_API_KEY (or RBXASSETS_OAUTH_TOKEN), in the environment or in .env",
      );
    }
    // Our config already applied options > env > .env; an empty env stops the client from re-reading it.
    this.#client = createNodeAssetsClient({
      env: {},
      ...(config.apiKey !== undefined ? { apiKey: config.apiKey } : {}),
      ...(config.oauthToken !== undefined ? { oauthToken: config.oauthToken } : {}),
      ...(config.baseUrl !== undefined ? { baseUrl: config.baseUrl } : {}),
    });
    return this.#client;
  }
}

/**
 * The lockfile's answer for this content: the path's own entry, or the same content elsewhere; `source` is
 * the path whose entry answered.
 */
function lockHit(
  lockfile: Lockfile,
  file: string,
  hash: string,
  assetType: AssetType,
  creator: string | undefined,
  fingerprint: string | undefined,
): { asset: ResolvedAsset; source: string } | undefined {
  // Without a configured creator (offline, check mode) any creator's entry answers.
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
    uri: `rbxassetid://${entry.assetId}`,
    assetType: entry.assetType,
    hash,
    status: path === file ? "unchanged" : "reused",
    moderation: entry.moderation ?? "Approved",
    ...(reviewing
      ? { warning: `moderation was still reviewing asset ${entry.assetId} when it was uploaded` }
      : {}),
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

function defaultDisplayName(absolute: string): string {
  const name = basename(absolute, extname(absolute)).trim() || basename(absolute);
  return [...name].slice(0, limits.maxDisplayNameLength).join("");
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function abortError(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/** A failed request as a PipelineError naming the file (aborts pass through untouched). */
function requestError(file: string, error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted || isAbortError(error)) return signal?.aborted ? abortError(signal) : error;
  if (error instanceof PipelineError) return error;
  if (error instanceof AssetsApiError) {
    const fix =
      error.status === 401 || error.status === 403
        ? "check RBXASSETS_API_KEY (or the OAuth token) and that it may write assets for this creator"
        : error.status === 429 || error.status >= 500
          ? "the service is busy or failing: run again later"
          : "fix the file or its name and description, then run again";
    return new PipelineError(
      file,
      "request",
      `the service refused the upload (${error.status}${error.code !== undefined ? ` ${error.code}` : ""}: ${error.message})`,
      fix,
      { cause: error },
    );
  }
  if (error instanceof AssetsClientError) {
    return new PipelineError(file, "request", describeError(error), "check the pipeline options", {
      cause: error,
    });
  }
  return new PipelineError(
    file,
    "error",
    describeError(error),
    "run again; if it persists, check the network and RBXASSETS_API_URL",
    {
      cause: error,
    },
  );
}
