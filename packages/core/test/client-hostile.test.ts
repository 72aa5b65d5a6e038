// A hostile network answered honestly, against tiny real HTTP peers on loopback: the progress-based request
// timeout, waits too long to sleep through, ambiguous writes, keys that cannot be sent, redaction.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AssetsApiError,
  AssetsNetworkError,
  type ClientEvent,
  createAssetsClient,
  InvalidCredentialError,
  isAbortError,
  RateLimitWaitTooLongError,
} from "../src/index.js";
import { isAmbiguousWrite, redact } from "../src/internal.js";
import { createNodeAssetsClient } from "../src/node/client.js";
import { imageRequest, PNG_1X1 } from "./helpers/fixtures.js";
import { type Peer, type PeerHandler, sendJson, startPeer } from "./helpers/peer.js";
import {
  PEER_API_KEY as API_KEY,
  PEER_ASSET as ASSET,
  quickRetry,
  transports,
} from "./helpers/peer-client.js";

let peer: Peer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function clientFor(
  handler: PeerHandler,
  options: {
    timeoutMs?: number;
    env?: Record<string, string>;
    fetch?: (r: Request) => Promise<Response>;
  } = {},
) {
  peer = await startPeer(handler);
  return createAssetsClient({
    baseUrl: peer.url,
    apiKey: API_KEY,
    env: options.env ?? {},
    retry: quickRetry,
    rateLimit: false,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

const OPERATION = { path: "operations/op-1", operationId: "op-1", done: false };

describe.each(transports)("request timeout over %s", (_name, fetchImpl) => {
  const transport = fetchImpl ? { fetch: fetchImpl } : {};
  // nodeFetch loads undici on first use; loaded here, so that the short timeouts below time the request.
  beforeAll(async () => {
    await import("undici");
  });

  it("fails a create that is never answered, as a timeout that may have reached the service, sent once", async () => {
    const client = await clientFor(() => {}, { timeoutMs: 300, ...transport });
    const error = await client.createAsset({ request: imageRequest(), file: PNG_1X1 }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AssetsNetworkError);
    const network = error as AssetsNetworkError;
    expect(network.causeCode).toBe("timeout");
    expect(network.message).toMatch(/nothing moved for 0.3 s \(timeout\)/);
    expect(network.mayHaveReached).toBe(true);
    expect(isAmbiguousWrite(network)).toBe(true);
    // Not the caller's stop: never shown as "cancelled".
    expect(isAbortError(network)).toBe(false);
    expect(peer!.requests).toHaveLength(1);
  });

  it("takes RBXASSETS_TIMEOUT_S from the environment, and retries a read that timed out", async () => {
    const client = await clientFor(
      (_req, res, { index }) => {
        if (index > 0) sendJson(res, 200, ASSET);
      },
      { env: { RBXASSETS_TIMEOUT_S: "0.3" }, ...transport },
    );
    await expect(client.getAsset("42")).resolves.toMatchObject({ assetId: "42" });
    expect(peer!.requests).toHaveLength(2);
  });

  it("does not cut off an answer that keeps streaming past the timeout", async () => {
    const client = await clientFor(
      async (_req, res) => {
        const text = JSON.stringify(ASSET);
        res.writeHead(200, { "content-type": "application/json" });
        // Seven pieces 150 ms apart: a second in all, five times the timeout, never idle for long.
        const size = Math.ceil(text.length / 7);
        for (let at = 0; at < text.length; at += size) {
          res.write(text.slice(at, at + size));
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
        res.end();
      },
      { timeoutMs: 600, ...transport },
    );
    await expect(client.getAsset("42")).resolves.toMatchObject({ assetId: "42" });
    expect(peer!.requests).toHaveLength(1);
  });
});

describe("a body whose progress is watched", () => {
  it("is not cut off while the server reads it slowly", async () => {
    // 4 MB read by the server in pieces with pauses: the upload takes longer than the timeout, yet moves.
    const big = new Uint8Array(4 * 1024 * 1024);
    big.set(PNG_1X1);
    peer = await startPeer(
      async (req, res) => {
        req.pause();
        let seen = 0;
        req.on("data", (chunk: Buffer) => {
          seen += chunk.length;
          req.pause();
          setTimeout(() => req.resume(), 20);
        });
        req.resume();
        await new Promise((resolve) => req.on("end", resolve));
        sendJson(res, 200, { ...OPERATION, done: true, response: ASSET, seen });
      },
      { readBody: false },
    );
    const client = createNodeAssetsClient({
      baseUrl: peer.url,
      apiKey: API_KEY,
      env: {},
      timeoutMs: 400,
      rateLimit: false,
    });
    const started = Date.now();
    await expect(client.createAsset({ request: imageRequest(), file: big })).resolves.toMatchObject({
      done: true,
    });
    // Only meaningful when the upload outlasted the timeout; it does unless the machine is very fast.
    if (Date.now() - started < 400)
      console.warn("upload finished within the timeout: progress not exercised");
  });
});

describe("waits too long to sleep through", () => {
  it("fails a 429 asking for a day at once, naming the wait and when to retry", async () => {
    const client = await clientFor((_req, res) =>
      sendJson(res, 429, { errors: [{ code: 0, message: "Too many requests" }] }, { "retry-after": "86400" }),
    );
    const started = Date.now();
    const error = await client.getAsset("42").then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RateLimitWaitTooLongError);
    const wait = error as RateLimitWaitTooLongError;
    expect(wait.waitSeconds).toBe(86400);
    expect(Date.parse(wait.retryAt) - started).toBeGreaterThanOrEqual(86_399_000);
    expect(wait.message).toMatch(/wait 24 h, until \d{4}-\d\d-\d\dT/);
    expect(peer!.requests).toHaveLength(1);
  });

  it("still waits through a short retry-after", async () => {
    const client = await clientFor((_req, res, { index }) =>
      index === 0 ? sendJson(res, 429, {}, { "retry-after": "0" }) : sendJson(res, 200, ASSET),
    );
    await expect(client.getAsset("42")).resolves.toMatchObject({ assetId: "42" });
  });
});

describe("ambiguous writes", () => {
  it("classes a 500 and an unreadable 200 on a create as ambiguous, a 400 and a 429 not", async () => {
    const answers: Array<[number, string]> = [
      [500, JSON.stringify({ code: "INTERNAL", message: "boom" })],
      [200, '{"path": "operations/x", "done'],
      [400, JSON.stringify({ code: "INVALID_ARGUMENT", message: "bad" })],
    ];
    const client = await clientFor((_req, res, { index }) => {
      const [status, body] = answers[index]!;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body);
    });
    const outcomes: unknown[] = [];
    for (let i = 0; i < answers.length; i++) {
      outcomes.push(
        await client.createAsset({ request: imageRequest(), file: PNG_1X1 }).then(
          () => undefined,
          (caught: unknown) => caught,
        ),
      );
    }
    expect(outcomes.map(isAmbiguousWrite)).toEqual([true, true, false]);
    // Each was sent once: a create is never resent after its body went out.
    expect(peer!.requests).toHaveLength(3);
    expect(outcomes[2]).toBeInstanceOf(AssetsApiError);
  });

  it("classes a connection reset after the body as ambiguous, and does not resend it", async () => {
    const client = await clientFor((req) => {
      req.socket.destroy();
    });
    const error = await client.createAsset({ request: imageRequest(), file: PNG_1X1 }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AssetsNetworkError);
    expect(isAmbiguousWrite(error)).toBe(true);
    expect(peer!.requests).toHaveLength(1);
  });
});

describe("keys that cannot be sent", () => {
  const KEY = "abcDEF0123456789-secret-part";
  const cases: Array<[string, Record<string, unknown>, Record<string, string>]> = [
    ["an option with a line break", { apiKey: `${KEY}\nsecond` }, {}],
    ["the environment with a line break", {}, { RBXASSETS_API_KEY: `${KEY}\r\nsecond` }],
    ["an option with a space", { apiKey: `${KEY} second` }, {}],
    ["an OAuth token with a tab", { oauthToken: `${KEY}\tsecond` }, {}],
  ];
  it.each(cases)("refuses %s before any request, without echoing it", async (_name, options, env) => {
    let caught: unknown;
    try {
      createAssetsClient({ baseUrl: "http://127.0.0.1:9/assets", env, ...options });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidCredentialError);
    const message = (caught as Error).message;
    expect(message).not.toContain(KEY.slice(0, 8));
    expect(message).not.toContain("second");
    expect(message).toMatch(
      /(API key|OAuth token) \((the (apiKey|oauthToken) option|RBXASSETS_API_KEY in the environment)\)/,
    );
  });

  it("trims a trailing newline (a key file's last line ends with one)", async () => {
    const seen: string[] = [];
    const client = await clientFor((req, res) => {
      seen.push(String(req.headers["x-api-key"]));
      sendJson(res, 200, ASSET);
    });
    void client;
    const trimmed = createAssetsClient({
      baseUrl: peer!.url,
      env: { RBXASSETS_API_KEY: `${API_KEY}\n` },
      rateLimit: false,
    });
    await trimmed.getAsset("42");
    expect(seen).toEqual([API_KEY]);
  });

  it("warns once when a key would go over plain http beyond loopback", async () => {
    const events: ClientEvent[] = [];
    // A host that is not loopback, on a port nothing answers: the warning comes before the request.
    const client = createAssetsClient({
      baseUrl: "http://192.0.2.1:9/assets",
      apiKey: API_KEY,
      env: {},
      retry: { maxAttempts: 1 },
      timeoutMs: 200,
      onEvent: (event) => events.push(event),
    });
    await client.getAsset("1").catch(() => {});
    await client.getAsset("2").catch(() => {});
    expect(events.filter((event) => event.type === "insecureTransport")).toEqual([
      { type: "insecureTransport", host: "192.0.2.1:9" },
    ]);
  });
});

describe("redaction", () => {
  it("redacts a long key anywhere, and a short one only where it stands alone", () => {
    expect(redact("x-api-key: abcdefghijklmnopqrstuvwxyz!", ["abcdefghijklmnopqrstuvwxyz"])).toBe(
      "x-api-key: [redacted]!",
    );
    expect(redact("keyboard, monkey: key", ["key"])).toBe("keyboard, monkey: [redacted]");
    expect(redact("testing the test file", ["test"])).toBe("testing the [redacted] file");
  });
});
