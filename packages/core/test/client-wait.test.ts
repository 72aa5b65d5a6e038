// waitForOperation: success after pending polls, already-done operations, timeout, abort, failed operations.
import { DEFAULT_EMULATOR_API_KEY } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetsApiError, createAssetsClient, type Operation } from "../src/index.js";
import { startTestEmulator, wire } from "./helpers/emulator.js";
import { imageRequest, PNG_1X1 } from "./helpers/fixtures.js";
import { sendJson, startPeer } from "./helpers/peer.js";

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
let slow: Emulator;
let never: Emulator;

beforeAll(async () => {
  [slow, never] = await Promise.all([
    startTestEmulator({ operations: { pendingPolls: 3 } }),
    startTestEmulator({ operations: { pendingPolls: 1_000_000 } }),
  ]);
});

afterAll(async () => {
  await Promise.all([slow?.close(), never?.close()]);
});

/** What a pending operation's `done` is on the wire: false, or absent in the legacy wire. */
const pendingDone = wire === "legacy" ? undefined : false;

const fast = { initialDelayMs: 5, maxDelayMs: 20 };

describe("waitForOperation", () => {
  it("polls through pending answers to success", async () => {
    const client = createAssetsClient({ baseUrl: slow.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });
    const op = await client.createAsset({ request: imageRequest("Slow"), file: PNG_1X1 });
    expect(op.done).toBe(pendingDone);
    const result = await client.waitForOperation(op, fast);
    expect(result.status).toBe("succeeded");
    expect(result.polls).toBeGreaterThanOrEqual(3);
    if (result.status === "succeeded") expect(result.asset.displayName).toBe("Slow");
    // Accepts an id string as well.
    const byId = await client.waitForOperation(op.operationId!, fast);
    expect(byId).toMatchObject({ status: "succeeded", polls: 1 });
  });

  it("makes zero polls when the operation is already done", async () => {
    const client = createAssetsClient({ baseUrl: slow.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });
    const op = await client.createAsset({ request: imageRequest("Done"), file: PNG_1X1 });
    const done = await client.waitForOperation(op, fast);
    expect(done.status).toBe("succeeded");
    slow.resetStats();
    const again = await client.waitForOperation(done.operation!, fast);
    expect(again).toMatchObject({ status: "succeeded", polls: 0 });
    expect(slow.stats().requests.Assets_GetOperation ?? 0).toBe(0);
  });

  it("times out with a result, not an exception", async () => {
    const client = createAssetsClient({ baseUrl: never.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });
    const op = await client.createAsset({ request: imageRequest("Never"), file: PNG_1X1 });
    const result = await client.waitForOperation(op, { ...fast, timeoutMs: 150 });
    expect(result.status).toBe("timedOut");
    expect(result.polls).toBeGreaterThanOrEqual(1);
    expect(result.operation?.done).toBe(pendingDone);
  });

  it("stops when the caller aborts", async () => {
    const client = createAssetsClient({ baseUrl: never.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });
    const op = await client.createAsset({ request: imageRequest("Abort"), file: PNG_1X1 });
    const controller = new AbortController();
    const waiting = client.waitForOperation(op, { ...fast, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await waiting;
    expect(result.status).toBe("aborted");
    const already = await client.waitForOperation(op, { signal: AbortSignal.abort() });
    expect(already).toMatchObject({ status: "aborted", polls: 0 });
  });

  it("rethrows non-retryable errors (unknown operation)", async () => {
    const client = createAssetsClient({ baseUrl: never.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });
    await expect(client.waitForOperation("00000000-0000-4000-8000-000000000000", fast)).rejects.toMatchObject(
      {
        status: 404,
      },
    );
    await expect(
      client.waitForOperation("00000000-0000-4000-8000-000000000000", fast),
    ).rejects.toBeInstanceOf(AssetsApiError);
  });

  it("reports a failed operation's error (peer answering done with an error; missing done = pending)", async () => {
    const id = "9d7a8c7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f";
    const peer = await startPeer((_req, res, { index }) => {
      // First answer omits `done` like older responses did: it must be read as pending.
      if (index === 0) sendJson(res, 200, { path: `operations/${id}` });
      else
        sendJson(res, 200, {
          path: `operations/${id}`,
          done: true,
          error: { code: 3, message: "AssetName is moderated." },
        });
    });
    try {
      const client = createAssetsClient({ baseUrl: peer.url, apiKey: "k-1234", env: {} });
      const result = await client.waitForOperation(id, fast);
      expect(result).toMatchObject({
        status: "failed",
        polls: 2,
        error: { code: 3, message: "AssetName is moderated." },
      });
      const pending: Operation = { path: `operations/${id}`, done: false };
      expect(pending.done).toBe(false);
    } finally {
      await peer.close();
    }
  });

  it("stops polling when the API cannot be reached any more: a dead server is no pending operation", async () => {
    const gone = await startTestEmulator({ operations: { pendingPolls: 100 } });
    const client = createAssetsClient({
      baseUrl: gone.url,
      apiKey: DEFAULT_EMULATOR_API_KEY,
      env: {},
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const op = await client.createAsset({ request: imageRequest("Gone"), file: PNG_1X1 });
    await gone.close();
    // Connections are refused from now on: the wait gives up with the network error, long before its timeout.
    await expect(client.waitForOperation(op, { ...fast, timeoutMs: 600_000 })).rejects.toMatchObject({
      name: "AssetsNetworkError",
      causeCode: "ECONNREFUSED",
    });
  });
});
