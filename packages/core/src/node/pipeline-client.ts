// The client a pipeline builds the first time a file needs a request, from its resolved settings: a run
// that finds every file in the lockfile needs no credentials at all.
import type { AssetsClient } from "../index.js";
import { createNodeAssetsClient } from "./client.js";
import type { ResolvedConfig } from "./config.js";
import { PipelineError } from "./errors.js";

/** The client for these settings; without credentials, the error names `file`, the first that needed one. */
export function clientFor(config: ResolvedConfig, file: string): AssetsClient {
  if (!config.hasCredentials) {
    throw new PipelineError(
      file,
      "credentials",
      "this content is not in the lockfile and no credentials are configured",
      "set RBXASSETS_API_KEY (or RBXASSETS_OAUTH_TOKEN), in the environment or in .env",
    );
  }
  // The settings already applied options > env > .env; an empty env stops the client from re-reading it.
  return createNodeAssetsClient({
    env: {},
    ...(config.apiKey !== undefined ? { apiKey: config.apiKey } : {}),
    ...(config.oauthToken !== undefined ? { oauthToken: config.oauthToken } : {}),
    ...(config.baseUrl !== undefined ? { baseUrl: config.baseUrl } : {}),
    ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
  });
}
