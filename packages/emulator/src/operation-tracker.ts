// Long-running operations of Create/Update. Like the real service they stay `done:false` for a while,
// measured in time (`pendingMs`), so a client polling in a tight loop sees them pending and spends Get
// Operation's budget. What an operation changes becomes visible only when it finishes: the first read
// (a poll, or a Get of the asset) after the delay applies it.
import { randomUUID } from "node:crypto";
import type { Operation } from "@rbxassets/spec";
import { notFound } from "./errors.js";
import type { Faults } from "./faults.js";
import { renderAsset } from "./render.js";
import type { PendingChange, Store, StoredAsset, StoredOperation } from "./store.js";

export interface OperationPolicy {
  /** An operation is pending until this many ms have passed since it started (0: done at once). */
  pendingMs: number;
  /** ...and until Get Operation answered pending this many times (a deterministic knob for tests). */
  pendingPolls: number;
}

export class OperationTracker {
  /** Unfinished operations per asset id, so that a read of an asset can settle them. */
  private readonly pendingByAsset = new Map<string, Set<StoredOperation>>();

  constructor(
    private readonly store: Store,
    private readonly policy: OperationPolicy,
    private readonly faults: Faults,
    private readonly now: () => number = Date.now,
  ) {
    for (const operation of store.operations.values()) if (!operation.done) this.track(operation);
  }

  /** Registers an operation that will apply `change`; returns its first answer. */
  start(kind: StoredOperation["kind"], assetId: string, change: PendingChange): Operation {
    const operation: StoredOperation = {
      operationId: randomUUID(),
      kind,
      assetId,
      createdAtMs: this.now(),
      polls: 0,
      done: false,
      change,
    };
    const fault = this.faults.operationStart?.(
      kind === "create" ? "Assets_CreateAsset" : "Assets_UpdateAsset",
    );
    if (fault) {
      operation.fault = fault.kind;
      if (fault.error) operation.faultError = fault.error;
      if (fault.pendingPolls !== undefined) operation.pendingPolls = fault.pendingPolls;
    }
    this.store.operations.set(operation.operationId, operation);
    this.track(operation);
    // With no delay configured the operation is finished in the very response that started it.
    if (this.due(operation)) this.finish(operation);
    this.store.save();
    return render(operation);
  }

  poll(operationId: string): Operation {
    const operation = this.store.operations.get(operationId);
    if (!operation) throw notFound(`Operation ${operationId} not found.`);
    if (!operation.done) {
      // Settle earlier operations of the same asset first, so they apply in the order they started.
      this.settle(operation.assetId);
      if (!operation.done) {
        operation.polls += 1;
        if (this.due(operation, 1)) this.finish(operation);
      }
      this.store.save();
    }
    return render(operation);
  }

  /** Finishes the operations of `assetId` whose time has come; call before reading the asset. */
  settle(assetId: string): void {
    const pending = this.pendingByAsset.get(assetId);
    if (!pending) return;
    let changed = false;
    for (const operation of [...pending]) {
      if (!this.due(operation)) continue;
      this.finish(operation);
      changed = true;
    }
    if (changed) this.store.save();
  }

  /** `extraPolls`: a poll being answered counts past the pending ones it must see. */
  private due(operation: StoredOperation, extraPolls = 0): boolean {
    if (operation.fault === "operationPendingForever") return false;
    const pendingPolls = operation.pendingPolls ?? this.policy.pendingPolls;
    const pollsDone = operation.polls >= pendingPolls + extraPolls;
    return pollsDone && this.now() - operation.createdAtMs >= this.policy.pendingMs;
  }

  private track(operation: StoredOperation): void {
    const set = this.pendingByAsset.get(operation.assetId) ?? new Set();
    set.add(operation);
    this.pendingByAsset.set(operation.assetId, set);
  }

  private finish(operation: StoredOperation): void {
    operation.done = true;
    const set = this.pendingByAsset.get(operation.assetId);
    set?.delete(operation);
    if (set?.size === 0) this.pendingByAsset.delete(operation.assetId);
    const { operationId, kind, assetId } = operation;
    const error = this.faults.operationError?.({ operationId, kind, assetId }) ?? operation.faultError;
    const change = operation.change;
    delete operation.change;
    // A failed operation changes nothing.
    if (error) {
      operation.error = error;
      return;
    }
    const asset = change ? apply(this.store, change) : this.store.assets.get(assetId);
    if (!asset) operation.error = { code: "INTERNAL", message: `Asset ${assetId} no longer exists.` };
    else operation.response = renderAsset(asset);
  }
}

/** Applies a finished operation's change to the store; returns the asset as it now is. */
function apply(store: Store, change: PendingChange): StoredAsset | undefined {
  if (change.kind === "create") {
    store.assets.set(change.asset.assetId, change.asset);
    return change.asset;
  }
  const asset = store.assets.get(change.draft.assetId);
  if (!asset) return undefined;
  const { draft } = change;
  for (const field of change.fields) {
    switch (field) {
      case "displayName":
      case "description":
        asset[field] = draft[field];
        break;
      case "icon":
      case "previews":
        if (draft[field] === undefined) delete asset[field];
        else asset[field] = draft[field] as never;
        break;
      default: {
        const link = draft.socialLinks[field];
        if (link === undefined) delete asset.socialLinks[field];
        else asset.socialLinks[field] = link;
      }
    }
  }
  if (change.fields.includes("displayName") || change.fields.includes("description")) {
    asset.moderationState = draft.moderationState;
    if (draft.reviewReadsLeft === undefined) delete asset.reviewReadsLeft;
    else asset.reviewReadsLeft = draft.reviewReadsLeft;
  }
  if (change.content) {
    // Numbered when applied, so two content updates in flight never share a number.
    const number = (asset.versions.at(-1)?.number ?? 0) + 1;
    asset.versions.push({ ...change.content, number, moderationState: asset.moderationState });
    asset.revisionId = number;
    asset.revisionCreateTime = change.content.createTime;
  }
  return asset;
}

function render(operation: StoredOperation): Operation {
  const wire: Operation = {
    path: `operations/${operation.operationId}`,
    operationId: operation.operationId,
    done: operation.done,
  };
  if (operation.response) wire.response = structuredClone(operation.response);
  if (operation.error) wire.error = structuredClone(operation.error);
  return wire;
}
