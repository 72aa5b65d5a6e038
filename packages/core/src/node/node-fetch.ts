// A fetch that sends a WHATWG Request through undici.request with the body piped from its stream, so
// uploads keep their backpressure: a 20 MB multipart upload costs a fraction of its size in memory, where
// fetch + FormData buffers roughly 1.3x the file.
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export const nodeFetch = async (input: Request): Promise<Response> => {
  const headers: Record<string, string> = {};
  input.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = input.body ? Readable.fromWeb(input.body as unknown as NodeReadableStream<Uint8Array>) : null;
  const method = input.method.toUpperCase();
  // Loaded on first use: importing undici costs ~190 ms, which commands that never upload should not pay.
  const { request: undiciRequest } = await import("undici");
  const result = await undiciRequest(input.url, {
    method: method as "GET",
    headers,
    body,
    signal: input.signal,
  });
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(result.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, item);
  }
  if (method === "HEAD" || NULL_BODY_STATUSES.has(result.statusCode)) {
    await result.body.dump();
    return new Response(null, {
      status: result.statusCode,
      statusText: result.statusText ?? "",
      headers: responseHeaders,
    });
  }
  const stream = Readable.toWeb(result.body) as unknown as ReadableStream<Uint8Array>;
  return new Response(stream, {
    status: result.statusCode,
    statusText: result.statusText ?? "",
    headers: responseHeaders,
  });
};
