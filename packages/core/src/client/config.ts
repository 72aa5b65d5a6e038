// Options resolution: explicit options win over environment variables, which win over the spec defaults.
import { defaultServerUrl } from "@rbxassets/spec";
import { AssetsClientError } from "./errors.js";
import { DEFAULT_TIMEOUT_MS } from "./request-timeout.js";
import { type ClientEvent, DEFAULT_RETRY, type RetryOptions } from "./retry.js";
import { type Credentials, layerFromEnv, resolveSettings } from "./settings.js";

export type { Credentials };

export interface AssetsClientOptions {
  /** Open Cloud API key, sent as `x-api-key`. Default: env `RBXASSETS_API_KEY`. */
  apiKey?: string;
  /** OAuth2 access token (or a function returning a fresh one), sent as `Authorization: Bearer`. */
  oauthToken?: string | (() => string | Promise<string>);
  /** API base URL. Default: env `RBXASSETS_API_URL`, else the spec's server URL. */
  baseUrl?: string;
  /** Environment to read defaults from. Default: `globalThis.process?.env`. */
  env?: Record<string, string | undefined>;
  /** Transport. Default: the global `fetch`. */
  fetch?: (input: Request) => Promise<Response>;
  userAgent?: string;
  retry?: RetryOptions;
  /**
   * A request that makes no progress (no byte sent or received) for this long fails. Default: env
   * `RBXASSETS_TIMEOUT_S` (seconds), else 60 000 ms.
   */
  timeoutMs?: number;
  /** Stay within the spec's (or the server's announced) rate limits. Default true. */
  rateLimit?: boolean;
  /** Called for retries, rate-limit waits and responses; for logs. Never carries credentials. */
  onEvent?: (event: ClientEvent) => void;
}

export interface ResolvedConfig {
  baseUrl: string;
  credentials: Credentials | undefined;
  fetch: (input: Request) => Promise<Response>;
  userAgent: string;
  retry: Required<RetryOptions>;
  timeoutMs: number;
  rateLimit: boolean;
  onEvent: ((event: ClientEvent) => void) | undefined;
}

export const DEFAULT_USER_AGENT = "rbxassets-core";

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function processEnv(): Record<string, string | undefined> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ?? {};
}

export function resolveConfig(options: AssetsClientOptions = {}): ResolvedConfig {
  const env = options.env ?? processEnv();
  // Explicit credentials of either kind win over any environment variable (one rule: settings.ts).
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    throw new AssetsClientError("timeoutMs must be a number of milliseconds above 0");
  }
  const settings = resolveSettings([
    {
      apiKey: options.apiKey,
      oauthToken: options.oauthToken,
      baseUrl: options.baseUrl,
      ...(options.timeoutMs !== undefined ? { timeoutS: options.timeoutMs / 1000 } : {}),
    },
    layerFromEnv(env),
  ]);
  const credentials = settings.credentials;
  const baseUrl = (settings.baseUrl ?? defaultServerUrl).replace(/\/+$/, "");
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("not http(s)");
  } catch {
    // The value is not echoed: a URL can carry credentials.
    throw new AssetsClientError(
      `baseUrl (or RBXASSETS_API_URL) must be an http(s) URL such as ${defaultServerUrl}`,
    );
  }
  const retry = { ...DEFAULT_RETRY };
  for (const key of ["maxAttempts", "baseDelayMs", "maxDelayMs"] as const) {
    const value = options.retry?.[key];
    if (value !== undefined) {
      if (!Number.isFinite(value) || value < 0)
        throw new AssetsClientError(`retry.${key} must be a number >= 0`);
      retry[key] = value;
    }
  }
  return {
    baseUrl,
    credentials,
    // Looked up at call time, so that a fetch installed later (instrumentation) is used.
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    userAgent: nonEmpty(options.userAgent) ?? DEFAULT_USER_AGENT,
    retry,
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    rateLimit: options.rateLimit ?? true,
    onEvent: options.onEvent,
  };
}

export const MISSING_CREDENTIALS =
  "No credentials: set RBXASSETS_API_KEY (an Open Cloud API key) or RBXASSETS_OAUTH_TOKEN, or pass apiKey / oauthToken";
