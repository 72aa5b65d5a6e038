// Configuration precedence, once for the client and the pipeline: the first layer that sets a value wins.
// Layers in order: explicit options, the environment, `.env` (node), and later the project file.
import { AssetsClientError } from "./errors.js";

/** The environment variable of each setting. */
export const SETTING_ENV = {
  apiKey: "RBXASSETS_API_KEY",
  oauthToken: "RBXASSETS_OAUTH_TOKEN",
  creator: "RBXASSETS_CREATOR",
  baseUrl: "RBXASSETS_API_URL",
  timeout: "RBXASSETS_TIMEOUT_S",
} as const;

export type TokenSource = string | (() => string | Promise<string>);

/** One layer of settings; blank strings count as unset. */
export interface SettingsLayer {
  apiKey?: string | undefined;
  oauthToken?: TokenSource | undefined;
  baseUrl?: string | undefined;
  creator?: string | undefined;
  /** Request timeout in seconds (a number, or its text from the environment). */
  timeoutS?: string | number | undefined;
  /** Where the layer comes from, for messages: `options`, `the environment`, `.env`. */
  from?: string | undefined;
}

export type Credentials = { kind: "apiKey"; apiKey: string } | { kind: "oauth2"; token: TokenSource };

export interface Settings {
  credentials?: Credentials;
  baseUrl?: string;
  creator?: string;
  /** Request timeout (no progress for this long fails a request). */
  timeoutMs?: number;
}

/** The `RBXASSETS_*` values of an environment (or a parsed `.env`) as a layer. */
export function layerFromEnv(
  env: Record<string, string | undefined>,
  from = "the environment",
): SettingsLayer {
  return {
    apiKey: env[SETTING_ENV.apiKey],
    oauthToken: env[SETTING_ENV.oauthToken],
    baseUrl: env[SETTING_ENV.baseUrl],
    creator: env[SETTING_ENV.creator],
    timeoutS: env[SETTING_ENV.timeout],
    from,
  };
}

/**
 * What is wrong with a credential's characters, if anything: an inner space, line break or control
 * character (a key quoted over two lines in `.env`, a key file with a second line) would be sent as is, and
 * `Headers.set` would quote it whole in its error. Never includes the value.
 */
export function credentialProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return "contains a line break";
  if (/\s/.test(value)) return "contains a space";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  if (/[\u0000-\u001f\u007f]/.test(value)) return "contains a control character";
  return undefined;
}

/** A credential that cannot be sent; the message names where it came from, never the value. */
export class InvalidCredentialError extends AssetsClientError {
  override name = "InvalidCredentialError";
  readonly from: string;
  readonly setting: "apiKey" | "oauthToken";

  constructor(setting: "apiKey" | "oauthToken", from: string, problem: string) {
    const what = setting === "apiKey" ? "the API key" : "the OAuth token";
    const where = from === "options" ? `the ${setting} option` : `${SETTING_ENV[setting]} in ${from}`;
    super(`${what} (${where}) ${problem}: it must be one line with no spaces; nothing was sent`);
    this.from = from;
    this.setting = setting;
  }
}

/** Checks a credential's characters; throws InvalidCredentialError without echoing it. */
export function checkCredential(setting: "apiKey" | "oauthToken", value: string, from: string): string {
  const problem = credentialProblem(value);
  if (problem) throw new InvalidCredentialError(setting, from, problem);
  return value;
}

/**
 * Applies precedence. Credentials come whole from the first layer that has any (an explicit OAuth token
 * beats an API key from the environment; within a layer the API key wins); the other settings each from
 * the first layer that sets them. Values are trimmed.
 */
export function resolveSettings(layers: readonly SettingsLayer[]): Settings {
  const out: Settings = {};
  for (const layer of layers) {
    if (out.credentials === undefined) {
      const apiKey = nonEmpty(layer.apiKey);
      const token = typeof layer.oauthToken === "function" ? layer.oauthToken : nonEmpty(layer.oauthToken);
      const from = layer.from ?? "options";
      if (apiKey !== undefined)
        out.credentials = { kind: "apiKey", apiKey: checkCredential("apiKey", apiKey, from) };
      else if (token !== undefined) {
        if (typeof token === "string") checkCredential("oauthToken", token, from);
        out.credentials = { kind: "oauth2", token };
      }
    }
    out.baseUrl ??= nonEmpty(layer.baseUrl);
    out.creator ??= nonEmpty(layer.creator);
    out.timeoutMs ??= timeoutOf(layer);
  }
  if (out.baseUrl === undefined) delete out.baseUrl;
  if (out.creator === undefined) delete out.creator;
  if (out.timeoutMs === undefined) delete out.timeoutMs;
  return out;
}

/** A layer's timeout in ms: seconds > 0 (fractions allowed); anything else is refused, naming where. */
function timeoutOf(layer: SettingsLayer): number | undefined {
  const raw = typeof layer.timeoutS === "number" ? String(layer.timeoutS) : nonEmpty(layer.timeoutS);
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    const where = layer.from === undefined ? "the timeout option" : `${SETTING_ENV.timeout} in ${layer.from}`;
    throw new AssetsClientError(`${where} must be a number of seconds above 0, e.g. 60`);
  }
  return Math.round(seconds * 1000);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
