import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  call,
  create,
  createAsset,
  createRequest,
  rbxmFile,
  startTestEmulator,
  waitForOperation,
} from "./harness.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("dataDir", () => {
  it("keeps assets, versions and operations across a restart", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "rbxassets-emulator-"));
    dirs.push(dataDir);
    const first = await startTestEmulator({ dataDir, apiKeys: ["secret-key-123"] });
    const model = await createAsset(first, {
      request: createRequest({ assetType: "Model" }),
      file: rbxmFile("a"),
    });
    await call(first, "POST", `/v1/assets/${model.assetId}:archive`);
    const pending = await create(first);
    await first.close();

    const state = await readFile(join(dataDir, "emulator-state.json"), "utf8");
    expect(state).not.toContain("secret-key-123");

    const second = await startTestEmulator({ dataDir, apiKeys: ["secret-key-123"] });
    try {
      const got = await call(second, "GET", `/v1/assets/${model.assetId}`);
      expect(got.status).toBe(200);
      expect(got.body.state).toBe("Archived");
      expect((await call(second, "GET", `/v1/assets/${model.assetId}/versions/1`)).status).toBe(200);
      const done = await waitForOperation(second, pending.body.operationId);
      expect(done.response.assetId).toMatch(/^[0-9]+$/);
      // Ids keep counting from where the first run stopped.
      const next = await createAsset(second);
      expect(BigInt(next.assetId)).toBeGreaterThan(BigInt(done.response.assetId));
    } finally {
      await second.close();
    }
  });
});
