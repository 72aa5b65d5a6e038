// Stage: before the first upload, the upload quotas the sync is about to count against. Audio and video
// uploads are capped per user (audio a month, video a day); a sync that would run out halfway leaves a
// half-uploaded project, so one that does not fit stops before uploading anything, naming the numbers.
import { extname } from "node:path";
import type { AssetsClient } from "../../index.js";
import { AccountRefusedError, classifyAccountRefusal } from "../account-refusal.js";
import { describeError, PipelineError } from "../errors.js";
import { extensionInfo } from "../formats.js";
import type { AssetType, PipelineEvent } from "../types.js";
import type { PreparedFile } from "./prepare.js";

/** The kinds of files whose uploads are capped. */
const CAPPED_KINDS = new Set(["audio", "video"]);

export interface QuotaHost {
  /** Throws the credentials error when none are configured. */
  client(): AssetsClient;
  /** `user:<id>` / `group:<id>`, or undefined when none is configured. */
  creator(): Promise<string | undefined>;
  /** Prepares a file, and refuses it as an upload would by the checks that need no request. */
  prepare(file: string): Promise<PreparedFile>;
  emit(event: PipelineEvent): void;
  /** Whether audio is uploaded at all. */
  readonly audio: boolean;
  /**
   * Whether a file outside the root counts. A sync refuses such a file (it uploads nothing); a caller that
   * uploads exactly the files it names sends one unrecorded (`rbxassets upload ~/song.mp3`), so it counts.
   */
  readonly outsideRoot: boolean;
}

const periodWord = (period: string) =>
  period === "DAY" ? "today" : period === "MONTH" ? "this month" : `this ${period.toLowerCase()}`;

/** Counts the audio and video files among `files` that would be uploaded, by asset type. */
async function capped(host: QuotaHost, files: readonly string[]): Promise<Map<AssetType, number>> {
  const counts = new Map<AssetType, number>();
  for (const file of files) {
    const info = extensionInfo(extname(file).slice(1));
    if (!info || !CAPPED_KINDS.has(info.kind) || (info.kind === "audio" && !host.audio)) continue;
    // A file that cannot be prepared (or that the local checks refuse) is reported by the upload itself; it
    // uploads nothing. One outside the root is in no lockfile, so new; its kind has one asset type.
    const prepared = await host
      .prepare(file)
      .catch((error: unknown) =>
        host.outsideRoot && error instanceof PipelineError && error.rule === "outside-root"
          ? { hit: undefined, assetType: info.assetTypes[0]! }
          : undefined,
      );
    if (!prepared || prepared.hit) continue;
    counts.set(prepared.assetType, (counts.get(prepared.assetType) ?? 0) + 1);
  }
  return counts;
}

/**
 * Reads the quotas of the capped types about to be uploaded and throws a PipelineError (rule `quota`) when
 * the batch does not fit. A group creator, or a failed read, is said once and does not stop the sync.
 */
export async function checkUploadQuotas(
  host: QuotaHost,
  files: readonly string[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const counts = await capped(host, files);
  if (counts.size === 0) return;
  const creator = await host.creator();
  if (!creator) return; // the uploads fail with the missing-creator error
  if (creator.startsWith("group:")) {
    host.emit({ type: "quota", status: "unpublished", creator, toUpload: Object.fromEntries(counts) });
    return;
  }
  const userId = creator.slice("user:".length);
  let quotas: Awaited<ReturnType<AssetsClient["getAssetQuotas"]>>;
  try {
    quotas = await host
      .client()
      .getAssetQuotas(userId, { assetTypes: [...counts.keys()], ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    // Without credentials each upload fails on its own, naming its file and the missing key: nothing to read.
    if (error instanceof PipelineError && error.rule === "credentials") return;
    if (error instanceof PipelineError) throw error;
    // A wrong key or an API that cannot be reached refuses every upload after this read just the same:
    // said once, here, before anything is sent. Any other failure (a key without the quotas' scope) only
    // costs the check.
    const refusal = classifyAccountRefusal(error, { creator, url: host.client().baseUrl });
    if (refusal?.reason === "invalid-key" || refusal?.reason === "unreachable")
      throw new AccountRefusedError(creator, refusal, { attempted: true, cause: error });
    host.emit({ type: "quota", status: "unavailable", reason: describeError(error) });
    return;
  }
  for (const [assetType, toUpload] of counts) {
    const quota = quotas.find((candidate) => candidate.assetType === assetType.toUpperCase());
    if (!quota) continue;
    const facts = {
      status: "read" as const,
      assetType,
      toUpload,
      usage: quota.usage,
      capacity: quota.capacity,
      period: quota.period,
      resetTime: quota.usageResetTime,
    };
    host.emit({ type: "quota", ...facts });
    const left = Math.max(0, quota.capacity - quota.usage);
    if (toUpload <= left) continue;
    const noun = `${assetType.toLowerCase()} file${toUpload === 1 ? "" : "s"}`;
    throw new PipelineError(
      creator,
      "quota",
      `${toUpload} ${noun} to upload, ${left} left ${periodWord(quota.period)} (resets ${quota.usageResetTime.slice(0, 10)}); nothing was uploaded`,
      "upload fewer files of this type, or wait for the reset",
      { facts: { ...facts, left } },
    );
  }
}
