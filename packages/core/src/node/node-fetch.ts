// A fetch that sends a WHATWG Request through undici.request. Every body goes with its Content-Length (the
// gateway refuses a body without one, so nothing is ever sent chunked):
// - a Request that declares it (the node client's multipart bodies, multipart-body.ts) has its body piped
//   from its stream, so uploads keep their backpressure: a 20 MB upload costs a fraction of its size in
//   memory, where fetch + FormData buffers roughly 1.3x the file. undici refuses to send a body whose
//   bytes differ from the declared length.
// - any other body (rollback's JSON; a FormData from the plain client) is read first and sent as bytes,
//   which gives it its length.
import { Readable } from "node:stream";

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export const nodeFetch = async (input: Request): Promise<Response> => {
  const headers: Record<string, string> = {};
  input.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = !input.body
    ? null
    : input.headers.has("content-length")
      ? Readable.from(chunksOf(input.body), { objectMode: false })
      : Buffer.from(await input.arrayBuffer());
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

/**
 * The request body as chunks, read one at a time as undici writes them (backpressure). When the send fails
 * part-way (a refused or reset connection), the stream is let go, not cancelled: cancelling Node's own
 * FormData body stream while it is producing makes Node 24 raise an unhandled "ReadableStream is already
 * closed" (with Readable.fromWeb, which cancels on destroy).
 */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
