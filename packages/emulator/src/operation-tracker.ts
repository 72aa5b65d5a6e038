// Long-running operations of Create/Update. Like the real service they stay `done:false` for a while;
// how long is configurable (polls and/or milliseconds) so client polling loops get exercised.
import { randomUUID } from "node:crypto";
import { notFound } from "./errors.js";
import type { Faults } from "./faults.js";
import { renderAsset } from "./render.js";
import type { Store, StoredOperation } from "./store.js";
import type { Operation } from "./types.js";

export interface OperationPolicy {
  /** Get Operation answers done:false this many times first. */
  pendingPolls: number;
  /** ...and until this many ms have passed since the operation started. */
  pendingMs: number;
}

export class OperationTracker {
  constructor(
    private readonly store: Store,
    private readonly policy: OperationPolicy,
    private readonly faults: Faults,
    private readonly now: () => number = Date.now,
  ) {}

  /** Registers an operation for an asset already written to the store; returns its first answer. */
  start(kind: StoredOperation["kind"], assetId: string): Operation {
    const operation: StoredOperation = {
      operationId: randomUUID(),
      kind,
      assetId,
      createdAtMs: this.now(),
      polls: 0,
      done: false,
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
    // With no delay configured the operation is finished in the very response that started it.
    if (this.pendingPolls(operation) <= 0 && this.policy.pendingMs <= 0 && !this.forever(operation)) {
      this.finish(operation);
    }
    this.store.save();
    return render(operation);
  }

  poll(operationId: string): Operation {
    const operation = this.store.operations.get(operationId);
    if (!operation) throw notFound(`Operation ${operationId} not found.`);
    if (!operation.done) {
      operation.polls += 1;
      const pollsDone = operation.polls > this.pendingPolls(operation);
      const timeDone = this.now() - operation.createdAtMs >= this.policy.pendingMs;
      if (pollsDone && timeDone && !this.forever(operation)) this.finish(operation);
      this.store.save();
    }
    return render(operation);
  }

  private pendingPolls(operation: StoredOperation): number {
    return operation.pendingPolls ?? this.policy.pendingPolls;
  }

  /** An injected operationPendingForever fault: the operation never finishes. */
  private forever(operation: StoredOperation): boolean {
    return operation.fault === "operationPendingForever";
  }

  private finish(operation: StoredOperation): void {
    operation.done = true;
    const { operationId, kind, assetId } = operation;
    const error = this.faults.operationError?.({ operationId, kind, assetId }) ?? operation.faultError;
    const asset = this.store.assets.get(assetId);
    if (error) operation.error = error;
    else if (!asset) operation.error = { code: "INTERNAL", message: `Asset ${assetId} no longer exists.` };
    else operation.response = renderAsset(asset);
  }
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
