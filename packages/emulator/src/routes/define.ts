// Registers a handler for a spec operation at the server, method and path the spec metadata gives it.
import { type OperationId, operations } from "@rbxassets/spec";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export type Params = Record<string, string>;
export type Query = Record<string, string | undefined>;
export type OperationHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * Routes an operation at its server's path plus its own (`/assets` + `/v1/assets` for the Assets API, the
 * root for asset permissions and quotas), so one port serves every API as `apis.roblox.com` does.
 */
export function defineOperation(
  app: FastifyInstance,
  operationId: OperationId,
  handler: OperationHandler,
): void {
  const { method, path, serverUrl } = operations[operationId];
  const prefix = new URL(serverUrl).pathname.replace(/\/$/, "");
  app.route({ method, url: toRoutePath(prefix + path), config: { operationId }, handler });
}

/**
 * `/v1/assets/{assetId}:archive` -> `/v1/assets/:assetId(^[^:/]+)::archive`. find-my-way reads `:` as a
 * parameter marker, so a literal colon is doubled, and a parameter followed by a literal colon gets a
 * regex that stops at the colon (otherwise the two custom-method routes collide).
 */
export function toRoutePath(specPath: string): string {
  return specPath
    .replace(/:/g, "::")
    .replace(/\{([A-Za-z0-9_]+)\}(?=::)/g, ":$1(^[^:/]+)")
    .replace(/\{([A-Za-z0-9_]+)\}/g, ":$1");
}
