import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import {
  assetForm,
  call,
  createAsset,
  createRequest,
  startTestEmulator,
  waitForOperation,
} from "./harness.js";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("moderation", () => {
  it("rejects and reviews by words, and approves after reviewPolls reads", async () => {
    emulator = await startTestEmulator({
      moderation: { rejectWords: ["badword"], reviewWords: ["hmm"], reviewPolls: 2 },
    });
    const rejected = await createAsset(emulator, { request: createRequest({ displayName: "my BADWORD" }) });
    expect(rejected.moderationResult.moderationState).toBe("Rejected");
    const reviewing = await createAsset(emulator, { request: createRequest({ description: "hmm" }) });
    expect(reviewing.moderationResult.moderationState).toBe("Reviewing");
    const states: string[] = [];
    for (let read = 0; read < 3; read++) {
      const got = await call(emulator, "GET", `/v1/assets/${reviewing.assetId}`);
      states.push(got.body.moderationResult.moderationState);
    }
    expect(states).toEqual(["Reviewing", "Reviewing", "Approved"]);
    const version = await call(emulator, "GET", `/v1/assets/${reviewing.assetId}/versions/1`);
    expect(version.body.moderationResult.moderationState).toBe("Approved");
    const clean = await createAsset(emulator);
    expect(clean.moderationResult.moderationState).toBe("Approved");
  });

  it("re-judges a renamed asset and accepts a function", async () => {
    emulator = await startTestEmulator({
      moderation: ({ displayName }) => (displayName.startsWith("X") ? "Reviewing" : "Approved"),
    });
    const asset = await createAsset(emulator);
    expect(asset.moderationResult.moderationState).toBe("Approved");
    const renamed = await call(emulator, "PATCH", `/v1/assets/${asset.assetId}?updateMask=displayName`, {
      form: assetForm({ request: { displayName: "X marks" } }),
    });
    const done = await waitForOperation(emulator, renamed.body.operationId);
    expect(done.response.moderationResult.moderationState).toBe("Reviewing");
    // Without reviewPolls a Reviewing asset stays Reviewing.
    const got = await call(emulator, "GET", `/v1/assets/${asset.assetId}`);
    expect(got.body.moderationResult.moderationState).toBe("Reviewing");
  });
});
