import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { inspect, parseEnv } from "node:util";
import { layerFromEnv, resolveSettings, SETTING_ENV } from "../client/settings.js";
import { PipelineError } from "./errors.js";

export interface ResolveConfigOptions {
  /** Project root; `.env` is read from here. Default: `process.cwd()`. */
  root?: string;
  /** Environment to read `RBXASSETS_*` from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  apiKey?: string;
  oauthToken?: string;
  baseUrl?: string;
  creator?: string;
  /** Request timeout in ms; default `RBXASSETS_TIMEOUT_S` (environment, then `.env`), else the client's 60 s. */
  timeoutMs?: number;
}

export type CreatorRef = { userId: string } | { groupId: string };

const ENV = SETTING_ENV;

/**
 * Configuration after applying precedence (explicit options > environment > `.env`). Secrets live in
 * private fields: they are readable through getters but never appear in `JSON.stringify`, `console.log`
 * or spread copies.
 */
export class ResolvedConfig {
  readonly root: string;
  readonly baseUrl: string | undefined;
  /** `user:<digits>` or `group:<digits>`, validated. */
  readonly creator: string | undefined;
  /** Request timeout (no progress for this long fails a request), when configured. */
  readonly timeoutMs: number | undefined;
  readonly #apiKey: string | undefined;
  readonly #oauthToken: string | undefined;

  constructor(values: {
    root: string;
    apiKey?: string;
    oauthToken?: string;
    baseUrl?: string;
    creator?: string;
    timeoutMs?: number;
  }) {
    this.root = values.root;
    this.baseUrl = values.baseUrl;
    this.creator = values.creator;
    this.timeoutMs = values.timeoutMs;
    this.#apiKey = values.apiKey;
    this.#oauthToken = values.oauthToken;
  }

  get apiKey(): string | undefined {
    return this.#apiKey;
  }

  get oauthToken(): string | undefined {
    return this.#oauthToken;
  }

  get hasCredentials(): boolean {
    return this.#apiKey !== undefined || this.#oauthToken !== undefined;
  }

  /** The creator in the shape the API takes, or undefined when none is configured. */
  get creatorRef(): CreatorRef | undefined {
    return this.creator === undefined ? undefined : parseCreator(this.creator);
  }

  toJSON(): Record<string, unknown> {
    return {
      root: this.root,
      baseUrl: this.baseUrl,
      creator: this.creator,
      timeoutMs: this.timeoutMs,
      apiKey: this.#apiKey === undefined ? undefined : "[redacted]",
      oauthToken: this.#oauthToken === undefined ? undefined : "[redacted]",
    };
  }

  [inspect.custom](): string {
    return `ResolvedConfig ${inspect(this.toJSON())}`;
  }
}

export async function resolveConfig(opts: ResolveConfigOptions = {}): Promise<ResolvedConfig> {
  const root = resolve(opts.root ?? process.cwd());
  const env = opts.env ?? process.env;
  const dotenv = await readDotEnv(root);
  // Options > environment > .env: the client's own rule (settings.ts), with .env as a further layer.
  const options = {
    ...opts,
    from: "options",
    ...(opts.timeoutMs !== undefined ? { timeoutS: opts.timeoutMs / 1000 } : {}),
  };
  const settings = resolveSettings([options, layerFromEnv(env), layerFromEnv(dotenv, ".env")]);
  const { creator, baseUrl, credentials, timeoutMs } = settings;
  if (creator !== undefined && parseCreator(creator) === undefined) {
    throw new PipelineError(
      ENV.creator,
      "creator-format",
      `${JSON.stringify(creator)} is not "user:<digits>" or "group:<digits>"`,
      `set ${ENV.creator} (or the creator option) to e.g. user:123456 or group:7890`,
    );
  }
  const values: ConstructorParameters<typeof ResolvedConfig>[0] = { root };
  if (credentials?.kind === "apiKey") values.apiKey = credentials.apiKey;
  if (credentials?.kind === "oauth2" && typeof credentials.token === "string")
    values.oauthToken = credentials.token;
  if (baseUrl !== undefined) values.baseUrl = baseUrl;
  if (creator !== undefined) values.creator = creator;
  if (timeoutMs !== undefined) values.timeoutMs = timeoutMs;
  return new ResolvedConfig(values);
}

export function parseCreator(creator: string): CreatorRef | undefined {
  const match = /^(user|group):(\d+)$/.exec(creator.trim());
  if (!match) return undefined;
  return match[1] === "user" ? { userId: match[2]! } : { groupId: match[2]! };
}

async function readDotEnv(root: string): Promise<Record<string, string | undefined>> {
  let text: string;
  try {
    text = await readFile(resolve(root, ".env"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  // util.parseEnv has the same semantics as `node --env-file` / process.loadEnvFile, without a dependency.
  return parseEnv(text);
}
