// Create and Update operations: their state as the services report it, and waiting for them.
import {
  type Asset,
  assetUri,
  normalizeModerationState,
  type Operation,
  type WaitResult,
} from "@rbxassets/core";
import type { ServiceContext } from "./context.js";
import { operationIdOrThrow } from "./ids.js";

export type OperationStatus = "pending" | "succeeded" | "failed" | "timedOut" | "aborted";

export interface OperationReport {
  operationId: string;
  done: boolean;
  status: OperationStatus;
  asset?: Asset;
  error?: { code: string | number; message: string };
}

/** An operation's outcome, and for a finished upload the facts a person looks for first. */
export type OperationOutcome = Omit<OperationReport, "operationId"> & {
  assetId?: string;
  uri?: string;
  moderation?: string;
};

/** An operation's state; with `wait`, polls (with backoff) until it is done, times out or is aborted. */
export async function getOperation(
  ctx: ServiceContext,
  operationId: string,
  opts: { wait?: boolean; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<OperationReport> {
  const id = operationIdOrThrow(operationId);
  const client = ctx.client();
  const operation = await client.getOperation(id, opts.signal ? { signal: opts.signal } : {});
  if (!opts.wait || operation.done === true) return { operationId: id, ...describeOperation(operation) };
  const result = await client.waitForOperation(operation, {
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
  return { operationId: id, ...describeOperation(result) };
}

/** Waits for `operation` to finish (the client's backoff and time limit). */
export function settleOperation(
  ctx: ServiceContext,
  operation: Operation,
  signal: AbortSignal | undefined,
): Promise<WaitResult> {
  return ctx.client().waitForOperation(operation, signal ? { signal } : {});
}

/** An operation as returned by the API, or the result of waiting for one, as one report. */
export function describeOperation(result: Operation | WaitResult): OperationOutcome {
  if ("status" in result) return describeWait(result);
  if (result.done !== true) return { done: false, status: "pending" };
  if (result.error) {
    return {
      done: true,
      status: "failed",
      error: { code: result.error.code, message: result.error.message },
    };
  }
  return result.response
    ? { done: true, status: "succeeded", ...assetFacts(result.response) }
    : { done: true, status: "failed" };
}

function describeWait(result: WaitResult): OperationOutcome {
  switch (result.status) {
    case "succeeded":
      return { done: true, status: "succeeded", ...assetFacts(result.asset) };
    case "failed":
      return { done: true, status: "failed", error: result.error };
    default:
      return { done: false, status: result.status };
  }
}

/** The id, uri and moderation state of a finished asset, beside the asset itself. */
export function assetFacts(asset: Asset): {
  asset: Asset;
  assetId: string;
  uri: string;
  moderation?: string;
} {
  const state = asset.moderationResult?.moderationState;
  return {
    asset,
    assetId: asset.assetId,
    uri: assetUri(asset),
    ...(state !== undefined ? { moderation: normalizeModerationState(state) } : {}),
  };
}
