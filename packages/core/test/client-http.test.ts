// Retry rules and error-body parsing against tiny real HTTP peers (node:http on loopback).
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { AssetsApiError, type ClientEvent, createAssetsClient } from "../src/index.js";
import { imageRequest, PNG_1X1 } from "./helpers/fixtures.js";
import { closedPortUrl, type Peer, type PeerHandler, sendJson, startPeer } from "./helpers/peer.js";
import {
  PEER_API_KEY as API_KEY,
  PEER_ASSET as ASSET,
  quickRetry,
  transports,
} from "./helpers/peer-client.js";

let transport: ((input: Request) => Promise<Response>) | undefined;
let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function clientFor(handler: PeerHandler, events?: ClientEvent[], readBody = true) {
  peer = await startPeer(handler, { readBody });
  return createAssetsClient({
    baseUrl: peer.url,
    apiKey: API_KEY,
    env: {},
    retry: quickRetry,
    rateLimit: false,
    ...(transport ? { fetch: transport } : {}),
    ...(events ? { onEvent: (event: ClientEvent) => events.push(event) } : {}),
  });
}

describe.each(transports)("retries over %s", (_name, fetchImpl) => {
  beforeEach(() => {
    transport = fetchImpl;
  });
  afterAll(() => {
    transport = undefined;
  });

  it("GET retries a 503 and then succeeds", async () => {
    const events: ClientEvent[] = [];
    const client = await clientFor((_req, res, { index }) => {
      if (index === 0) sendJson(res, 503, { code: "UNAVAILABLE", message: "try later" });
      else sendJson(res, 200, ASSET);
    }, events);
    const asset = await client.getAsset("42");
    expect(asset.assetId).toBe("42");
    expect(peer!.requests).toHaveLength(2);
    expect(peer!.requests[0]!.url).toBe("/assets/v1/assets/42");
    expect(peer!.requests[0]!.headers["x-api-key"]).toBe(API_KEY);
    expect(events.filter((e) => e.type === "retry")).toHaveLength(1);
  });

  it("GET gives up after maxAttempts with the last error", async () => {
    const client = await clientFor((_req, res) => sendJson(res, 500, { message: "boom" }));
    const error = (await client.getAsset("42").catch((e: unknown) => e)) as AssetsApiError;
    expect(error).toBeInstanceOf(AssetsApiError);
    expect(error.status).toBe(500);
    expect(error.message).toBe("boom");
    expect(peer!.requests).toHaveLength(quickRetry.maxAttempts);
  });

  it("GET retries after a dropped connection", async () => {
    const client = await clientFor((req, res, { index }) => {
      if (index === 0) req.socket.destroy();
      else sendJson(res, 200, ASSET);
    });
    await expect(client.getAsset("42")).resolves.toMatchObject({ assetId: "42" });
    expect(peer!.requests).toHaveLength(2);
  });

  it("a create is NOT resent after a 500", async () => {
    const client = await clientFor((_req, res) => sendJson(res, 500, { code: "INTERNAL", message: "oops" }));
    const error = (await client
      .createAsset({ request: imageRequest(), file: PNG_1X1 })
      .catch((e: unknown) => e)) as AssetsApiError;
    expect(error.status).toBe(500);
    expect(peer!.requests).toHaveLength(1);
    expect(peer!.requests[0]!.bodyBytes).toBeGreaterThan(PNG_1X1.length);
  });

  it("a create is NOT resent after a connection reset mid-request", async () => {
    const client = await clientFor(
      (req) => {
        req.once("data", () => req.socket.destroy());
      },
      undefined,
      false,
    );
    const big = new Uint8Array(2_000_000);
    await expect(
      client.createAsset({ request: imageRequest(), file: { data: big, fileName: "big.png" } }),
    ).rejects.toThrow();
    expect(peer!.requests).toHaveLength(1);
  });

  it("a create IS resent after a 429, with a fresh multipart body each time", async () => {
    const client = await clientFor((_req, res, { index }) => {
      if (index < 2)
        sendJson(res, 429, { errors: [{ code: 0, message: "Too many requests" }] }, { "retry-after": "0" });
      else sendJson(res, 200, { path: "operations/abc", operationId: "abc", done: false });
    });
    const op = await client.createAsset({ request: imageRequest(), file: PNG_1X1 });
    expect(op.operationId).toBe("abc");
    expect(peer!.requests).toHaveLength(3);
    const sizes = new Set(peer!.requests.map((r) => r.bodyBytes));
    expect(sizes.size).toBe(1);
    expect([...sizes][0]).toBeGreaterThan(PNG_1X1.length);
    expect(
      peer!.requests.every((r) => /^multipart\/form-data; boundary=/.test(r.headers["content-type"] ?? "")),
    ).toBe(true);
  });

  it("429 waits for x-ratelimit-reset (fractional seconds) when there is no retry-after", async () => {
    const events: ClientEvent[] = [];
    const client = await clientFor((_req, res, { index }) => {
      if (index === 0) sendJson(res, 429, { message: "slow down" }, { "x-ratelimit-reset": "0.05" });
      else sendJson(res, 200, ASSET);
    }, events);
    await client.getAsset("42");
    expect(events.find((e) => e.type === "retry")).toMatchObject({ delayMs: 50, reason: "HTTP 429" });
  });

  it("a create is resent when the connection was refused (the request never left)", async () => {
    const events: ClientEvent[] = [];
    const client = createAssetsClient({
      baseUrl: await closedPortUrl(),
      apiKey: API_KEY,
      env: {},
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      ...(transport ? { fetch: transport } : {}),
      onEvent: (event) => events.push(event),
    });
    await expect(client.createAsset({ request: imageRequest(), file: PNG_1X1 })).rejects.toThrow();
    expect(events.filter((e) => e.type === "retry")).toMatchObject([{ reason: "ECONNREFUSED" }]);
  });

  it("an abort during the retry sleep ends the call at once", async () => {
    const controller = new AbortController();
    // Aborted once the first answer is out, whatever the machine's load: the client is then in (or about to
    // enter) its 60 s retry sleep, never before its first request.
    const client = await clientFor((_req, res) => {
      res.on("finish", () => setTimeout(() => controller.abort(), 10));
      sendJson(res, 503, { message: "down" }, { "retry-after": "60" });
    });
    const call = client.getAsset("42", { signal: controller.signal });
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(peer!.requests).toHaveLength(1);
  });
});

describe("error bodies", () => {
  const cases: Array<[string, number, string, string | number | undefined, string]> = [
    [
      "gateway",
      401,
      JSON.stringify({ errors: [{ code: 0, message: "Invalid API Key" }] }),
      0,
      "Invalid API Key",
    ],
    [
      "service",
      400,
      JSON.stringify({ code: "INVALID_ARGUMENT", message: "AssetName is moderated." }),
      "INVALID_ARGUMENT",
      "AssetName is moderated.",
    ],
    [
      "legacy",
      403,
      JSON.stringify({ error: "PERMISSION_DENIED", message: "No access", errorDetails: [] }),
      "PERMISSION_DENIED",
      "No access",
    ],
    [
      "garbage html",
      502,
      "<html><body>Bad gateway</body></html>",
      undefined,
      "HTTP 502 Bad Gateway from Assets_ArchiveAsset",
    ],
    [
      "truncated json",
      400,
      '{"code":"INVALID_ARGUMENT","mess',
      "INVALID_ARGUMENT",
      "HTTP 400 Bad Request from Assets_ArchiveAsset",
    ],
    ["truncated after message", 400, '{"message":"Too big","details":[{"a', undefined, "Too big"],
    ["empty", 404, "", undefined, "HTTP 404 Not Found from Assets_ArchiveAsset"],
    ["plain text", 400, "bad things", undefined, "bad things"],
  ];

  it.each(cases)("%s body", async (_name, status, body, code, message) => {
    const client = await clientFor((_req, res) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body);
    });
    const error = (await client.archiveAsset("42").catch((e: unknown) => e)) as AssetsApiError;
    expect(error).toBeInstanceOf(AssetsApiError);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.operationId).toBe("Assets_ArchiveAsset");
  });

  it("never puts the API key into a message, even when the server echoes it", async () => {
    const client = await clientFor((req, res) =>
      sendJson(res, 400, { code: "INVALID_ARGUMENT", message: `bad key ${req.headers["x-api-key"]}` }),
    );
    const error = (await client.archiveAsset("42").catch((e: unknown) => e)) as AssetsApiError;
    expect(error.message).toBe("bad key [redacted]");
    expect(JSON.stringify(error.body)).not.toContain(API_KEY);
  });
});
