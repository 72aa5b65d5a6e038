// What the route modules share: state, policies and counters of one running emulator.
import type { OperationId } from "@rbxassets/spec";
import type { FastifyRequest } from "fastify";
import type { Principal } from "./auth.js";
import type { Fees } from "./fees.js";
import type { Moderator } from "./moderation.js";
import type { OperationTracker } from "./operation-tracker.js";
import type { QuotaBook } from "./quotas.js";
import type { StatsRecorder } from "./stats.js";
import type { Store } from "./store.js";

export interface EmulatorContext {
  store: Store;
  moderator: Moderator;
  operations: OperationTracker;
  stats: StatsRecorder;
  /** Keep uploaded bytes in `store.content` (test-only read-back). */
  keepContent: boolean;
  fees: Fees;
  /** Upload quotas per creator and type; creates count against them. */
  quotas: QuotaBook;
  /** The authenticated caller of an API request (set by the gateway hook before any route runs). */
  callers: WeakMap<FastifyRequest, Principal>;
  now: () => number;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The spec operation a route implements; routes without it (/_emulator/*) skip auth and limits. */
    operationId?: OperationId;
  }
}

export const timestamp = (context: EmulatorContext) => new Date(context.now()).toISOString();

export function callerOf(context: EmulatorContext, request: FastifyRequest): Principal {
  const principal = context.callers.get(request);
  if (!principal) throw new Error("route ran without an authenticated caller");
  return principal;
}
