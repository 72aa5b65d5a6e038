// Gateway authentication: `x-api-key` against the configured keys, or `Authorization: Bearer` against
// the configured OAuth2 tokens and the operation's scopes (from spec metadata).
import { type OperationId, operations } from "@rbxassets/spec";
import { gatewayError } from "./errors.js";

export type ApiKeyOption = string | { key: string; readOnly?: boolean; ownerId?: string };
export interface OAuthTokenOption {
  token: string;
  scopes: string[];
  ownerId?: string;
}

/** Who is calling. `rateLimitKey` groups callers the way the real limits do (per key owner / per token). */
export type Principal =
  | { kind: "apiKey"; rateLimitKey: string; readOnly: boolean }
  | { kind: "oauth2"; rateLimitKey: string; scopes: ReadonlySet<string> };

export class Authenticator {
  private readonly keys = new Map<string, { readOnly: boolean; owner: string }>();
  private readonly tokens = new Map<string, { scopes: ReadonlySet<string>; owner: string }>();

  constructor(apiKeys: ApiKeyOption[], oauthTokens: OAuthTokenOption[]) {
    apiKeys.forEach((option, index) => {
      const { key, readOnly = false, ownerId } = typeof option === "string" ? { key: option } : option;
      // Without an ownerId every key is its own owner; the index (not the key) names it so no secret
      // ends up in anything we might log.
      this.keys.set(key, { readOnly, owner: ownerId ?? `key#${index}` });
    });
    oauthTokens.forEach((option, index) => {
      this.tokens.set(option.token, { scopes: new Set(option.scopes), owner: `token#${index}` });
    });
  }

  /** Throws the gateway's 401/403 when the caller may not run `operationId`. */
  authorize(headers: Record<string, string | string[] | undefined>, operationId: OperationId): Principal {
    const principal = this.authenticate(headers);
    const needed = operations[operationId].scopes as readonly string[];
    if (principal.kind === "apiKey") {
      if (principal.readOnly && needed.some((scope) => scope.endsWith(":write"))) {
        throw gatewayError(403, "The API key does not have write permission for this operation.");
      }
    } else {
      const missing = needed.filter((scope) => !principal.scopes.has(scope));
      if (missing.length > 0) throw gatewayError(403, `Insufficient scope: requires ${missing.join(", ")}.`);
    }
    return principal;
  }

  private authenticate(headers: Record<string, string | string[] | undefined>): Principal {
    const apiKey = single(headers["x-api-key"]);
    if (apiKey !== undefined) {
      const entry = this.keys.get(apiKey);
      if (!entry) throw gatewayError(401, "Invalid API Key");
      return { kind: "apiKey", rateLimitKey: `apiKey:${entry.owner}`, readOnly: entry.readOnly };
    }
    const authorization = single(headers.authorization);
    const match = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1]) {
      const entry = this.tokens.get(match[1]);
      if (!entry) throw gatewayError(401, "Invalid OAuth token");
      return { kind: "oauth2", rateLimitKey: `oauth2:${entry.owner}`, scopes: entry.scopes };
    }
    throw gatewayError(401, "Invalid API Key");
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
