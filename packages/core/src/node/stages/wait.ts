// Stage: wait and moderation. Polls the upload's operation at a pace Get Operation's budget affords, then
// (when asked) waits for a moderation verdict; a rejection or an operation that failed is the file's error.

import { abortReason } from "../../client/abort.js";
import type { Asset, AssetsClient, Operation } from "../../index.js";
import { PipelineError } from "../errors.js";
import { moderationOf, waitForVerdict } from "../moderation.js";
import type { ModerationStatus } from "../types.js";
import { requestError } from "./error-map.js";

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
 * 5 s). The scale grows while operations need more polls than Get Operation's budget affords.
 */
export class PollPacer {
  #scale = 1;

  firstPollDelayMs(bytes: number): number {
    return Math.round(Math.min(MAX_FIRST_POLL_MS, (100 + bytes / 50_000) * this.#scale));
  }

  observe(polls: number): void {
    if (polls > POLLS_PER_UPLOAD) this.#scale = Math.min(this.#scale * 1.5, 5);
    else if (polls < POLLS_PER_UPLOAD) this.#scale = Math.max(this.#scale / 1.5, 1);
  }
}

export interface Settled {
  asset: Asset;
  moderation: ModerationStatus;
}

/** Waits for the operation, checks its result names an asset, and applies moderation. */
export async function settleUpload(
  client: AssetsClient,
  operation: Operation,
  options: {
    file: string;
    bytes: number;
    isUpdate: boolean;
    timeoutMs: number;
    waitForModeration: boolean;
    pacer: PollPacer;
    signal: AbortSignal | undefined;
  },
): Promise<Settled> {
  const { file, timeoutMs, signal } = options;
  const outcome = await client.waitForOperation(operation, {
    timeoutMs,
    initialDelayMs: options.pacer.firstPollDelayMs(options.bytes),
    ...(signal ? { signal } : {}),
  });
  options.pacer.observe(outcome.polls);
  if (outcome.status === "aborted") throw abortReason(signal);
  if (outcome.status === "timedOut") {
    // Honest: the asset may well exist (Roblox accepted it and is still processing), so it is not "failed".
    const operationId = outcome.operation?.operationId ?? operation.operationId;
    throw new PipelineError(
      file,
      "operation-timeout",
      `Roblox accepted the upload but had not finished processing it after ${Math.round(timeoutMs / 1000)} s of polling (${outcome.polls} polls${operationId ? `, operation ${operationId}` : ""}); it may still finish`,
      "run again later: the upload may already exist on Roblox; or allow a longer operation timeout",
      { facts: { timeoutMs, polls: outcome.polls, ...(operationId ? { operationId } : {}) } },
    );
  }
  if (outcome.status === "failed") {
    throw new PipelineError(
      file,
      "operation-failed",
      `the upload failed: ${outcome.error.message} (${outcome.error.code})`,
      "fix the file or its name and description, then run again",
      { facts: { code: outcome.error.code } },
    );
  }
  let asset: Asset = outcome.asset;
  // A finished operation must name the asset: never record (or return) `rbxassetid://undefined`.
  if (!options.isUpdate && !/^\d+$/.test(String(asset?.assetId)))
    throw new PipelineError(
      file,
      "response",
      "the service answered without a valid asset id",
      "run again; if it persists, check the API URL",
    );
  if (options.waitForModeration && moderationOf(asset) === "Reviewing") {
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
      { facts: { assetId: asset.assetId } },
    );
  }
  return { asset, moderation };
}
