// The pipeline's public face: its options, its calls and what they return.
import type { AssetPrivacy, AssetsClient, ImageAssetType } from "../index.js";
import type { AssetKind } from "./formats.js";
import type { ProcessOptions } from "./process/options.js";
import type { ProcessStage, UploadContent } from "./stages/process.js";
import type { AssetType, GrantReport, PipelineEvent, ResolvedAsset, SyncReport } from "./types.js";

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
  imageAssetType?: ImageAssetType;
  /**
   * Asset type for Roblox model files (`.rbxm`, `.rbxmx`). Default: `Animation` when the file's root is a
   * KeyframeSequence or CurveAnimation, else `Model`.
   */
  modelAssetType?: "Model" | "Animation";
  /** Upload audio (default true). When false, sync skips audio files. */
  audio?: boolean;
  /** Most Robux you accept to pay per video upload; videos are refused without it. */
  videoExpectedPrice?: number;
  /** Wait for a final moderation verdict instead of warning on Reviewing. */
  waitForModeration?: boolean;
  /**
   * Before a sync's first upload, read the creator's audio and video upload quotas and stop when the batch
   * does not fit (default true). Users only: Roblox publishes no group quotas.
   */
  quotaCheck?: boolean;
  /** Most time to wait for an upload operation (and for a verdict). Default 120 000 ms. */
  operationTimeoutMs?: number;
  /** Modules to write after a sync, paths relative to root. */
  codegen?: { typescript?: string; luau?: string };
  /**
   * The fix suggested when a file lies outside the root, in the caller's terms (a CLI's `-C`, a plugin's
   * `root` option). Default: a neutral wording.
   */
  outsideRootFix?: string;
  /**
   * Image processing (alpha bleeding, SVG rendering, spritesheets); a sync's or resolve's own `processing`
   * overrides it. Default: alpha bleeding on, no spritesheet.
   */
  processing?: ProcessOptions;
  /**
   * Replaces the process stage (turns a prepared file into the bytes to upload). Default: image processing
   * as `processing` says, other files as they are.
   */
  process?: ProcessStage;
  /**
   * After a graceful `stop`, how long uploads already sent keep settling (so that they are recorded)
   * before they are left to the journal for the next run. Default 30 000 ms.
   */
  stopGraceMs?: number;
  onEvent?: (event: PipelineEvent) => void;
}

export interface ResolveOptions {
  displayName?: string;
  description?: string;
  assetType?: AssetType;
  /** Most Robux accepted for this upload if it is a video; default the pipeline's `videoExpectedPrice`. */
  videoExpectedPrice?: number;
  /** Hard abort: stops at once; uploads in flight are left in the journal for the next run. */
  signal?: AbortSignal;
  /**
   * Graceful stop: no new request starts; an upload already sent keeps settling (up to `stopGraceMs`)
   * and is recorded.
   */
  stop?: AbortSignal;
  /** Processing for this file (default: the pipeline's `processing`). */
  processing?: ProcessOptions;
  /**
   * `creationContext.assetPrivacy` of a new asset. Default: none sent (the creator's own default).
   * `openUse` lets every experience use the asset and cannot be undone.
   */
  privacy?: AssetPrivacy;
}

/** What a lookup must know to find the entry a resolve with the same options would record. */
export type LookupOptions = Pick<ResolveOptions, "assetType" | "processing">;

export interface SyncOptions {
  /** Hard abort: stops at once; uploads in flight are left in the journal for the next run. */
  signal?: AbortSignal;
  /**
   * Graceful stop: no new request starts, uploads already sent settle (up to `stopGraceMs`) and are
   * recorded, files never started end in `pending`; `stopping` events tell how many are finishing.
   */
  stop?: AbortSignal;
  /** Report what would be uploaded (and what would be refused), without credentials or requests. */
  check?: boolean;
  /** Most Robux accepted per video upload in this sync; default the pipeline's `videoExpectedPrice`. */
  videoExpectedPrice?: number;
  /**
   * Processing for these files (default: the pipeline's `processing`). With `spritesheet`, the files given
   * are the whole sheet: sprites recorded before and not among them leave it.
   */
  processing?: ProcessOptions;
  /** The input's name: names its atlases (`<input>#<n>`). Default `sprites`. */
  input?: string;
  /** Pack the spritesheet afresh instead of keeping its layout. */
  repack?: boolean;
  /**
   * After uploading, grant these experiences (universe ids) `Use` of every asset of the sync, through the
   * asset-permissions API; the lockfile records each grant, so a warm run sends none.
   */
  grant?: { experiences: ReadonlyArray<string | number> };
  /** Privacy of new assets (see ResolveOptions.privacy). */
  privacy?: AssetPrivacy;
  /** Overrides the pipeline's `quotaCheck` for this sync. */
  quotaCheck?: boolean;
}

export interface Pipeline {
  /** Lockfile hit, or upload (or update, for a changed model); throws a PipelineError naming the file. */
  resolve(file: string, opts?: ResolveOptions): Promise<ResolvedAsset>;
  /** The lockfile's answer for this file's current content; no network, no credentials. */
  lookup(file: string, opts?: LookupOptions): Promise<ResolvedAsset | undefined>;
  sync(paths: string[], opts?: SyncOptions): Promise<SyncReport>;
  /**
   * Before uploading `files` (project paths or absolute): reads the upload quotas of the audio and video
   * among them that are not in the lockfile, and throws a PipelineError (rule `quota`) when they do not fit.
   * A sync does this itself; a caller syncing several inputs calls it once for them all, and one uploading
   * files calls it before the first (a file outside the root counts: it is uploaded unrecorded).
   */
  checkQuotas(files: string[], opts?: { signal?: AbortSignal }): Promise<void>;
  /**
   * Grants experiences `Use` of assets resolved outside a sync (a build's imports), exactly as a sync with
   * `grant` does after its uploads: each asset the lockfile records under its file (a sprite through its
   * atlas) and not yet granted an experience is granted, in batches, and each grant recorded in the lockfile,
   * so that a later call or sync sends none (and no credentials are needed when nothing is to send). Assets
   * the lockfile does not hold (an input's `existing` ids) are left alone. Refusals are returned, not thrown:
   * a refused asset in `failed`, a refused request in `refusals` (`grant-permission`: the key lacks
   * `asset-permissions:write`; `grant-credentials`: none are configured; either stops every grant). Emits
   * `granted`, `grantRefused` and `failed` events.
   */
  grant(assets: readonly ResolvedAsset[], opts: GrantOptions): Promise<GrantReport>;
  /** Every lockfile entry as on disk now (a missing lockfile is empty), sorted by file. No network. */
  entries(): Promise<LockedAsset[]>;
  /**
   * The bytes a sync would upload for this file, with no request and no credentials: prepared, validated
   * and processed (bled, SVG rendered) as for an upload. What `--target studio` writes.
   */
  processLocally(file: string, opts?: LocalOptions): Promise<LocalContent>;
  readonly root: string;
  readonly lockfilePath: string;
}

export interface GrantOptions {
  /** The experiences' universe ids (digit strings or numbers; each once). */
  experiences: ReadonlyArray<string | number>;
  /** Stops the grants; those already answered are recorded. */
  signal?: AbortSignal;
}

export interface LocalOptions {
  /** Processing for this file (default: the pipeline's `processing`); a spritesheet is not packed here. */
  processing?: ProcessOptions;
  signal?: AbortSignal;
}

/** A file as it would be uploaded: its project path, its kind and the processed bytes. */
export interface LocalContent {
  file: string;
  kind: AssetKind;
  content: UploadContent;
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

export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_OPERATION_TIMEOUT_MS = 120_000;
