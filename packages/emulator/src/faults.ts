// Seam for fault injection (failed operations, 5xx answers) used by future tests. Nothing sets it yet;
// the point is that the failure code paths exist and are exercised by the same handlers.
import type { Status } from "./types.js";

export interface FaultContext {
  operationId: string;
  kind: "create" | "update";
  assetId: string;
}

export interface Faults {
  /** Called once when an operation finishes; returning a Status makes it finish with that error. */
  operationError?(context: FaultContext): Status | undefined;
}

export const noFaults: Faults = {};
