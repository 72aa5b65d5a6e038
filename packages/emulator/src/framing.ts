// Request framing as the live gateway enforces it, before authentication or any handler: a request with a
// body must declare its Content-Length (Roblox: "If your request has a body, be sure to include the
// Content-Length and Content-Type headers"; a missing one is a 400 INVALID_ARGUMENT), and no body may
// exceed the documented cap. The status of an oversized body is unconfirmed live; 400 INVALID_ARGUMENT is
// the strict answer within the statuses the spec declares. Each body's declared and received length is
// recorded in the stats, so tests can prove that what a client declares is what it sends.

import type { IncomingMessage } from "node:http";
import { finished } from "node:stream/promises";
import { limits } from "@rbxassets/spec";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { invalidArgument } from "./errors.js";
import type { StatsRecorder } from "./stats.js";

export const MISSING_CONTENT_LENGTH =
  "Missing or invalid Content-Length header. If your request has a body, be sure to include the Content-Length and Content-Type headers.";
export const BODY_TOO_LARGE = `Request body too large. The max request body size is ${limits.maxRequestBytes} bytes.`;

export function registerFraming(app: FastifyInstance, stats: StatsRecorder): void {
  const withBody = new WeakSet<FastifyRequest>();
  app.addHook("onRequest", async (request) => {
    const operationId = request.routeOptions.config.operationId;
    if (!operationId) return;
    const { raw } = request;
    const declared = raw.headers["content-length"];
    // Node's parser already refused malformed or conflicting lengths; a body is a length > 0 or chunks.
    const contentLength = declared === undefined ? null : Number(declared);
    if (contentLength === 0 || (contentLength === null && raw.headers["transfer-encoding"] === undefined))
      return;
    withBody.add(request);
    countReceived(raw, (received) => stats.body({ operationId, contentLength, received }));
    if (contentLength === null || contentLength > limits.maxRequestBytes) {
      // Read the body anyway: answering before it is consumed makes clients see a reset, not our 400.
      await readToEnd(raw);
      throw invalidArgument(contentLength === null ? MISSING_CONTENT_LENGTH : BODY_TOO_LARGE);
    }
  });
  // Whatever answers early (a refused key, a 429) still reads the body first, so that it is counted and
  // the client gets the answer instead of a reset.
  app.addHook("onSend", async (request, _reply, payload) => {
    if (withBody.has(request)) await readToEnd(request.raw);
    return payload;
  });
}

/**
 * Counts the body's bytes as whoever reads it (busboy, the JSON parser, a drain) reads them. The stream
 * is paused before the listener goes on, so the listener alone never starts the flow (bytes would be
 * gone before the parser is attached); the reader's own pipe() or resume() starts it.
 */
function countReceived(raw: IncomingMessage, report: (received: number) => void): void {
  let received = 0;
  raw.pause();
  raw.on("data", (chunk: Buffer) => {
    received += chunk.length;
  });
  raw.once("end", () => report(received));
}

async function readToEnd(raw: IncomingMessage): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return;
  raw.resume();
  // A client that hangs up mid-body ends the wait too; there is nobody left to answer.
  await finished(raw).catch(() => {});
}
