// Builds the Fastify server: gateway concerns (auth, rate limits, stats) as hooks, then the routes.
import multipart from "@fastify/multipart";
import { defaultServerUrl } from "@rbxassets/spec";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { type ApiKeyOption, Authenticator, type OAuthTokenOption } from "./auth.js";
import type { EmulatorContext } from "./context.js";
import { ApiError, gatewayError, invalidArgument, serviceError } from "./errors.js";
import { type Faults, noFaults } from "./faults.js";
import { createModerator, type ModerationOption } from "./moderation.js";
import { type OperationPolicy, OperationTracker } from "./operation-tracker.js";
import { RateLimiter, type RateLimitOption } from "./rate-limiter.js";
import { registerAssetRoutes } from "./routes/assets.js";
import { registerEmulatorRoutes } from "./routes/emulator.js";
import { registerOperationRoutes } from "./routes/operations.js";
import { registerVersionRoutes } from "./routes/versions.js";
import type { StatsRecorder } from "./stats.js";
import { Store } from "./store.js";

export interface AppConfig {
  apiKeys: ApiKeyOption[];
  oauthTokens: OAuthTokenOption[];
  operations: OperationPolicy;
  rateLimits: RateLimitOption | false;
  moderation?: ModerationOption;
  dataDir?: string;
  logger: boolean;
  stats: StatsRecorder;
  faults?: Faults;
  now?: () => number;
}

/** The API lives under the spec server URL's path (`/assets`), so `url` can stand in for it. */
export const apiPrefix = new URL(defaultServerUrl).pathname.replace(/\/$/, "");

export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const now = config.now ?? Date.now;
  const store = new Store(config.dataDir);
  const context: EmulatorContext = {
    store,
    moderator: createModerator(config.moderation),
    operations: new OperationTracker(store, config.operations, config.faults ?? noFaults, now),
    stats: config.stats,
    now,
  };
  const auth = new Authenticator(config.apiKeys, config.oauthTokens);
  const limiter = config.rateLimits === false ? undefined : new RateLimiter(config.rateLimits, now);

  const app = Fastify({
    logger: config.logger,
    // Clients may percent-encode the colon of `:archive` / `versions:rollback`; route both spellings.
    rewriteUrl: (request) => (request.url ?? "/").replace(/^[^?]*/, (path) => path.replace(/%3a/gi, ":")),
  });
  await app.register(multipart, { throwFileSizeLimit: true });

  // Empty JSON bodies are fine (Archive/Restore have none, some clients still send the header).
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(invalidArgument("The body is not valid JSON."), undefined);
    }
  });

  // Gateway order: count, authenticate, authorise, then throttle; all before the body is parsed.
  app.addHook("onRequest", async (request, reply) => {
    const operationId = request.routeOptions.config.operationId;
    if (!operationId) return;
    context.stats.request(operationId);
    const principal = auth.authorize(request.headers, operationId);
    if (!limiter) return;
    const decision = limiter.hit(principal, operationId);
    reply.headers(decision.headers);
    if (!decision.allowed) throw gatewayError(429, "Too many requests", decision.headers);
  });
  app.addHook("onResponse", async (request, reply) => {
    if (request.url === apiPrefix || request.url.startsWith(`${apiPrefix}/`))
      context.stats.response(reply.statusCode);
  });

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).headers(error.headers).send(error.body);
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error(error);
      const internal = serviceError(500, "INTERNAL", "Internal server error.");
      return reply.code(internal.status).send(internal.body);
    }
    // Framework 4xx (unsupported media type, malformed body, ...) are argument errors to the service;
    // mapping them keeps every answer within the statuses the spec declares.
    const mapped = invalidArgument(error.message);
    return reply.code(mapped.status).send(mapped.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const missing = serviceError(
      404,
      "NOT_FOUND",
      `No route for ${request.method} ${request.url.split("?")[0]}.`,
    );
    return reply.code(missing.status).send(missing.body);
  });

  registerAssetRoutes(app, apiPrefix, context);
  registerVersionRoutes(app, apiPrefix, context);
  registerOperationRoutes(app, apiPrefix, context);
  registerEmulatorRoutes(app, context.stats);
  return app;
}
