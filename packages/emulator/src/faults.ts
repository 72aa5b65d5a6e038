// Fault injection: the emulator can be told to misbehave, configurably and reproducibly (seeded), so
// clients can be proven robust against it. `Faults` is the seam the app and the operation tracker call;
// `FaultInjector` implements it from `FaultOptions` with a seeded PRNG (mulberry32).

import type { Status } from "@rbxassets/spec";
import { type OperationId, operations } from "@rbxassets/spec";
import type { StatsRecorder } from "./stats.js";

export interface FaultOptions {
  /** PRNG seed (mulberry32, an integer); same seed + same request sequence => same faults. Default 1. */
  seed?: number;
  /** Only requests of these operations are faulted (default: all). Operation faults use Create/Update. */
  only?: OperationId[];
  /** 0..1: answer 500 or 503 (service error shape) instead of handling. */
  serverErrorRate?: number;
  /** 0..1: destroy the socket before reading the body; nothing happens server side. */
  dropBeforeReadRate?: number;
  /** 0..1: run the handler (state changes), then destroy the socket without answering. */
  dropAfterHandleRate?: number;
  /** 0..1: delay the answer by `slowMs` (independent of the other request faults, which it can join). */
  slowRate?: number;
  /** Default 1000. */
  slowMs?: number;
  /** 0..1: answer 429 (gateway shape, x-ratelimit-* and retry-after headers) instead of handling. */
  tooManyRequestsRate?: number;
  /** When a 429 fault triggers, the next `burst429` requests of that operation are 429 too. Default 0. */
  burst429?: number;
  /** retry-after / x-ratelimit-reset of injected 429s, in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** 0..1: handle, then answer with the body truncated so it is not JSON (content-type unchanged). */
  malformedJsonRate?: number;
  /** 0..1: handle, then answer 200 with a text/html body (a proxy or captive portal page). */
  wrongContentTypeRate?: number;
  /** 0..1: handle (state changes: a create stores its asset), then answer 500 as if it had failed. */
  serverErrorAfterHandleRate?: number;
  /** 0..1: an operation started by Create/Update finishes done:true with error {code, message}. */
  operationFailRate?: number;
  /** 0..1: an operation started by Create/Update never finishes. */
  operationPendingForeverRate?: number;
  /** 0..1: an operation started by Create/Update stays pending for `operationPendingPolls` polls. */
  operationLongRate?: number;
  /** Pending polls of a "long" operation (overrides operations.pendingPolls for it). Default 10. */
  operationPendingPolls?: number;
}

/** Request faults, at most one per request; one PRNG draw picks it, bands in this order. */
export const requestFaultKinds = [
  "tooManyRequests",
  "serverError",
  "dropBeforeRead",
  "dropAfterHandle",
  "malformedJson",
  "wrongContentType",
  "serverErrorAfterHandle",
] as const;
export type RequestFaultKind = (typeof requestFaultKinds)[number];

/** Operation faults, at most one per started operation; one PRNG draw picks it, bands in this order. */
export const operationFaultKinds = ["operationFail", "operationPendingForever", "operationLong"] as const;
export type OperationFaultKind = (typeof operationFaultKinds)[number];

/** What `stats().faults` counts. */
export type FaultKind = RequestFaultKind | "slow" | OperationFaultKind;

/** Response header naming the injected faults of a response (comma-separated), e.g. `serverError`. */
export const FAULT_HEADER = "x-emulator-fault";

/** Faults whose responses intentionally break the contract (a checker must not validate them). */
export const contractBreakingFaults: readonly FaultKind[] = ["malformedJson", "wrongContentType"];

export interface RequestFaultPlan {
  kind?: RequestFaultKind;
  /** For serverError. */
  status?: 500 | 503;
  /** For tooManyRequests. */
  retryAfterSeconds?: number;
  /** Delay the answer this long. */
  slowMs?: number;
  /** Everything injected, for the FAULT_HEADER. */
  kinds: FaultKind[];
}

export interface OperationFaultPlan {
  kind: OperationFaultKind;
  /** For operationFail. */
  error?: Status;
  /** For operationLong. */
  pendingPolls?: number;
}

export interface FaultContext {
  operationId: string;
  kind: "create" | "update";
  assetId: string;
}

export interface Faults {
  /** Called once when an operation finishes; returning a Status makes it finish with that error. */
  operationError?(context: FaultContext): Status | undefined;
  /** Called when Create/Update starts an operation. */
  operationStart?(operationId: OperationId): OperationFaultPlan | undefined;
  /** Called for each authorised, not rate-limited API request. */
  request?(operationId: OperationId): RequestFaultPlan | undefined;
}

export const noFaults: Faults = {};

interface Normalized {
  seed: number;
  only: ReadonlySet<string> | undefined;
  rates: Record<RequestFaultKind | OperationFaultKind | "slow", number>;
  slowMs: number;
  burst429: number;
  retryAfterSeconds: number;
  operationPendingPolls: number;
}

const rateKeys = {
  tooManyRequests: "tooManyRequestsRate",
  serverError: "serverErrorRate",
  dropBeforeRead: "dropBeforeReadRate",
  dropAfterHandle: "dropAfterHandleRate",
  malformedJson: "malformedJsonRate",
  wrongContentType: "wrongContentTypeRate",
  serverErrorAfterHandle: "serverErrorAfterHandleRate",
  slow: "slowRate",
  operationFail: "operationFailRate",
  operationPendingForever: "operationPendingForeverRate",
  operationLong: "operationLongRate",
} as const satisfies Record<keyof Normalized["rates"], keyof FaultOptions>;

const otherKeys = [
  "seed",
  "only",
  "slowMs",
  "burst429",
  "retryAfterSeconds",
  "operationPendingPolls",
] as const satisfies readonly (keyof FaultOptions)[];

/** Checks options (from code or from the control endpoint); throws a TypeError naming the problem. */
export function normalizeFaultOptions(input: unknown): Normalized {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new TypeError("faults must be an object.");
  }
  const options = input as Record<string, unknown>;
  const known = new Set<string>([...Object.values(rateKeys), ...otherKeys]);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new TypeError(`Unknown fault option '${key}'.`);
  }
  const number = (key: string, fallback: number, check: (value: number) => boolean, what: string) => {
    const value = options[key];
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value) || !check(value)) {
      throw new TypeError(`faults.${key} must be ${what}.`);
    }
    return value;
  };
  const rates = {} as Normalized["rates"];
  for (const [kind, key] of Object.entries(rateKeys) as [keyof Normalized["rates"], string][]) {
    rates[kind] = number(key, 0, (value) => value >= 0 && value <= 1, "a number from 0 to 1");
  }
  let only: Set<string> | undefined;
  if (options.only !== undefined) {
    if (!Array.isArray(options.only)) throw new TypeError("faults.only must be an array of operation ids.");
    for (const id of options.only) {
      if (typeof id !== "string" || !Object.hasOwn(operations, id)) {
        throw new TypeError(`faults.only: unknown operation '${String(id)}'.`);
      }
    }
    only = new Set(options.only as string[]);
  }
  const count = (value: number) => Number.isInteger(value) && value >= 0;
  return {
    seed: number("seed", 1, Number.isInteger, "an integer"),
    only,
    rates,
    slowMs: number("slowMs", 1000, (value) => value >= 0, "a number >= 0"),
    burst429: number("burst429", 0, count, "an integer >= 0"),
    retryAfterSeconds: number("retryAfterSeconds", 1, (value) => value >= 0, "a number >= 0"),
    operationPendingPolls: number("operationPendingPolls", 10, count, "an integer >= 0"),
  };
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Seeded faults. Each faultable request draws one number for its request fault and one for `slow`
 * (a request in a 429 burst draws only the latter); each operation started by Create/Update draws one
 * for its operation fault. The rates of one group are bands of that one draw, so they are mutually
 * exclusive and should sum to at most 1 (bands past 1 are cut off).
 */
export class FaultInjector implements Faults {
  private options: FaultOptions | undefined;
  private config: Normalized | undefined;
  private random: () => number = mulberry32(1);
  private readonly bursts = new Map<string, number>();

  constructor(
    private readonly stats: StatsRecorder,
    options?: FaultOptions,
  ) {
    this.configure(options);
  }

  /** Replaces the configuration (undefined = off) and restarts the PRNG and bursts from the seed. */
  configure(options: FaultOptions | undefined | null): void {
    const config = options == null ? undefined : normalizeFaultOptions(options);
    this.options = options == null ? undefined : structuredClone(options);
    this.config = config;
    this.random = mulberry32(config?.seed ?? 1);
    this.bursts.clear();
  }

  current(): FaultOptions | undefined {
    return this.options === undefined ? undefined : structuredClone(this.options);
  }

  request(operationId: OperationId): RequestFaultPlan | undefined {
    const config = this.config;
    if (!config || (config.only && !config.only.has(operationId))) return undefined;
    const plan: RequestFaultPlan = { kinds: [] };
    const burst = this.bursts.get(operationId) ?? 0;
    if (burst > 0) {
      this.bursts.set(operationId, burst - 1);
      plan.kind = "tooManyRequests";
    } else {
      const draw = this.random();
      const band = pick(requestFaultKinds, config.rates, draw);
      if (band) {
        plan.kind = band.kind;
        if (band.kind === "serverError") plan.status = band.position < 0.5 ? 500 : 503;
        if (band.kind === "tooManyRequests" && config.burst429 > 0) {
          this.bursts.set(operationId, config.burst429);
        }
      }
    }
    if (plan.kind === "tooManyRequests") plan.retryAfterSeconds = config.retryAfterSeconds;
    if (plan.kind) plan.kinds.push(plan.kind);
    if (this.random() < config.rates.slow) {
      plan.slowMs = config.slowMs;
      plan.kinds.push("slow");
    }
    if (plan.kinds.length === 0) return undefined;
    for (const kind of plan.kinds) this.stats.fault(kind);
    return plan;
  }

  operationStart(operationId: OperationId): OperationFaultPlan | undefined {
    const config = this.config;
    if (!config || (config.only && !config.only.has(operationId))) return undefined;
    const band = pick(operationFaultKinds, config.rates, this.random());
    if (!band) return undefined;
    this.stats.fault(band.kind);
    switch (band.kind) {
      case "operationFail":
        // The wire type of Status.code is unconfirmed (number or string): inject both.
        return {
          kind: band.kind,
          error:
            band.position < 0.5
              ? { code: "INTERNAL", message: "The operation failed (injected fault)." }
              : { code: 13, message: "The operation failed (injected fault)." },
        };
      case "operationLong":
        return { kind: band.kind, pendingPolls: config.operationPendingPolls };
      default:
        return { kind: band.kind };
    }
  }
}

/** The band `draw` falls in, and where in it (0..1) so one draw can also pick a variant. */
function pick<K extends string>(
  kinds: readonly K[],
  rates: Record<K, number>,
  draw: number,
): { kind: K; position: number } | undefined {
  let start = 0;
  for (const kind of kinds) {
    const rate = rates[kind];
    if (rate > 0 && draw < start + rate) return { kind, position: (draw - start) / rate };
    start += rate;
  }
  return undefined;
}
