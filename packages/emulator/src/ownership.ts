// A key (or OAuth authorization) acts for one creator. Creating for another creator, or changing an
// asset another creator owns, is answered 403 PERMISSION_DENIED, as live answers a key used for a
// group it has no permission in.

import type { Creator } from "@rbxassets/spec";
import type { FastifyRequest } from "fastify";
import { callerOf, type EmulatorContext } from "./context.js";
import { creatorRefOf } from "./creator.js";
import { serviceError } from "./errors.js";

export function requireCreator(context: EmulatorContext, request: FastifyRequest, creator: Creator): void {
  const wanted = creatorRefOf(creator);
  const own = callerOf(context, request).creator;
  if (wanted !== own) {
    throw serviceError(
      403,
      "PERMISSION_DENIED",
      `The API key may not act for ${wanted}: it belongs to ${own}. Use a key created by or for ${wanted}.`,
    );
  }
}
