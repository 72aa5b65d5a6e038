// Every answer is read defensively, in one place (openapi-fetch middleware on the client's own instance,
// before openapi-fetch parses anything): as text with a size cap, then JSON.parse in a try, then the
// operation's shape check. A 2xx that fails any step becomes an AssetsApiError with code INVALID_RESPONSE.
import { operations } from "@rbxassets/spec";
import type { Middleware } from "openapi-fetch";
import { AssetsApiError, INVALID_RESPONSE, redact } from "./errors.js";
import { validateResponse } from "./validate-response.js";

/** Far above any real answer (a page of 50 versions is a few tens of KB); beyond it reading stops. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** How much of an unusable body an INVALID_RESPONSE error keeps, for debugging. */
const BODY_EXCERPT = 500;

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const OPERATION_BY_ROUTE = new Map<string, string>(
  Object.entries(operations).map(([id, op]) => [`${op.method} ${op.path}`, id]),
);

/**
 * Reads a body as text, at most `maxBytes` of it: beyond that (or when `content-length` announces more) the
 * stream is cancelled and `overflow` is set. Network and abort errors while reading propagate untouched.
 */
export async function readBodyText(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; overflow: boolean }> {
  const body = response.body;
  if (!body) return { text: "", overflow: false };
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    body.cancel().catch(() => {});
    return { text: "", overflow: true };
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: cancelling must never be what a caller waits on.
      reader.cancel().catch(() => {});
      return { text, overflow: true };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), overflow: false };
}

/** The media type, if it looks like one (it goes into a message: nothing else from the server does). */
function mediaTypeOf(response: Response): string {
  const type = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "") return "no content type";
  return /^[\w.+-]{1,40}\/[\w.+-]{1,60}$/.test(type) ? type : "an unrecognised content type";
}

function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

/** A response carrying `body` (already read), with the original status and headers. */
function rebuild(response: Response, body: string, contentType?: string): Response {
  const headers = new Headers(response.headers);
  // The body is no longer the bytes those headers described.
  headers.delete("content-length");
  headers.delete("content-encoding");
  if (contentType) headers.set("content-type", contentType);
  return new Response(NULL_BODY_STATUSES.has(response.status) ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/**
 * Reads every answer with a size cap; checks 2xx answers (JSON, and the shape of what the operation
 * answers with) and hands openapi-fetch the normalised JSON, or throws INVALID_RESPONSE. Error bodies
 * (4xx/5xx) are only capped: they stay the status error `send` builds.
 */
export function responseReader(
  secrets: () => readonly string[],
  maxBytes: number = MAX_RESPONSE_BYTES,
): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const operationId = OPERATION_BY_ROUTE.get(`${request.method} ${schemaPath}`) ?? schemaPath;
      const { text, overflow } = await readBodyText(response, maxBytes);
      if (!response.ok) return rebuild(response, text);
      const { status } = response;
      const invalid = (problem: string) =>
        new AssetsApiError({
          message: `${operationId}: the service answered ${status} with ${problem}`,
          status,
          code: INVALID_RESPONSE,
          operationId,
          body: text === "" ? undefined : redact(text.slice(0, BODY_EXCERPT), secrets()),
        });
      if (overflow) throw invalid(`a body larger than ${sizeText(maxBytes)}`);
      if (text.trim() === "") throw invalid("an empty body");
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw invalid(`a body that is not JSON (${mediaTypeOf(response)})`);
      }
      const checked = validateResponse(operationId, parsed);
      if (!checked.ok) throw invalid(checked.problem);
      return rebuild(response, JSON.stringify(checked.value), "application/json");
    },
  };
}
