// Stage: upload once. One content goes up at most once, whoever asks for it (a file, an atlas) and however
// many processes run: the cross-process claim, a last look at the lockfile (another run may have recorded
// it meanwhile), the bytes made only then (the process stage), the journaled request and wait, and the
// lockfile record, written before the claim is released so that a waiting process finds it.
import type { AssetsClient } from "../../index.js";
import type { WriteContext } from "../account-gate.js";
import type { ResolvedConfig } from "../config.js";
import type { StopWatches } from "../graceful-stop.js";
import type { UploadIntent } from "../journal/records.js";
import { uploadJournaled } from "../journaled-upload.js";
import type { LockEntry, Lockfile } from "../lockfile.js";
import type { ResolveOptions } from "../pipeline-options.js";
import type { PipelineWrites } from "../pipeline-writes.js";
import type { ModerationStatus, PipelineEvent } from "../types.js";
import type { ValidateMeta } from "../validate.js";
import { type AmbiguousWrites, requestError } from "./error-map.js";
import { lockHit, type PreparedFile } from "./prepare.js";
import type { ProcessStage, UploadContent } from "./process.js";
import { entryFor, reviewingWarning } from "./record.js";
import type { UploadRequest } from "./upload.js";
import type { Settled } from "./wait.js";

export interface UploadOnceHost {
  stops: StopWatches;
  writes: PipelineWrites;
  lockfile(): Promise<Lockfile>;
  config(): Promise<ResolvedConfig>;
  client(config: ResolvedConfig, file: string): AssetsClient;
  emit(event: PipelineEvent): void;
  /** Writes of this run that may have been carried out: never sent again in it. */
  ambiguous: AmbiguousWrites;
}

/** One content to upload once: what it is, how it goes up, and how its result is found and recorded. */
export interface ContentUpload<R> {
  /** What is named in events, errors and the journal: a project path, or an atlas's name. */
  file: string;
  /** The claim's key: equal content (and creator, type, processing) has equal keys. */
  key: string;
  intent: UploadIntent;
  request: UploadRequest;
  write: WriteContext;
  /** After the claim and a fresh read: the result the lockfile already holds, if any (then recorded). */
  recorded(lockfile: Lockfile): Promise<R | undefined>;
  /** The bytes to send, made only when an upload is needed. */
  content(): Promise<UploadContent>;
  /** Records the settled upload in the lockfile; its result. */
  record(lockfile: Lockfile, settled: Settled): Promise<R>;
  signal?: AbortSignal | undefined;
  stop?: AbortSignal | undefined;
}

/** Uploads `upload`'s content unless the lockfile holds it by now; `reused` when it did. */
export async function uploadContentOnce<R>(
  host: UploadOnceHost,
  upload: ContentUpload<R>,
): Promise<{ result: R; reused: boolean }> {
  const { file, key, signal, stop } = upload;
  const watch = host.stops.for(stop);
  const lockfile = await host.lockfile();
  const config = await host.config();
  await host.writes.ready(signal);
  const release = await host.writes.claim(key, signal);
  try {
    // Another process may have uploaded this content while we waited: re-read before uploading.
    await lockfile.refresh();
    const found = await upload.recorded(lockfile);
    if (found !== undefined) return { result: found, reused: true };
    host.writes.refuseUnsettled(file, key);
    watch.throwIfStopped();
    const client = host.client(config, file);
    // An API that cannot be reached is named by its address.
    const write = { ...upload.write, url: client.baseUrl };
    host.emit({ type: "start", file, action: upload.request.target ? "update" : "upload" });
    const content = await upload.content();
    let sent: Awaited<ReturnType<typeof uploadJournaled>>;
    host.ambiguous.check(key);
    try {
      sent = await uploadJournaled(host.writes.uploadContext(), {
        client,
        intent: upload.intent,
        request: upload.request,
        content,
        write,
        signal,
        stop,
        watch,
      });
    } catch (error) {
      throw host.ambiguous.note(key, requestError(file, error, signal, write));
    }
    try {
      const result = await upload.record(lockfile, sent.settled);
      // The journal entry goes only once the lockfile holds the result.
      await sent.ticket.end().catch(() => {});
      return { result, reused: false };
    } finally {
      // The graceful stop's count of uploads finishing falls now.
      sent.finished();
    }
  } finally {
    await release();
  }
}

/** What one file's upload produced; shared by every caller waiting on the same content. */
export interface UploadResult {
  entry: LockEntry;
  moderation: ModerationStatus;
  warning?: string;
  /** True when another process had uploaded the content meanwhile (found in the lockfile). */
  reused?: boolean;
}

export interface UploadOnceRequest {
  prepared: PreparedFile;
  meta: ValidateMeta;
  creator: string;
  target: LockEntry | undefined;
  key: string;
  opts: ResolveOptions;
}

/** One file through the shared path: its bytes from the process stage, its lockfile entry by path. */
export async function uploadOnce(
  host: UploadOnceHost,
  process: ProcessStage,
  request: UploadOnceRequest,
): Promise<UploadResult> {
  const { prepared, meta, creator, target, key, opts } = request;
  const { file, assetType, hash, fingerprint } = prepared;
  const config = await host.config();
  const { result, reused } = await uploadContentOnce<UploadResult>(host, {
    file,
    key,
    intent: {
      kind: "file",
      file,
      hash,
      assetType,
      creator,
      key,
      ...(target ? { target: target.assetId } : {}),
      ...(fingerprint !== undefined ? { process: fingerprint } : {}),
    },
    request: {
      assetType,
      displayName: meta.displayName,
      description: meta.description,
      creator: config.creatorRef!,
      videoExpectedPrice: meta.expectedPrice,
      target,
      privacy: opts.privacy,
    },
    write: { creator, targetCreator: target?.creator },
    recorded: async (lockfile) => {
      const hit = lockHit(lockfile, file, hash, assetType, config.creator, fingerprint)?.asset;
      if (!hit) return undefined;
      const [, entry] = lockfile.findByHash(hash, {
        assetType,
        creator,
        preferPath: file,
        process: fingerprint,
      })!;
      return { entry, moderation: hit.moderation, ...(hit.warning ? { warning: hit.warning } : {}) };
    },
    content: () => process(prepared, opts.signal),
    record: async (lockfile, { asset, moderation }) => {
      const entry = entryFor(prepared, asset, moderation, creator, target);
      await lockfile.record(file, entry);
      return {
        entry,
        moderation,
        ...(moderation === "Reviewing" ? { warning: reviewingWarning(entry.assetId) } : {}),
      };
    },
    signal: opts.signal,
    stop: opts.stop,
  });
  return reused ? { ...result, reused: true } : result;
}
