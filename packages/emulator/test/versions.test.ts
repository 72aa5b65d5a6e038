import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import {
  assetForm,
  call,
  createAsset,
  createRequest,
  rbxmFile,
  startTestEmulator,
  waitForOperation,
} from "./harness.js";

let emulator: RunningEmulator;
let assetId: string;

beforeAll(async () => {
  // Operations finish at once here, to keep the setup of 11 versions short.
  emulator = await startTestEmulator({ operations: { pendingPolls: 0, pendingMs: 0 } });
  const model = await createAsset(emulator, {
    request: createRequest({ assetType: "Model" }),
    file: rbxmFile("v1"),
  });
  assetId = model.assetId;
  for (let n = 2; n <= 11; n++) {
    const result = await call(emulator, "PATCH", `/v1/assets/${assetId}`, {
      form: assetForm({ request: {}, file: rbxmFile(`v${n}`) }),
    });
    expect(result.body.done).toBe(true);
  }
});
afterAll(() => emulator.close());

const numbers = (versions: { path: string }[]) => versions.map((v) => Number(v.path.split("/").at(-1)));

describe("list versions", () => {
  it("pages newest first with the default page size of 8", async () => {
    const first = await call(emulator, "GET", `/v1/assets/${assetId}/versions`);
    expect(first.status).toBe(200);
    expect(numbers(first.body.assetVersions)).toEqual([11, 10, 9, 8, 7, 6, 5, 4]);
    expect(first.body.assetVersions[0]).toEqual({
      path: `assets/${assetId}/versions/11`,
      creationContext: { creator: { userId: "1" } },
      moderationResult: { moderationState: "Approved" },
      published: false,
    });
    const second = await call(
      emulator,
      "GET",
      `/v1/assets/${assetId}/versions?pageToken=${encodeURIComponent(first.body.nextPageToken)}`,
    );
    expect(numbers(second.body.assetVersions)).toEqual([3, 2, 1]);
    expect("nextPageToken" in second.body).toBe(false);
  });

  it("walks every page with a custom size", async () => {
    const seen: number[] = [];
    let token: string | undefined;
    do {
      const query = `maxPageSize=3${token ? `&pageToken=${encodeURIComponent(token)}` : ""}`;
      const page = await call(emulator, "GET", `/v1/assets/${assetId}/versions?${query}`);
      seen.push(...numbers(page.body.assetVersions));
      token = page.body.nextPageToken;
    } while (token);
    expect(seen).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it("rejects bad page sizes and tokens", async () => {
    for (const size of ["0", "51", "abc", "-1"]) {
      const result = await call(emulator, "GET", `/v1/assets/${assetId}/versions?maxPageSize=${size}`);
      expect(result.status).toBe(400);
    }
    expect((await call(emulator, "GET", `/v1/assets/${assetId}/versions?maxPageSize=50`)).status).toBe(200);
    const bad = await call(emulator, "GET", `/v1/assets/${assetId}/versions?pageToken=garbage`);
    expect(bad.status).toBe(400);
    const other = await createAsset(emulator);
    const first = await call(emulator, "GET", `/v1/assets/${assetId}/versions?maxPageSize=1`);
    const foreign = await call(
      emulator,
      "GET",
      `/v1/assets/${other.assetId}/versions?pageToken=${encodeURIComponent(first.body.nextPageToken)}`,
    );
    expect(foreign.status).toBe(400);
    expect((await call(emulator, "GET", "/v1/assets/99999999999/versions")).status).toBe(404);
  });
});

describe("get version", () => {
  it("answers a version, 404 when unknown, 400 when malformed", async () => {
    const version = await call(emulator, "GET", `/v1/assets/${assetId}/versions/3`);
    expect(version.status).toBe(200);
    expect(version.body.path).toBe(`assets/${assetId}/versions/3`);
    expect((await call(emulator, "GET", `/v1/assets/${assetId}/versions/99`)).status).toBe(404);
    expect((await call(emulator, "GET", `/v1/assets/${assetId}/versions/x`)).status).toBe(400);
  });
});

describe("rollback", () => {
  it("commits a copy of the old version as the newest", async () => {
    const model = await createAsset(emulator, {
      request: createRequest({ assetType: "Model" }),
      file: rbxmFile("a"),
    });
    const id = model.assetId;
    const update = await call(emulator, "PATCH", `/v1/assets/${id}`, {
      form: assetForm({ request: {}, file: rbxmFile("b") }),
    });
    await waitForOperation(emulator, update.body.operationId);
    const stats = emulator.stats();
    const rolled = await call(emulator, "POST", `/v1/assets/${id}/versions:rollback`, {
      json: { assetVersion: `assets/${id}/versions/1` },
    });
    expect(rolled.status).toBe(200);
    expect(rolled.body.path).toBe(`assets/${id}/versions/3`);
    const asset = await call(emulator, "GET", `/v1/assets/${id}`);
    expect(asset.body.revisionId).toBe("3");
    // A rollback re-uses stored content: nothing new was uploaded.
    expect(emulator.stats().contentUploads).toEqual(stats.contentUploads);
  });

  it("rejects mismatched, malformed and unknown versions", async () => {
    const rollback = (json: unknown) =>
      call(emulator, "POST", `/v1/assets/${assetId}/versions:rollback`, { json });
    expect((await rollback({ assetVersion: "assets/1/versions/1" })).status).toBe(400);
    expect((await rollback({ assetVersion: "versions/1" })).status).toBe(400);
    expect((await rollback({})).status).toBe(400);
    expect((await rollback({ assetVersion: `assets/${assetId}/versions/999` })).status).toBe(404);
    const invalidJson = await call(emulator, "POST", `/v1/assets/${assetId}/versions:rollback`, {
      headers: { "content-type": "application/json" },
      form: undefined,
    });
    expect(invalidJson.status).toBe(400);
  });
});
