import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type ClientEvent, defaultServerUrl } from "@rbxassets/core";
import { credentialProblem, redact } from "@rbxassets/core/internal";
import {
  createNodeAssetsClient,
  createPipeline,
  loadProject,
  type NodeAssetsClient,
  type Pipeline,
  type PipelineOptions,
  type Project,
  type ResolvedConfig,
  resolveProjectConfig,
} from "@rbxassets/core/node";
import { MissingCredentialsError, ServiceError } from "./errors.js";

/** What every service needs: where the project is, its configuration, and a client made on first use. */
export interface ServiceContext {
  /** Absolute project root: `.env` and the lockfile live here; relative file paths start here. */
  root: string;
  config: ResolvedConfig;
  /** The project file (`rbxassets.config.*`) in the root, validated whole; undefined when there is none. */
  project: Project | undefined;
  /** The API base URL requests go to: the configured one, else the spec's server URL. */
  apiUrl: string;
  /** The API client, created on first call; throws a one-line error naming RBXASSETS_API_KEY without credentials. */
  client(): NodeAssetsClient;
  /** An upload pipeline rooted at `root`, with this context's client and creator. */
  pipeline(options?: Partial<PipelineOptions>): Pipeline;
  /** Replaces every credential in `text` with `[redacted]`: a guard for anything shown to a person. */
  redact(text: string): string;
  /**
   * Tells `listener` what the client does beneath the services (retries, rate-limit waits, responses), so
   * that a shell can show a wait as a wait rather than a hang. Returns the unsubscribe function.
   */
  onClientEvent(listener: (event: ClientEvent) => void): () => void;
}

export interface CreateServiceContextOptions {
  /** Project root. Default: `process.cwd()`. */
  root?: string;
  apiKey?: string;
  /** A file holding the API key, so that the key stays out of shell history. */
  apiKeyFile?: string;
  oauthToken?: string;
  baseUrl?: string;
  creator?: string;
  /** Environment to read `RBXASSETS_*` from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
}

/** Resolves configuration (explicit options > environment > `.env` in the root > project file) into a ServiceContext. */
export async function createServiceContext(opts: CreateServiceContextOptions = {}): Promise<ServiceContext> {
  const root = resolve(opts.root ?? process.cwd());
  const apiKey =
    opts.apiKey ?? (opts.apiKeyFile === undefined ? undefined : await readKeyFile(root, opts.apiKeyFile));
  // Loaded (and validated) before anything else: a broken project file stops the command before any work.
  const project = await loadProject(root);
  const config = await resolveProjectConfig(
    {
      root,
      env: opts.env ?? process.env,
      ...(apiKey !== undefined ? { apiKey } : {}),
      ...(opts.oauthToken !== undefined ? { oauthToken: opts.oauthToken } : {}),
      ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
      ...(opts.creator !== undefined ? { creator: opts.creator } : {}),
    },
    project,
  );
  const secrets = [config.apiKey, config.oauthToken].filter(
    (s): s is string => s !== undefined && s.length >= 4,
  );
  const listeners = new Set<(event: ClientEvent) => void>();
  let client: NodeAssetsClient | undefined;
  const getClient = (): NodeAssetsClient => {
    if (!config.hasCredentials) throw new MissingCredentialsError();
    client ??= createNodeAssetsClient({
      ...(config.apiKey !== undefined ? { apiKey: config.apiKey } : {}),
      ...(config.oauthToken !== undefined ? { oauthToken: config.oauthToken } : {}),
      ...(config.baseUrl !== undefined ? { baseUrl: config.baseUrl } : {}),
      // Only the resolved configuration counts: the client must not fall back to the environment itself.
      env: {},
      userAgent: "rbxassets-cli",
      ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
      onEvent: (event) => {
        for (const listener of listeners) listener(event);
      },
    });
    return client;
  };
  return {
    root,
    config,
    project,
    apiUrl: config.baseUrl ?? defaultServerUrl,
    client: getClient,
    pipeline: (options = {}) =>
      createPipeline({
        root,
        // Without credentials the pipeline still works offline (check mode, lockfile lookups) and reports
        // missing credentials itself when a file needs uploading.
        ...(config.hasCredentials ? { client: getClient() } : {}),
        ...(config.creator !== undefined ? { creator: config.creator } : {}),
        ...(project ? { lockfile: project.lockfile } : {}),
        env: {},
        ...options,
      }),
    redact: (text) => redact(text, secrets),
    onClientEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

async function readKeyFile(root: string, file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(resolve(root, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new ServiceError(`cannot read the API key file ${file} (${code})`, { cause: error });
  }
  // A trailing newline is how editors end a file: trimmed. A second line is a mistake: refused, not echoed.
  const key = text.trim();
  if (key === "") throw new ServiceError(`the API key file ${file} is empty`);
  const problem = credentialProblem(key);
  if (problem) throw new ServiceError(`the API key in ${file} ${problem}: keep the key alone on one line`);
  return key;
}
