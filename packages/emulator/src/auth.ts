// Gateway authentication: `x-api-key` against the configured keys, or `Authorization: Bearer` against
// the configured OAuth2 tokens and the operation's scopes (from spec metadata). Every key and token acts
// for one creator (its owner); the routes check that owner against what the request touches.
import { type OperationId, operations } from "@rbxassets/spec";
import { type CreatorRef, DEFAULT_EMULATOR_CREATOR, parseCreatorRef } from "./creator.js";
import { gatewayError } from "./errors.js";

/**
 * `scopes`: what the key was created with (`asset:read`, `asset:write`, `asset-permissions:write`); absent,
 * the key may call every operation (writes unless `readOnly`).
 */
export type ApiKeyOption = string | { key: string; readOnly?: boolean; creator?: string; scopes?: string[] };
export interface OAuthTokenOption {
  token: string;
  scopes: string[];
  /** The user (or group) the authorization acts for; default the emulator's creator. */
  creator?: string;
}

/**
 * Who is calling, and for whom. `rateLimitKey` groups callers the way the real limits do: all keys of
 * one owner together, each OAuth authorization on its own.
 */
export type Principal =
  | {
      kind: "apiKey";
      rateLimitKey: string;
      readOnly: boolean;
      creator: CreatorRef;
      scopes?: ReadonlySet<string>;
    }
  | { kind: "oauth2"; rateLimitKey: string; scopes: ReadonlySet<string>; creator: CreatorRef };

export class Authenticator {
  private readonly keys = new Map<
    string,
    { readOnly: boolean; creator: CreatorRef; scopes?: ReadonlySet<string> }
  >();
  private readonly tokens = new Map<
    string,
    { scopes: ReadonlySet<string>; creator: CreatorRef; index: number }
  >();

  constructor(
    apiKeys: ApiKeyOption[],
    oauthTokens: OAuthTokenOption[],
    defaultCreator = DEFAULT_EMULATOR_CREATOR,
  ) {
    apiKeys.forEach((option, index) => {
      const {
        key,
        readOnly = false,
        creator,
        scopes,
      } = typeof option === "string" ? { key: option, scopes: undefined } : option;
      // Errors name the key by its index, never by its value.
      const owner =
        creator === undefined ? defaultCreator : parseCreatorRef(creator, `apiKeys[${index}].creator`);
      this.keys.set(key, { readOnly, creator: owner, ...(scopes ? { scopes: new Set(scopes) } : {}) });
    });
    oauthTokens.forEach((option, index) => {
      const owner =
        option.creator === undefined
          ? defaultCreator
          : parseCreatorRef(option.creator, `oauthTokens[${index}].creator`);
      this.tokens.set(option.token, { scopes: new Set(option.scopes), creator: owner, index });
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
      const missing = principal.scopes ? needed.filter((scope) => !principal.scopes?.has(scope)) : [];
      if (missing.length > 0) {
        throw gatewayError(
          403,
          `The API key does not have the ${missing.join(", ")} scope for this operation.`,
        );
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
      // The limits are per key owner, so the owner (not the key) names the window.
      return { kind: "apiKey", rateLimitKey: `apiKey:${entry.creator}`, ...entry };
    }
    const authorization = single(headers.authorization);
    const match = authorization === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1]) {
      const entry = this.tokens.get(match[1]);
      if (!entry) throw gatewayError(401, "Invalid OAuth token");
      return {
        kind: "oauth2",
        rateLimitKey: `oauth2:token#${entry.index}`,
        scopes: entry.scopes,
        creator: entry.creator,
      };
    }
    throw gatewayError(401, "Invalid API Key");
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
