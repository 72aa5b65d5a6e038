// Configuration precedence, once for the client and the pipeline: the first layer that sets a value wins.
// Layers in order: explicit options, the environment, `.env` (node), and later the project file.

/** The environment variable of each setting. */
export const SETTING_ENV = {
  apiKey: "RBXASSETS_API_KEY",
  oauthToken: "RBXASSETS_OAUTH_TOKEN",
  creator: "RBXASSETS_CREATOR",
  baseUrl: "RBXASSETS_API_URL",
} as const;

export type TokenSource = string | (() => string | Promise<string>);

/** One layer of settings; blank strings count as unset. */
export interface SettingsLayer {
  apiKey?: string | undefined;
  oauthToken?: TokenSource | undefined;
  baseUrl?: string | undefined;
  creator?: string | undefined;
}

export type Credentials = { kind: "apiKey"; apiKey: string } | { kind: "oauth2"; token: TokenSource };

export interface Settings {
  credentials?: Credentials;
  baseUrl?: string;
  creator?: string;
}

/** The `RBXASSETS_*` values of an environment (or a parsed `.env`) as a layer. */
export function layerFromEnv(env: Record<string, string | undefined>): SettingsLayer {
  return {
    apiKey: env[SETTING_ENV.apiKey],
    oauthToken: env[SETTING_ENV.oauthToken],
    baseUrl: env[SETTING_ENV.baseUrl],
    creator: env[SETTING_ENV.creator],
  };
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
      if (apiKey !== undefined) out.credentials = { kind: "apiKey", apiKey };
      else if (token !== undefined) out.credentials = { kind: "oauth2", token };
    }
    out.baseUrl ??= nonEmpty(layer.baseUrl);
    out.creator ??= nonEmpty(layer.creator);
  }
  if (out.baseUrl === undefined) delete out.baseUrl;
  if (out.creator === undefined) delete out.creator;
  return out;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
