// One upload of one content: the claim, a last look at the lockfile (another process may have uploaded
// it meanwhile), the process stage, the journaled request and wait, and the lockfile record.
import type { AssetsClient } from "../index.js";
import type { ResolvedConfig } from "./config.js";
import type { StopWatches } from "./graceful-stop.js";
import { uploadJournaled } from "./journaled-upload.js";
import type { LockEntry, Lockfile } from "./lockfile.js";
import type { ResolveOptions } from "./pipeline-options.js";
import type { PipelineWrites } from "./pipeline-writes.js";
import { type AmbiguousWrites, requestError } from "./stages/error-map.js";
import { lockHit, type PreparedFile } from "./stages/prepare.js";
import type { ProcessStage } from "./stages/process.js";
import { entryFor, reviewingWarning } from "./stages/record.js";
import type { ModerationStatus, PipelineEvent } from "./types.js";
import type { ValidateMeta } from "./validate.js";

/** What one upload produced; shared by every caller waiting on the same content. */
export interface UploadResult {
  entry: LockEntry;
  moderation: ModerationStatus;
  warning?: string;
  /** True when another process had uploaded the content meanwhile (found in the lockfile). */
  reused?: boolean;
}

export interface UploadOnceHost {
  stops: StopWatches;
  writes: PipelineWrites;
  lockfile(): Promise<Lockfile>;
  config(): Promise<ResolvedConfig>;
  client(config: ResolvedConfig, file: string): AssetsClient;
  process: ProcessStage;
  emit(event: PipelineEvent): void;
  /** Writes of this run that may have been carried out: never sent again in it. */
  ambiguous: AmbiguousWrites;
}

export interface UploadOnceRequest {
  prepared: PreparedFile;
  meta: ValidateMeta;
  creator: string;
  target: LockEntry | undefined;
  key: string;
  opts: ResolveOptions;
}

export async function uploadOnce(host: UploadOnceHost, request: UploadOnceRequest): Promise<UploadResult> {
  const { prepared, meta, creator, target, key, opts } = request;
  const { file, assetType, hash } = prepared;
  const { signal, stop } = opts;
  const watch = host.stops.for(stop);
  const lockfile = await host.lockfile();
  const config = await host.config();
  await host.writes.ready(signal);
  const release = await host.writes.claim(key, signal);
  try {
    // Another process may have uploaded this content while we waited: re-read before uploading.
    await lockfile.refresh();
    const { fingerprint } = prepared;
    const hit = lockHit(lockfile, file, hash, assetType, config.creator, fingerprint)?.asset;
    if (hit) {
      const [, entry] = lockfile.findByHash(hash, {
        assetType,
        creator,
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
    host.writes.refuseUnsettled(file, key);
    watch.throwIfStopped();
    const client = host.client(config, file);
    host.emit({ type: "start", file, action: target ? "update" : "upload" });
    const content = await host.process(prepared, signal);
    const write = { creator, targetCreator: target?.creator };
    const intent = {
      kind: "file" as const,
      file,
      hash,
      assetType,
      creator,
      key,
      ...(target ? { target: target.assetId } : {}),
      ...(fingerprint !== undefined ? { process: fingerprint } : {}),
    };
    const request = {
      assetType,
      displayName: meta.displayName,
      description: meta.description,
      creator: config.creatorRef!,
      videoExpectedPrice: meta.expectedPrice,
      target,
      privacy: opts.privacy,
    };
    let sent: Awaited<ReturnType<typeof uploadJournaled>>;
    host.ambiguous.check(key);
    try {
      sent = await uploadJournaled(host.writes.uploadContext(), {
        client,
        intent,
        request,
        content,
        write,
        signal,
        stop,
        watch,
      });
    } catch (error) {
      throw host.ambiguous.note(key, requestError(file, error, signal, write));
    }
    const { asset, moderation } = sent.settled;
    const entry = entryFor(prepared, asset, moderation, creator, target);
    // Recorded here, before the claim is released, so that a waiting process finds it; the journal
    // entry goes only once the lockfile holds the result.
    try {
      await lockfile.record(file, entry);
      await sent.ticket.end().catch(() => {});
    } finally {
      sent.finished();
    }
    return {
      entry,
      moderation,
      ...(moderation === "Reviewing" ? { warning: reviewingWarning(entry.assetId) } : {}),
    };
  } finally {
    await release();
  }
}
