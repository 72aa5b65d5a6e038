// Public entry point: start a local Open Cloud Assets API v1 server on loopback.
import type { OperationId } from "@rbxassets/spec";
import { apiPrefix, buildApp } from "./app.js";
import { FaultInjector, type FaultOptions } from "./faults.js";
import type { ModerationInput } from "./moderation.js";
import { type EmulatorStats, StatsRecorder } from "./stats.js";

export {
  contractBreakingFaults,
  FAULT_HEADER,
  type FaultKind,
  type FaultOptions,
  type OperationFaultKind,
  type RequestFaultKind,
} from "./faults.js";
export type { BodyRecord, EmulatorStats } from "./stats.js";

export const DEFAULT_EMULATOR_API_KEY = "rbxassets-emulator-key";

export interface EmulatorOptions {
  /** Default 0 (a random free port). */
  port?: number;
  /** Default "127.0.0.1": loopback only unless told otherwise. */
  host?: string;
  /** Default [DEFAULT_EMULATOR_API_KEY]. Read-only keys get 403 on writes; keys of one owner share limits. */
  apiKeys?: Array<string | { key: string; readOnly?: boolean; ownerId?: string }>;
  /** Bearer tokens; a missing scope answers 403. */
  oauthTokens?: Array<{ token: string; scopes: string[]; ownerId?: string }>;
  /**
   * An operation answers done:false for `pendingPolls` GETs and until `pendingMs` ms passed (defaults 1
   * and 0). With both 0, Create/Update answer a finished operation at once.
   */
  operations?: { pendingPolls?: number; pendingMs?: number };
  /** Default on, limits from the spec. timeScale 60 makes a one-minute window last one second. */
  rateLimits?: false | { timeScale?: number; limits?: Partial<Record<OperationId, number>> };
  /** Moderation outcome of a name/description; default Approved. */
  moderation?:
    | { rejectWords?: string[]; reviewWords?: string[]; reviewPolls?: number }
    | ((input: ModerationInput) => "Approved" | "Rejected" | "Reviewing");
  /** Persist state as JSON there (loaded on start, written after each change). */
  dataDir?: string;
  /** Fastify logger; default false. */
  logger?: boolean;
  /**
   * Test-only: keep uploaded file bytes in memory (never persisted), readable at
   * `GET /_emulator/assets/<id>/content`, so that tests can check what reached the service. Default off.
   */
  keepContent?: boolean;
  /** Seeded fault injection (default off); change it later with setFaults or POST /_emulator/faults. */
  faults?: FaultOptions;
}

export interface RunningEmulator {
  /** Base URL to put in RBXASSETS_API_URL, e.g. http://127.0.0.1:PORT/assets */
  url: string;
  /** The first configured key. */
  apiKey: string;
  /** The address the server is bound to (127.0.0.1 unless `host` was given). */
  address: { address: string; family: string; port: number };
  stats(): EmulatorStats;
  resetStats(): void;
  /** Replaces the fault configuration (undefined = off); restarts the PRNG from the seed. */
  setFaults(faults: FaultOptions | undefined): void;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const apiKeys = options.apiKeys ?? [DEFAULT_EMULATOR_API_KEY];
  const first = apiKeys[0];
  const stats = new StatsRecorder();
  const faults = new FaultInjector(stats, options.faults);
  const app = await buildApp({
    apiKeys,
    oauthTokens: options.oauthTokens ?? [],
    operations: {
      pendingPolls: options.operations?.pendingPolls ?? 1,
      pendingMs: options.operations?.pendingMs ?? 0,
    },
    rateLimits: options.rateLimits ?? {},
    moderation: options.moderation,
    dataDir: options.dataDir,
    keepContent: options.keepContent ?? false,
    logger: options.logger ?? false,
    stats,
    faults,
  });
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port ?? 0, host });
  const bound = app.server.address();
  const address =
    typeof bound === "object" && bound
      ? { address: bound.address, family: bound.family, port: bound.port }
      : { address: host, family: host.includes(":") ? "IPv6" : "IPv4", port: options.port ?? 0 };
  const port = address.port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}${apiPrefix}`,
    apiKey: first === undefined ? "" : typeof first === "string" ? first : first.key,
    address,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setFaults: (next) => faults.configure(next),
    close: () => app.close(),
  };
}
