// The upload pipeline: prepare ▶ validate ▶ process ▶ upload | update ▶ wait and moderation ▶ record, each
// stage its own module under `stages/`. This file holds the order, the limits and the shared state
// (configuration, lockfile, client, in-flight uploads, the account-refusal latch).
import { resolve as resolvePath } from "node:path";
import { inspect } from "node:util";
import pLimit from "p-limit";
import { defaultDisplayName } from "../client/display-name.js";
import { assetUri } from "../client/normalize.js";
import type { AssetsClient } from "../index.js";
import { AccountGate } from "./account-gate.js";
import { AccountRefusedError } from "./account-refusal.js";
import { type ResolvedConfig, resolveConfig } from "./config.js";
import { DEFAULT_STOP_GRACE_MS, StopWatches } from "./graceful-stop.js";
import { LOCKFILE_NAME, Lockfile } from "./lockfile.js";
import { mergeNotice } from "./lockfile-merge.js";
import { OUTSIDE_ROOT_FIX, toProjectPath } from "./paths.js";
import { clientFor } from "./pipeline-client.js";
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_OPERATION_TIMEOUT_MS,
  type GrantOptions,
  type LocalContent,
  type LocalOptions,
  type LockedAsset,
  type LookupOptions,
  type Pipeline,
  type PipelineOptions,
  type ResolveOptions,
  type SyncOptions,
} from "./pipeline-options.js";
import { PipelineWrites } from "./pipeline-writes.js";
import {
  type ProcessOptions,
  type ResolvedProcessOptions,
  resolveProcessOptions,
} from "./process/options.js";
import { AmbiguousWrites, requestError } from "./stages/error-map.js";
import { experienceIds, grantExperiences, pendingGrants } from "./stages/grant.js";
import { type PreparedFile, Preparer } from "./stages/prepare.js";
import type { ProcessStage } from "./stages/process.js";
import { imageProcessStage } from "./stages/process-image.js";
import { checkUploadQuotas, type QuotaHost } from "./stages/quota.js";
import { recordReuse, resolvedFrom, updateTarget } from "./stages/record.js";
import { lookupSprite } from "./stages/sprite-lookup.js";
import type { SheetHost } from "./stages/spritesheet.js";
import {
  type UploadOnceHost,
  type UploadResult,
  uploadContentOnce,
  uploadOnce,
} from "./stages/upload-once.js";
import { PollPacer } from "./stages/wait.js";
import { runSync, type SyncHost } from "./sync.js";
import type { GrantReport, PipelineEvent, ResolvedAsset, SyncReport } from "./types.js";
import { type ValidateMeta, validateFile } from "./validate.js";

type QuotaCheck = { processing?: ResolvedProcessOptions; outsideRoot: boolean; videoExpectedPrice?: number };

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  return new AssetPipeline(options);
}

class AssetPipeline implements Pipeline {
  readonly root: string;
  readonly lockfilePath: string;
  /** Private: holds the API key, which `util.inspect` and `JSON.stringify` must never print. */
  readonly #options: PipelineOptions;
  readonly #limit: ReturnType<typeof pLimit>; // upload slots: only a request takes one
  readonly #preparer: Preparer;
  readonly #process: ProcessStage;
  readonly #inflight = new Map<string, Promise<UploadResult>>();
  readonly #pacer = new PollPacer();
  /** Writable checks, the journal, resuming dead runs' uploads, the cross-process claims. */
  readonly #writes: PipelineWrites;
  readonly #stops: StopWatches;
  #config: Promise<ResolvedConfig> | undefined;
  #lockfile: Promise<Lockfile> | undefined;
  #client: AssetsClient | undefined;
  readonly #gate = new AccountGate(); // the first write alone; none after an account-level refusal
  readonly #ambiguous = new AmbiguousWrites();

  constructor(options: PipelineOptions) {
    this.#options = options;
    this.root = resolvePath(options.root ?? process.cwd());
    this.lockfilePath = resolvePath(this.root, options.lockfile ?? LOCKFILE_NAME);
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    }
    this.#limit = pLimit(concurrency);
    // Without types, `process: { alphaBleed: false }` is an easy slip: said here, not as a failed upload.
    if (options.process !== undefined && typeof options.process !== "function") {
      throw new TypeError(
        "process must be a function (a replacement process stage); image options such as alphaBleed and spritesheet go in processing",
      );
    }
    this.#stops = new StopWatches(options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS, (event) => this.#emit(event));
    this.#writes = new PipelineWrites({
      root: this.root,
      lockfilePath: this.lockfilePath,
      lockfile: () => this.#getLockfile(),
      client: async () => this.#getClient(await this.#getConfig(), LOCKFILE_NAME),
      emit: (event) => this.#emit(event),
      pacer: this.#pacer,
      gate: this.#gate,
      timeoutMs: options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS,
      waitForModeration: options.waitForModeration === true,
    });
    this.#client = options.client;
    this.#process = options.process ?? imageProcessStage((file) => this.#emit({ type: "decode", file }));
    this.#preparer = new Preparer({
      root: this.root,
      imageAssetType: options.imageAssetType,
      modelAssetType: options.modelAssetType,
      outsideRootFix: options.outsideRootFix ?? OUTSIDE_ROOT_FIX,
      config: () => this.#getConfig(),
      lockfile: () => this.#getLockfile(),
    });
  }

  toJSON = (): Record<string, unknown> => ({ root: this.root, lockfilePath: this.lockfilePath });
  [inspect.custom] = (): string => `AssetPipeline ${inspect(this.toJSON())}`;

  async resolve(file: string, opts: ResolveOptions = {}): Promise<ResolvedAsset> {
    opts.signal?.throwIfAborted();
    try {
      const prepared = await this.#preparer.prepare(
        file,
        opts.assetType,
        this.#processingFor(opts.processing),
      );
      // A file an earlier sync packed into a spritesheet resolves to its sprite while its content holds.
      const sprite = lookupSprite(await this.#getLockfile(), prepared.file, prepared.hash);
      if (sprite) {
        this.#emit({ type: "done", asset: sprite });
        return sprite;
      }
      if (prepared.hit) {
        if (prepared.hit.status === "reused") await recordReuse(await this.#getLockfile(), prepared);
        this.#emit({ type: "done", asset: prepared.hit });
        return prepared.hit;
      }
      // Only a request takes an upload slot.
      return await this.#limit(async () => {
        opts.signal?.throwIfAborted();
        // After a graceful stop, a file still waiting for a slot is left for a later run.
        this.#stops.for(opts.stop).throwIfStopped();
        const refusal = this.#gate.refusal;
        if (refusal) throw new AccountRefusedError(prepared.file, refusal, { attempted: false });
        try {
          return await this.#upload(prepared, opts);
        } catch (error) {
          const context = { creator: (await this.#getConfig()).creator, url: this.#client?.baseUrl };
          this.#gate.noteFailure(error, context);
          throw requestError(prepared.file, error, opts.signal, context);
        }
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
      uri: assetUri(entry.assetId),
      assetType: entry.assetType,
      hash: entry.hash,
    }));
  }

  async lookup(file: string, opts: LookupOptions = {}): Promise<ResolvedAsset | undefined> {
    const processing = this.#processingFor(opts.processing);
    const prepared = await this.#preparer.prepare(file, opts.assetType, processing);
    const sprite = lookupSprite(await this.#getLockfile(), prepared.file, prepared.hash);
    if (sprite) return sprite;
    // A spritesheet input's file is packed by a sync: the same content recorded for another file (as a plain
    // image) is not its answer, or a build would say "not packed into a spritesheet" instead of "run sync".
    if (processing.spritesheet && prepared.hit?.status === "reused") return undefined;
    return prepared.hit;
  }

  async processLocally(file: string, opts: LocalOptions = {}): Promise<LocalContent> {
    const processing = this.#processingFor({
      ...(opts.processing ?? this.#options.processing),
      spritesheet: false,
    });
    const prepared = await this.#preparer.prepare(file, undefined, processing);
    // Content the lockfile holds was validated when it was uploaded; anything else is checked as for one.
    if (!prepared.hit) await this.#validateOffline(prepared, {});
    const content = await this.#process(prepared, opts.signal);
    return { file: prepared.file, kind: prepared.detected.kind, content };
  }

  sync(paths: string[], opts: SyncOptions = {}): Promise<SyncReport> {
    this.#ambiguous.clear(); // a new run: what the last one left unknown is the journal's to resolve
    return runSync(this.#syncHost(opts), paths, opts);
  }

  checkQuotas(files: string[], opts: { signal?: AbortSignal } = {}): Promise<void> {
    const absolute = files.map((file) => resolvePath(this.root, file));
    // The caller uploads exactly these files, one outside the root unrecorded: that one counts too.
    return this.#checkQuotas(absolute, opts.signal, { outsideRoot: true });
  }

  /** The quota stage: `how` gives its local checks' processing and price, and if an outside file counts. */
  async #checkQuotas(files: readonly string[], signal: AbortSignal | undefined, how: QuotaCheck) {
    const config = await this.#getConfig();
    const { processing = this.#processingFor(undefined), outsideRoot, ...price } = how;
    const host: QuotaHost = {
      client: () => this.#getClient(config, config.creator ?? ""),
      creator: async () => config.creator,
      // Content the local checks refuse is never sent, so it counts for no quota and asks for no read.
      prepare: async (file) => {
        const prepared = await this.#preparer.prepare(file, undefined, processing);
        if (!prepared.hit) await this.#validateOffline(prepared, price);
        return prepared;
      },
      emit: (event) => this.#emit(event),
      audio: this.#options.audio !== false,
      outsideRoot,
    };
    await checkUploadQuotas(host, files, signal);
  }

  async grant(assets: readonly ResolvedAsset[], opts: GrantOptions): Promise<GrantReport> {
    const experiences = experienceIds(opts.experiences);
    if (experiences.length === 0) return { granted: [], refusals: [], failed: [] };
    const config = await this.#getConfig();
    const host = {
      client: () => this.#getClient(config, config.creator ?? ""), // on the first grant: a warm run needs none
      lockfile: () => this.#getLockfile(),
      emit: (event: PipelineEvent) => this.#emit(event),
    };
    return grantExperiences(host, assets, experiences, opts.signal);
  }

  /** The processing in force: the call's, else the pipeline's, with defaults (a wrong value throws). */
  #processingFor(given: ProcessOptions | undefined): ResolvedProcessOptions {
    return resolveProcessOptions(given ?? this.#options.processing);
  }

  /** What sync needs of the pipeline, and nothing else. */
  #syncHost(opts: SyncOptions): SyncHost {
    const { videoExpectedPrice, stop } = opts;
    const price = videoExpectedPrice !== undefined ? { videoExpectedPrice } : {};
    const processing = this.#processingFor(opts.processing);
    const given = {
      ...(opts.processing ? { processing: opts.processing } : {}),
      ...(opts.privacy ? { privacy: opts.privacy } : {}),
    };
    const quotaCheck = opts.quotaCheck ?? this.#options.quotaCheck ?? true;
    return {
      root: this.root,
      lockfilePath: this.lockfilePath,
      codegen: this.#options.codegen,
      outsideRootFix: this.#options.outsideRootFix ?? OUTSIDE_ROOT_FIX,
      audio: this.#options.audio !== false,
      emit: (event) => this.#emit(event),
      ready: async () => {
        await Promise.all([this.#getLockfile(), this.#getConfig()]);
      },
      processing,
      imageAssetType: this.#options.imageAssetType ?? "Image",
      sheet: this.#sheetHost(),
      prepare: (file) => this.#preparer.prepare(file, undefined, processing),
      check: (prepared) => this.#validateOffline(prepared, price),
      lookup: (file) => this.lookup(file),
      resolve: (file, signal) =>
        this.resolve(file, { ...price, ...given, ...(signal ? { signal } : {}), ...(stop ? { stop } : {}) }),
      checkQuotas: async (files, signal) => {
        if (quotaCheck) await this.#checkQuotas(files, signal, { processing, outsideRoot: false, ...price });
      },
      pendingGrants: (assets, experiences) =>
        pendingGrants({ lockfile: () => this.#getLockfile() }, assets, experienceIds(experiences)),
      grant: (assets, experiences, signal) => this.grant(assets, { experiences, ...(signal && { signal }) }),
    };
  }

  /** What the spritesheet stage needs: reading, the lockfile, and the upload-once path in an upload slot. */
  #sheetHost(): SheetHost {
    return {
      preparer: this.#preparer,
      lockfile: () => this.#getLockfile(),
      config: () => this.#getConfig(),
      emit: (event) => this.#emit(event),
      uploadOnce: (upload) =>
        this.#limit(async () => {
          upload.signal?.throwIfAborted();
          // After a graceful stop, an atlas still waiting for a slot is left for a later run.
          this.#stops.for(upload.stop).throwIfStopped();
          try {
            return await uploadContentOnce(this.#uploadHost(), upload);
          } catch (error) {
            throw requestError(upload.file, error, upload.signal, upload.write);
          }
        }),
    };
  }

  /** Validation without credentials or creator: check mode, and files processed locally. */
  #validateOffline(prepared: PreparedFile, opts: ResolveOptions): Promise<void> {
    const meta = this.#metaFor(prepared, opts);
    return validateFile(prepared.detected, meta, { root: this.root, requireCreator: false });
  }

  #emit(event: Parameters<NonNullable<PipelineOptions["onEvent"]>>[0]): void {
    this.#options.onEvent?.(event);
  }

  /** What validation and the create request use: given names, else defaults from the file name. */
  #metaFor(prepared: PreparedFile, opts: ResolveOptions, creator?: string): ValidateMeta {
    const price = opts.videoExpectedPrice ?? this.#options.videoExpectedPrice;
    return {
      displayName: opts.displayName ?? defaultDisplayName(prepared.absolute),
      description: opts.description ?? "",
      assetType: prepared.assetType,
      ...(creator !== undefined ? { creator } : {}),
      ...(price !== undefined ? { expectedPrice: price } : {}),
    };
  }

  #getConfig(): Promise<ResolvedConfig> {
    const { env, apiKey, oauthToken, baseUrl, creator } = this.#options;
    this.#config ??= resolveConfig({
      root: this.root,
      ...(env ? { env } : {}),
      ...(apiKey !== undefined ? { apiKey } : {}),
      ...(oauthToken !== undefined ? { oauthToken } : {}),
      ...(baseUrl !== undefined ? { baseUrl } : {}),
      ...(creator !== undefined ? { creator } : {}),
    });
    return this.#config;
  }

  #getLockfile(): Promise<Lockfile> {
    this.#lockfile ??= Lockfile.open(this.lockfilePath, { root: this.root }).then((lockfile) => {
      const message = mergeNotice(lockfile.mergedConflicts);
      if (message) this.#emit({ type: "warning", file: toProjectPath(this.root, lockfile.path), message });
      return lockfile;
    });
    // A failed open (malformed file) is retried next time, after the user fixed it.
    this.#lockfile.catch(() => {
      this.#lockfile = undefined;
    });
    return this.#lockfile;
  }

  async #upload(prepared: PreparedFile, opts: ResolveOptions): Promise<ResolvedAsset> {
    const { file, assetType, hash } = prepared;
    const config = await this.#getConfig();
    const lockfile = await this.#getLockfile();
    const meta = this.#metaFor(prepared, opts, config.creator);
    await validateFile(prepared.detected, meta, { root: this.root });
    const creator = config.creator!;
    const target = updateTarget(lockfile, file, assetType);
    // Same content, same creator and type: one upload, whatever the path. A model update keeps its own key
    // so that its id stays stable.
    const key = target
      ? `update\0${file}\0${hash}`
      : `${creator}\0${assetType}\0${hash}\0${prepared.fingerprint ?? ""}`;
    let shared = this.#inflight.get(key);
    const owner = shared === undefined;
    if (!shared) {
      const request = { prepared, meta, creator, target, key, opts };
      shared = uploadOnce(this.#uploadHost(), this.#process, request);
      this.#inflight.set(key, shared);
      shared.finally(() => this.#inflight.delete(key)).catch(() => {});
    }
    const result = await shared;
    const reused = !owner || result.reused === true;
    // The owner's upload was recorded under this path already; everyone else records their own path.
    if (reused) await lockfile.record(file, result.entry);
    const status = reused ? "reused" : target ? "updated" : "uploaded";
    const asset = resolvedFrom(prepared, result.entry, status, result.moderation, result.warning);
    if (asset.warning) this.#emit({ type: "warning", file, message: asset.warning });
    this.#emit({ type: "done", asset });
    return asset;
  }

  /** What one upload needs of the pipeline. */
  #uploadHost(): UploadOnceHost {
    return {
      stops: this.#stops,
      writes: this.#writes,
      lockfile: () => this.#getLockfile(),
      config: () => this.#getConfig(),
      client: (config, file) => this.#getClient(config, file),
      emit: (event) => this.#emit(event),
      ambiguous: this.#ambiguous,
    };
  }

  #getClient(config: ResolvedConfig, file: string): AssetsClient {
    this.#client ??= clientFor(config, file);
    return this.#client;
  }
}
