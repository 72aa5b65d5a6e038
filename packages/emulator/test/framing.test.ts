// Request framing: a body without Content-Length (chunked) or over the cap is refused as the gateway does,
// and every body's declared and received length is recorded. Raw node:http requests, since fetch always
// frames its bodies itself.
import { request as httpRequest } from "node:http";
import { limits } from "@rbxassets/spec";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import { assertContract } from "./contract.js";
import { assetForm, createAsset, createRequest, pngFile, startTestEmulator } from "./harness.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.resetStats());

interface RawAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: checked by assertContract
  body: any;
}

/** Sends `chunks` as written; with no content-length header, node:http frames them chunked. */
async function rawSend(
  method: string,
  path: string,
  headers: Record<string, string | number>,
  chunks: Uint8Array[],
): Promise<RawAnswer> {
  const url = new URL(`${emulator.url}${path}`);
  const answer = await new Promise<RawAnswer>((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { "x-api-key": emulator.apiKey, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (chunk: Buffer) => parts.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const item of [value ?? []].flat()) headers.append(name, item);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: text ? JSON.parse(text) : undefined });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    (async () => {
      for (const chunk of chunks) {
        if (!req.write(chunk)) await new Promise((done) => req.once("drain", done));
      }
      req.end();
    })().catch(reject);
  });
  assertContract({
    method,
    path: url.pathname,
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
  });
  return answer;
}

/** A multipart body as fetch would frame it, as bytes, with its content type. */
async function encodedForm(): Promise<{ bytes: Uint8Array; contentType: string }> {
  const encoded = new Request("http://x/", {
    method: "POST",
    body: assetForm({ request: createRequest(), file: pngFile() }),
  });
  return {
    bytes: new Uint8Array(await encoded.arrayBuffer()),
    contentType: encoded.headers.get("content-type")!,
  };
}

describe("request framing", () => {
  it("refuses a chunked body (no Content-Length) with 400 INVALID_ARGUMENT naming Content-Length", async () => {
    const { bytes, contentType } = await encodedForm();
    const half = Math.floor(bytes.length / 2);
    const answer = await rawSend("POST", "/v1/assets", { "content-type": contentType }, [
      bytes.subarray(0, half),
      bytes.subarray(half),
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_ARGUMENT");
    expect(answer.body.message).toContain("Content-Length");
    const stats = emulator.stats();
    expect(stats.creates).toBe(0);
    expect(stats.bodies).toEqual([
      { operationId: "Assets_CreateAsset", contentLength: null, received: bytes.length },
    ]);
  });

  it("accepts the same body with its Content-Length and records both lengths", async () => {
    const { bytes, contentType } = await encodedForm();
    const answer = await rawSend(
      "POST",
      "/v1/assets",
      { "content-type": contentType, "content-length": bytes.length },
      [bytes.subarray(0, 10), bytes.subarray(10)],
    );
    expect(answer.status).toBe(200);
    expect(emulator.stats().bodies).toEqual([
      { operationId: "Assets_CreateAsset", contentLength: bytes.length, received: bytes.length },
    ]);
  });

  it("refuses a chunked JSON body too (rollback)", async () => {
    const json = new TextEncoder().encode(JSON.stringify({ assetVersion: "assets/1/versions/1" }));
    const answer = await rawSend(
      "POST",
      "/v1/assets/1/versions:rollback",
      { "content-type": "application/json" },
      [json],
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain("Content-Length");
  });

  it(`refuses a body over ${limits.maxRequestBytes} bytes with the documented message`, async () => {
    const size = limits.maxRequestBytes + 1;
    const chunk = new Uint8Array(1 << 20);
    const chunks: Uint8Array[] = [];
    for (let sent = 0; sent < size; sent += chunk.length)
      chunks.push(chunk.subarray(0, Math.min(chunk.length, size - sent)));
    const answer = await rawSend(
      "POST",
      "/v1/assets",
      { "content-type": "multipart/form-data; boundary=x", "content-length": size },
      chunks,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: "INVALID_ARGUMENT",
      message: "Request body too large. The max request body size is 30000000 bytes.",
    });
    expect(emulator.stats().bodies).toEqual([
      { operationId: "Assets_CreateAsset", contentLength: size, received: size },
    ]);
  });

  it("takes body-less writes (archive) without a Content-Length", async () => {
    const { assetId } = await createAsset(emulator);
    const answer = await rawSend("POST", `/v1/assets/${assetId}:archive`, {}, []);
    expect(answer.status).toBe(200);
    expect(answer.body.state).toBe("Archived");
  });

  it("reads the whole body before answering early (wrong key), so the client gets the 401", async () => {
    const { bytes, contentType } = await encodedForm();
    const answer = await rawSend(
      "POST",
      "/v1/assets",
      { "content-type": contentType, "content-length": bytes.length, "x-api-key": "wrong" },
      [bytes],
    );
    expect(answer.status).toBe(401);
    expect(emulator.stats().bodies).toEqual([
      { operationId: "Assets_CreateAsset", contentLength: bytes.length, received: bytes.length },
    ]);
  });
});
