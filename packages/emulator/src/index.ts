// Public entry point: start a local Open Cloud Assets API v1 server on loopback.
import type { OperationId } from "@rbxassets/spec";
import { apiPrefix, buildApp } from "./app.js";
import type { ApiKeyOption, OAuthTokenOption } from "./auth.js";
import { type CreatorRef, DEFAULT_EMULATOR_CREATOR, parseCreatorRef } from "./creator.js";
import { FaultInjector, type FaultOptions } from "./faults.js";
import type { Fees } from "./fees.js";
import { grantPolicy, type UniverseOption } from "./grants.js";
import type { WireMode } from "./legacy-wire.js";
import type { ModerationInput } from "./moderation.js";
import type { QuotaOption } from "./quotas.js";
import { type EmulatorStats, StatsRecorder } from "./stats.js";

export { type CreatorRef, DEFAULT_EMULATOR_CREATOR } from "./creator.js";
export {
  contractBreakingFaults,
  FAULT_HEADER,
  type FaultKind,
  type FaultOptions,
  type OperationFaultKind,
  type RequestFaultKind,
} from "./faults.js";
export type { Fees } from "./fees.js";
export type { UniverseOption } from "./grants.js";
export type { WireMode } from "./legacy-wire.js";
export type { QuotaOption, QuotaPeriod } from "./quotas.js";
export type { BodyRecord, EmulatorStats } from "./stats.js";

export const DEFAULT_EMULATOR_API_KEY = "rbxassets-emulator-key";

export interface EmulatorOptions {
  /** Default 0 (a random free port). */
  port?: number;
  /** Default "127.0.0.1": loopback only unless told otherwise. */
  host?: string;
  /**
   * The creator (`user:<id>` or `group:<id>`) that keys and tokens act for unless they name their own.
   * Default DEFAULT_EMULATOR_CREATOR (`user:1`).
   */
  creator?: string;
  /**
   * Default [DEFAULT_EMULATOR_API_KEY]. Each key belongs to one creator (default `creator`): creating for
   * another creator, or changing another creator's asset, answers 403. Keys of one owner share limits.
   * Read-only keys get 403 on writes.
   */
  apiKeys?: ApiKeyOption[];
  /** Bearer tokens, each acting for `creator` (default the emulator's); a missing scope answers 403. */
  oauthTokens?: OAuthTokenOption[];
  /**
   * An operation stays done:false until `pendingMs` ms passed since it started (default 1000) and, if
   * set, until Get Operation answered `pendingPolls` times (default 0). What it changes is invisible until
   * then. With both 0, Create/Update answer a finished operation at once.
   */
  operations?: { pendingMs?: number; pendingPolls?: number };
  /** Default on, limits from the spec. timeScale 60 makes a one-minute window last one second. */
  rateLimits?: false | { timeScale?: number; limits?: Partial<Record<OperationId, number>> };
  /**
   * Moderation of names and descriptions. `refuseWords`: 400 `AssetName is moderated.` /
   * `AssetDescription is moderated.`. `rejectWords` / `reviewWords`: the asset is Rejected / Reviewing.
   */
  moderation?:
    | { refuseWords?: string[]; rejectWords?: string[]; reviewWords?: string[]; reviewPolls?: number }
    | ((input: ModerationInput) => "Approved" | "Rejected" | "Reviewing");
  /** The account is moderated: every write answers 403 `User is moderated`. */
  accountModerated?: boolean;
  /** Robux per upload by asset type; a lower (or missing) `expectedPrice` answers 400. Default { Video: 2000 }. */
  fees?: Fees;
  /** "legacy": answer as older live responses did (no `done` while pending, ASSET_TYPE_* spellings, ...). */
  wire?: WireMode;
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
  /**
   * Universes (experiences) that exist: the asset-permissions API grants `Use` to these only (others answer
   * `SubjectNotFound`). A `{ id, grantableBy }` entry may be granted to only by those creators
   * (`CannotManageSubject`). Default none.
   */
  universes?: Array<string | number | UniverseOption>;
  /** Grants one asset may hold before `PermissionLimitReached`. Default 1000 (Roblox publishes none). */
  maxGrantsPerAsset?: number;
  /**
   * Upload quotas per creator and asset type (Open Cloud v2 asset-quotas). Default: every user has the
   * usage guide's ID-verified figures, Audio 100 a month and Video 20 a day; groups have none. Given, only
   * these apply. A create past the cap answers 429 RESOURCE_EXHAUSTED (see the README).
   */
  quotas?: QuotaOption[];
}

export interface RunningEmulator {
  /** Base URL to put in RBXASSETS_API_URL, e.g. http://127.0.0.1:PORT/assets */
  url: string;
  /** The first configured key. */
  apiKey: string;
  /** The first key's owner, `user:<id>` or `group:<id>`: the creator to upload for (RBXASSETS_CREATOR). */
  creator: CreatorRef;
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
  const creator =
    options.creator === undefined ? DEFAULT_EMULATOR_CREATOR : parseCreatorRef(options.creator, "creator");
  const firstCreator =
    typeof first === "object" && first.creator !== undefined
      ? parseCreatorRef(first.creator, "apiKeys[0].creator")
      : creator;
  const stats = new StatsRecorder();
  const faults = new FaultInjector(stats, options.faults);
  const app = await buildApp({
    apiKeys,
    oauthTokens: options.oauthTokens ?? [],
    creator,
    operations: {
      pendingMs: options.operations?.pendingMs ?? 1000,
      pendingPolls: options.operations?.pendingPolls ?? 0,
    },
    accountModerated: options.accountModerated ?? false,
    ...(options.fees ? { fees: options.fees } : {}),
    wire: options.wire ?? "current",
    rateLimits: options.rateLimits ?? {},
    moderation: options.moderation,
    dataDir: options.dataDir,
    keepContent: options.keepContent ?? false,
    logger: options.logger ?? false,
    stats,
    faults,
    grants: grantPolicy(options.universes, options.maxGrantsPerAsset),
    ...(options.quotas ? { quotas: options.quotas } : {}),
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
    creator: firstCreator,
    address,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setFaults: (next) => faults.configure(next),
    close: () => app.close(),
  };
}
