// Broken success answers from a tiny real HTTP peer: every one becomes a typed error (AssetsApiError with
// code INVALID_RESPONSE, or AssetsNetworkError), never garbage data, a raw SyntaxError/TypeError or a hang.
import type { ServerResponse } from "node:http";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AssetsApiError,
  type AssetsClient,
  AssetsNetworkError,
  type ClientEvent,
  createAssetsClient,
} from "../src/index.js";
import { imageRequest, PNG_1X1 } from "./helpers/fixtures.js";
import { type Peer, type PeerHandler, sendJson, startPeer } from "./helpers/peer.js";
import {
  PEER_API_KEY as API_KEY,
  PEER_ASSET as ASSET,
  quickRetry,
  transports,
} from "./helpers/peer-client.js";

const OPERATION = { path: "operations/abc", operationId: "abc", done: false };
let transport: ((input: Request) => Promise<Response>) | undefined;
let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function clientFor(handler: PeerHandler, events?: ClientEvent[]): Promise<AssetsClient> {
  peer = await startPeer(handler);
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

function raw(status: number, contentType: string | undefined, body: string | Buffer) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(status, contentType ? { "content-type": contentType } : {});
    res.end(body);
  };
}

/** The peer hangs up after a body shorter than its content-length, as a proxy dying mid-answer would. */
function shortBody(_req: unknown, res: ServerResponse) {
  res.writeHead(200, { "content-type": "application/json", "content-length": "400" });
  res.write('{"assetId":"1"', () => res.socket?.destroy());
}

const calls = {
  getAsset: (c: AssetsClient) => c.getAsset("123"),
  getOperation: (c: AssetsClient) => c.getOperation("op-1"),
  listAssetVersions: (c: AssetsClient) => c.listAssetVersions("123"),
};
const operationIds = {
  getAsset: "Assets_GetAsset",
  getOperation: "Assets_GetOperation",
  listAssetVersions: "Assets_ListAssetVersions",
} as const;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => error,
  );
}

function expectInvalid(error: unknown, call: keyof typeof calls, status: number, problem: RegExp) {
  expect(error).toBeInstanceOf(AssetsApiError);
  const apiError = error as AssetsApiError;
  expect(apiError).toMatchObject({ status, code: "INVALID_RESPONSE", operationId: operationIds[call] });
  expect(apiError.message).toMatch(
    new RegExp(`^${operationIds[call]}: the service answered ${status} with `),
  );
  expect(apiError.message).toMatch(problem);
  expect(apiError.message).not.toMatch(/[\r\n]/);
  expect(apiError.message).not.toContain(API_KEY);
}

/** Broken 2xx answers that every read must refuse (`{}` is refused by all but the list: see below). */
const brokenForAll: [string, PeerHandler, RegExp][] = [
  [
    "fields of the wrong type",
    raw(200, "application/json", '{"assetId":5,"assetType":7,"displayName":null,"done":"yes"}'),
    /not an? \w+ \(/,
  ],
  ["a JSON array", raw(200, "application/json", "[1,2,3]"), /is an array, not an object/],
  ["JSON null", raw(200, "application/json", "null"), /is null, not an object/],
  ["an empty body", raw(200, "application/json", ""), /with an empty body$/],
  [
    "truncated JSON",
    raw(200, "application/json", '{"assetId":"123","displ'),
    /not JSON \(application\/json\)$/,
  ],
  [
    "text/html (captive portal)",
    raw(200, "text/html", "<!doctype html><h1>Sign in to the Wi-Fi</h1>"),
    /not JSON \(text\/html\)$/,
  ],
  [
    "application/octet-stream",
    raw(200, "application/octet-stream", Buffer.from([0, 1, 2, 255])),
    /not JSON \(application\/octet-stream\)$/,
  ],
];

describe.each(transports)("broken success answers over %s", (_name, fetchImpl) => {
  beforeEach(() => {
    transport = fetchImpl;
  });
  afterAll(() => {
    transport = undefined;
  });

  for (const [name, handler, problem] of brokenForAll) {
    it.each(Object.keys(calls) as (keyof typeof calls)[])(
      `200 ${name}: %s rejects with INVALID_RESPONSE`,
      async (call) => {
        const client = await clientFor(handler);
        expectInvalid(await failure(calls[call](client)), call, 200, problem);
        // A GET is sent again once for an unusable body, not up to maxAttempts.
        expect(peer!.requests).toHaveLength(2);
      },
    );
  }

  it("200 {}: Asset and Operation reads reject; the list reads it as proto3's empty page", async () => {
    const client = await clientFor(raw(200, "application/json", "{}"));
    expectInvalid(await failure(client.getAsset("1")), "getAsset", 200, /assetId is missing/);
    expectInvalid(
      await failure(client.getOperation("op-1")),
      "getOperation",
      200,
      /neither path nor operationId/,
    );
    await expect(client.listAssetVersions("1")).resolves.toEqual({ assetVersions: [] });
  });

  it("204: every read rejects with INVALID_RESPONSE naming the status", async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    for (const call of Object.keys(calls) as (keyof typeof calls)[]) {
      expectInvalid(await failure(calls[call](client)), call, 204, /with an empty body$/);
    }
  });

  it("a 24 MB body is refused past 8 MB, with or without content-length", async () => {
    const huge = `{"assetId":"123","assetType":"Image","description":"${"x".repeat(24_000_000)}"}`;
    const client = await clientFor((req, res) => {
      // Announced (content-length) on the first answer, streamed without one on the second.
      if (peer!.requests.length % 2 === 1) sendJson(res, 200, huge);
      else {
        res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
        for (let i = 0; i < huge.length; i += 1_000_000) res.write(huge.slice(i, i + 1_000_000));
        res.end();
      }
      void req;
    });
    expectInvalid(await failure(client.getAsset("123")), "getAsset", 200, /larger than 8 MB$/);
  });

  it("a body shorter than its content-length: AssetsNetworkError after the retries", async () => {
    const client = await clientFor(shortBody);
    for (const call of Object.keys(calls) as (keyof typeof calls)[]) {
      const error = await failure(calls[call](client));
      expect(error).toBeInstanceOf(AssetsNetworkError);
      const networkError = error as AssetsNetworkError;
      expect(networkError.operationId).toBe(operationIds[call]);
      expect(networkError.attempts).toBe(quickRetry.maxAttempts);
      expect(networkError.message).toMatch(
        new RegExp(
          `^${operationIds[call]}: no usable answer from the service \\(${networkError.causeCode}\\)`,
        ),
      );
      expect(networkError.causeCode).toMatch(/^(UND_ERR_SOCKET|ECONNRESET|terminated|UND_ERR_\w+)$/);
      expect(networkError.message).not.toMatch(/[\r\n]/);
      expect(networkError.message).not.toContain(API_KEY);
    }
  });

  it("a connection reset before answering: AssetsNetworkError after the retries", async () => {
    const client = await clientFor((_req, res) => {
      res.socket?.destroy();
    });
    for (const call of Object.keys(calls) as (keyof typeof calls)[]) {
      const error = await failure(calls[call](client));
      expect(error).toBeInstanceOf(AssetsNetworkError);
      expect((error as AssetsNetworkError).attempts).toBe(quickRetry.maxAttempts);
      expect((error as AssetsNetworkError).message).toMatch(
        /^Assets_\w+: no usable answer .* after 4 attempts$/,
      );
    }
  });

  it("a GET whose first answer was truncated succeeds on its one retry", async () => {
    const events: ClientEvent[] = [];
    const client = await clientFor((_req, res, { index }) => {
      if (index === 0) sendJson(res, 200, '{"path":"assets/42","assetId":"4');
      else sendJson(res, 200, ASSET);
    }, events);
    await expect(client.getAsset("42")).resolves.toEqual(ASSET);
    expect(events.filter((event) => event.type === "retry")).toMatchObject([{ reason: "INVALID_RESPONSE" }]);
  });

  it("a create whose answer was unreadable is never sent again", async () => {
    const create = (client: AssetsClient) => client.createAsset({ request: imageRequest(), file: PNG_1X1 });
    let client = await clientFor(raw(200, "application/json", '{"path":"operations/a'));
    const invalid = await failure(create(client));
    expect(invalid).toBeInstanceOf(AssetsApiError);
    expect(invalid).toMatchObject({ code: "INVALID_RESPONSE", operationId: "Assets_CreateAsset" });
    expect(peer!.requests).toHaveLength(1);
    await peer!.close();

    client = await clientFor(shortBody);
    const network = await failure(create(client));
    expect(network).toBeInstanceOf(AssetsNetworkError);
    expect((network as AssetsNetworkError).message).toMatch(/not sent again/);
    expect(peer!.requests).toHaveLength(1);
  });

  it("valid answers pass; numeric ids become digit strings; versions and pages are checked", async () => {
    const client = await clientFor((req, res) => {
      if (req.url?.includes("/versions")) {
        sendJson(res, 200, { assetVersions: [{ path: "assets/42/versions/1" }, { nope: 1 }] });
      } else if (req.url?.includes("/operations/")) {
        sendJson(res, 200, { ...OPERATION, done: true, response: { ...ASSET, assetId: 42 } });
      } else sendJson(res, 200, { ...ASSET, assetId: 42, revisionId: 1 });
    });
    await expect(client.getAsset("42")).resolves.toEqual(ASSET);
    const operation = await client.getOperation("abc");
    expect(operation.response?.assetId).toBe("42");
    expectInvalid(
      await failure(client.listAssetVersions("42")),
      "listAssetVersions",
      200,
      /assetVersions\[1\]\.path is missing/,
    );
  });

  it("an error body keeps its meaning (only capped): 404 stays a 404", async () => {
    const client = await clientFor(raw(404, "application/json", '{"code":"NOT_FOUND","message":"nope"}'));
    await expect(client.getAsset("1")).rejects.toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      message: "nope",
    });
  });

  it("a credential echoed in a broken body is redacted from the error", async () => {
    const client = await clientFor((req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(`key was ${String(req.headers["x-api-key"])}`);
    });
    const error = (await failure(client.getAsset("1"))) as AssetsApiError;
    expect(error.code).toBe("INVALID_RESPONSE");
    expect(JSON.stringify(error.body)).not.toContain(API_KEY);
    expect(error.message).not.toContain(API_KEY);
  });

  it("waitForOperation polls through an unusable answer", async () => {
    const client = await clientFor((_req, res, { index }) => {
      if (index === 0) raw(200, "text/html", "<html>busy</html>")(_req, res);
      else sendJson(res, 200, { ...OPERATION, done: true, response: ASSET });
    });
    const result = await client.waitForOperation("abc", { initialDelayMs: 1, maxDelayMs: 5 });
    expect(result).toMatchObject({ status: "succeeded", asset: ASSET });
  });
});
