// Builds the Fastify server: gateway concerns (auth, rate limits, stats) as hooks, then the routes.
import multipart from "@fastify/multipart";
import { defaultServerUrl, operations } from "@rbxassets/spec";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from "fastify";
import { type ApiKeyOption, Authenticator, type OAuthTokenOption, type Principal } from "./auth.js";
import type { EmulatorContext } from "./context.js";
import { type CreatorRef, DEFAULT_EMULATOR_CREATOR } from "./creator.js";
import { ApiError, gatewayError, invalidArgument, serviceError } from "./errors.js";
import { FAULT_HEADER, FaultInjector, type Faults, noFaults, type RequestFaultPlan } from "./faults.js";
import { defaultFees, type Fees } from "./fees.js";
import { registerFraming } from "./framing.js";
import { type GrantPolicy, grantPolicy } from "./grants.js";
import { toLegacyWire, type WireMode } from "./legacy-wire.js";
import { createModerator, type ModerationOption } from "./moderation.js";
import { drain } from "./multipart.js";
import { type OperationPolicy, OperationTracker } from "./operation-tracker.js";
import { QuotaBook, type QuotaOption } from "./quotas.js";
import { RateLimiter, type RateLimitOption } from "./rate-limiter.js";
import { registerAssetRoutes } from "./routes/assets.js";
import { registerEmulatorRoutes } from "./routes/emulator.js";
import { registerOperationRoutes } from "./routes/operations.js";
import { registerPermissionRoutes } from "./routes/permissions.js";
import { registerQuotaRoutes } from "./routes/quotas.js";
import { registerVersionRoutes } from "./routes/versions.js";
import type { StatsRecorder } from "./stats.js";
import { Store } from "./store.js";

export interface AppConfig {
  apiKeys: ApiKeyOption[];
  oauthTokens: OAuthTokenOption[];
  /** Owner of keys and tokens that name none; default DEFAULT_EMULATOR_CREATOR. */
  creator?: CreatorRef;
  /** Every write is answered 403 `User is moderated`. */
  accountModerated?: boolean;
  fees?: Fees;
  wire?: WireMode;
  operations: OperationPolicy;
  rateLimits: RateLimitOption | false;
  moderation?: ModerationOption;
  dataDir?: string;
  keepContent?: boolean;
  logger: boolean;
  stats: StatsRecorder;
  faults?: Faults;
  now?: () => number;
  /** Universes (experiences) grants may name, and how many grants an asset may hold. */
  grants?: GrantPolicy;
  /** Upload quotas; undefined: the usage guide's figures for every user. */
  quotas?: QuotaOption[];
}

/** The API lives under the spec server URL's path (`/assets`), so `url` can stand in for it. */
export const apiPrefix = new URL(defaultServerUrl).pathname.replace(/\/$/, "");

export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const now = config.now ?? Date.now;
  const faults = config.faults ?? noFaults;
  const store = new Store(config.dataDir);
  const context: EmulatorContext = {
    store,
    moderator: createModerator(config.moderation),
    operations: new OperationTracker(store, config.operations, faults, now),
    stats: config.stats,
    keepContent: config.keepContent === true,
    fees: config.fees ?? defaultFees,
    quotas: new QuotaBook(config.quotas, config.creator ?? DEFAULT_EMULATOR_CREATOR, now),
    callers: new WeakMap(),
    now,
  };
  const auth = new Authenticator(config.apiKeys, config.oauthTokens, config.creator);
  const limiter = config.rateLimits === false ? undefined : new RateLimiter(config.rateLimits, now);

  const app = Fastify({
    logger: config.logger,
    // close() ends every connection at once: a client that gave up on a slow (faulted) answer can leave a
    // keep-alive socket that would otherwise hold close() for the 72 s keep-alive timeout.
    forceCloseConnections: true,
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

  // Injected faults of the requests in flight, and the requests whose socket a fault destroyed.
  const faultPlans = new WeakMap<FastifyRequest, RequestFaultPlan>();
  const dropped = new WeakSet<FastifyRequest>();

  // Framing first: the gateway refuses a body of unknown or excessive length before it looks at the key.
  registerFraming(app, context.stats);

  // Gateway order: count, authenticate, authorise, throttle, then the account's standing (a moderated
  // account); all before the body is parsed.
  // Faults come last, so unauthorised and really rate-limited calls answer as they would anyway.
  app.addHook("onRequest", async (request, reply) => {
    const operationId = request.routeOptions.config.operationId;
    if (!operationId) return;
    context.stats.request(operationId);
    let principal: Principal;
    try {
      principal = auth.authorize(request.headers, operationId);
    } catch (error) {
      // Refused callers see the limit headers too (counted per address, never refused for it).
      if (limiter)
        reply.headers(
          limiter.hit({ kind: "apiKey", rateLimitKey: `anonymous:${request.ip}` }, operationId).headers,
        );
      throw error;
    }
    context.callers.set(request, principal);
    if (limiter) {
      const decision = limiter.hit(principal, operationId);
      reply.headers(decision.headers);
      if (!decision.allowed) throw gatewayError(429, "Too many requests", decision.headers);
    }
    if (config.accountModerated && operations[operationId].scopes.some((scope) => scope.endsWith(":write"))) {
      await drain(request.raw);
      throw serviceError(403, "PERMISSION_DENIED", "User is moderated");
    }
    const plan = faults.request?.(operationId);
    if (!plan) return;
    faultPlans.set(request, plan);
    reply.header(FAULT_HEADER, plan.kinds.join(","));
    switch (plan.kind) {
      case "dropBeforeRead":
        dropped.add(request);
        reply.hijack();
        request.raw.socket.destroy();
        return;
      case "serverError": {
        // Read the body first: answering before it is consumed makes clients see a reset, not a 5xx.
        await drain(request.raw);
        const status = plan.status ?? 500;
        throw status === 503
          ? serviceError(503, "UNAVAILABLE", "Service unavailable (injected fault).")
          : serviceError(500, "INTERNAL", "Internal server error (injected fault).");
      }
      case "tooManyRequests": {
        await drain(request.raw);
        const reset = String(plan.retryAfterSeconds ?? 1);
        const limit =
          reply.getHeader("x-ratelimit-limit") ?? operations[operationId].rateLimit[principal.kind].max;
        throw gatewayError(429, "Too many requests", {
          "x-ratelimit-limit": String(limit),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": reset,
          "retry-after": reset,
        });
      }
    }
  });
  if (config.wire === "legacy") {
    // Only the Assets API had an older wire; the permission and quota APIs answer as they do today.
    app.addHook("preSerialization", async (request, _reply, payload) => {
      const operationId = request.routeOptions.config.operationId;
      return operationId && operations[operationId].serverUrl === defaultServerUrl
        ? toLegacyWire(payload)
        : payload;
    });
  }
  // Faults that act on the answer: after the handler ran (state changed), before anything is written.
  app.addHook("onSend", async (request, reply, payload) => {
    const plan = faultPlans.get(request);
    if (!plan) return payload;
    if (plan.slowMs) await new Promise((resolve) => setTimeout(resolve, plan.slowMs));
    switch (plan.kind) {
      case "dropAfterHandle":
        dropped.add(request);
        request.raw.socket.destroy();
        return payload;
      case "malformedJson":
        return truncateJson(payload);
      case "serverErrorAfterHandle": {
        // The work is done (a create stored its asset); the answer says it failed.
        const failed = serviceError(500, "INTERNAL", "Internal server error (injected fault).");
        reply.code(failed.status).header("content-type", "application/json; charset=utf-8");
        return JSON.stringify(failed.body);
      }
      case "wrongContentType":
        reply.code(200).header("content-type", "text/html; charset=utf-8");
        return "<!DOCTYPE html>\n<html><head><title>Gateway</title></head><body><h1>Please wait…</h1></body></html>\n";
      default:
        return payload;
    }
  });
  app.addHook("onResponse", async (request, reply) => {
    if (dropped.has(request)) return;
    if (
      request.routeOptions.config.operationId ||
      request.url === apiPrefix ||
      request.url.startsWith(`${apiPrefix}/`)
    )
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

  registerAssetRoutes(app, context);
  registerVersionRoutes(app, context);
  registerOperationRoutes(app, context);
  registerPermissionRoutes(app, context, config.grants ?? grantPolicy());
  registerQuotaRoutes(app, context, context.quotas);
  registerEmulatorRoutes(app, context.stats, faults instanceof FaultInjector ? faults : undefined, store);
  return app;
}

/** A prefix of the JSON text that is not JSON itself (content-type and status stay as they were). */
function truncateJson(payload: unknown): unknown {
  const text =
    typeof payload === "string" ? payload : Buffer.isBuffer(payload) ? payload.toString("utf8") : "";
  const cut = text.slice(0, Math.floor(text.length / 2));
  try {
    JSON.parse(cut);
  } catch {
    return cut;
  }
  return `${cut}{"truncated`;
}
