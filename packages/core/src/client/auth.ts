// Credentials on every request, in middleware: the API key header or the OAuth bearer (a token function is
// asked each time), a once-per-client warning when they would leave this machine in clear text.
import type { Middleware } from "openapi-fetch";
import type { ResolvedConfig } from "./config.js";
import { checkCredential } from "./settings.js";

/** Whether credentials sent to `url` would travel in clear text beyond this machine (http, not loopback). */
function isInsecureUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol !== "http:") return false;
  const host = hostname.replace(/^\[|\]$/g, "");
  return !(host === "localhost" || host === "::1" || /^127\./.test(host));
}

export function authMiddleware(config: ResolvedConfig, seen: Set<string>): Middleware {
  let warned = false;
  return {
    async onRequest({ request }) {
      const { credentials } = config;
      if (credentials && !warned && isInsecureUrl(request.url)) {
        warned = true;
        config.onEvent?.({ type: "insecureTransport", host: new URL(request.url).host });
      }
      if (credentials?.kind === "apiKey") request.headers.set("x-api-key", credentials.apiKey);
      if (credentials?.kind === "oauth2") {
        const token = typeof credentials.token === "function" ? await credentials.token() : credentials.token;
        // A token from a function is checked here (a fixed one was when the settings were resolved).
        checkCredential("oauthToken", token, "options");
        if (token) seen.add(token);
        request.headers.set("authorization", `Bearer ${token}`);
      }
      if (!request.headers.has("user-agent")) request.headers.set("user-agent", config.userAgent);
      return request;
    },
  };
}
