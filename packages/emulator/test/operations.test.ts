import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { apiPrefix, buildApp } from "../src/app.js";
import type { RunningEmulator } from "../src/index.js";
import { StatsRecorder } from "../src/stats.js";
import { call, create, startTestEmulator } from "./harness.js";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const poll = async (id: string) => (await call(emulator!, "GET", `/v1/operations/${id}`)).body;

describe("operation timing", () => {
  it("stays pending for pendingPolls polls, then stays done", async () => {
    emulator = await startTestEmulator({ operations: { pendingPolls: 3 } });
    const { body } = await create(emulator);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await poll(body.operationId)).done);
    expect(answers).toEqual([false, false, false, true, true]);
    const done = await poll(body.operationId);
    expect(done.response.assetId).toMatch(/^[0-9]+$/);
  });

  it("finishes in the create response when both delays are 0", async () => {
    emulator = await startTestEmulator({ operations: { pendingPolls: 0, pendingMs: 0 } });
    const { body } = await create(emulator);
    expect(body.done).toBe(true);
    expect(body.response.displayName).toBe("Logo");
  });

  it("stays pending until pendingMs passed, however often it is polled", async () => {
    emulator = await startTestEmulator({ operations: { pendingPolls: 0, pendingMs: 3_600_000 } });
    const { body } = await create(emulator);
    expect(body.done).toBe(false);
    for (let i = 0; i < 3; i++) expect((await poll(body.operationId)).done).toBe(false);
  });
});

describe("failed operations", () => {
  it("answer done with an error through the faults seam", async () => {
    const app = await buildApp({
      apiKeys: ["k"],
      oauthTokens: [],
      operations: { pendingPolls: 1, pendingMs: 0 },
      rateLimits: {},
      logger: false,
      stats: new StatsRecorder(),
      faults: { operationError: () => ({ code: "INVALID_ARGUMENT", message: "AssetName is moderated." }) },
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address() as AddressInfo;
    const running = { url: `http://127.0.0.1:${address.port}${apiPrefix}`, apiKey: "k" } as RunningEmulator;
    try {
      const { body } = await create(running);
      await call(running, "GET", `/v1/operations/${body.operationId}`);
      const failed = await call(running, "GET", `/v1/operations/${body.operationId}`);
      expect(failed.body).toEqual({
        path: `operations/${body.operationId}`,
        operationId: body.operationId,
        done: true,
        error: { code: "INVALID_ARGUMENT", message: "AssetName is moderated." },
      });
    } finally {
      await app.close();
    }
  });
});
