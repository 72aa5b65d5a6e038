// The emulator against the spec: every operation in the spec is served, and every answer (success or
// error) validates against the response the spec declares. harness.ts applies the same check to every
// request of every other test file.
import { operations } from "@rbxassets/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import { assertContract, matchSpecPath, specOf } from "./contract.js";
import { assetForm, call, createAsset, createRequest, rbxmFile, startTestEmulator } from "./harness.js";

const json = () => new Headers({ "content-type": "application/json" });

describe("the contract checker", () => {
  it("knows every path of the spec and the metadata agrees with it", () => {
    for (const [operationId, { method, path }] of Object.entries(operations)) {
      const spec = specOf(operationId);
      expect(matchSpecPath(path, spec), operationId).toBe(path);
      expect(spec.paths[path]?.[method.toLowerCase()]?.operationId).toBe(operationId);
    }
  });

  it("fails on an undeclared status, a wrong body or a missing header", () => {
    const ok = { method: "GET", path: "/assets/v1/assets/1", headers: json() };
    expect(() => assertContract({ ...ok, status: 418, body: { code: "X", message: "m" } })).toThrow(
      /not declared/,
    );
    expect(() => assertContract({ ...ok, status: 404, body: { nope: true } })).toThrow(/does not match/);
    expect(() =>
      assertContract({
        ...ok,
        status: 200,
        body: { path: "assets/1", assetId: "1", revisionId: "1" },
      }),
    ).toThrow(/does not match/);
    const asset = {
      path: "assets/1",
      assetId: "1",
      revisionId: "1",
      revisionCreateTime: "2024-01-01T00:00:00Z",
      displayName: "a",
      assetType: "Image",
      creationContext: { creator: { userId: "1" } },
      moderationResult: { moderationState: "Approved" },
    };
    expect(() => assertContract({ ...ok, status: 200, body: asset })).toThrow(
      /missing header x-ratelimit-limit/,
    );
  });
});

// Both wire modes answer within the spec: the legacy one as older live responses looked.
describe.each(["current", "legacy"] as const)("every operation answers within the spec (%s wire)", (wire) => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({
      wire,
      apiKeys: ["key", { key: "reader", readOnly: true }],
      rateLimits: { limits: { Assets_GetAssetVersion: 1, Cloud_ListAssetQuotas: 3 } },
      universes: ["100"],
    });
  });
  afterAll(() => emulator.close());

  it("serves each spec operation (401 without credentials, never a routing 404)", async () => {
    for (const { method, path, serverUrl } of Object.values(operations)) {
      const concrete = path
        .replace("{assetId}", "1")
        .replace("{versionNumber}", "1")
        .replace("{userId}", "1")
        .replace("{operationId}", "00000000-0000-0000-0000-000000000000");
      const root = !serverUrl.endsWith("/assets");
      const result = await call(emulator, method, concrete, { apiKey: null, root });
      expect(result.status, `${method} ${path}`).toBe(401);
    }
  });

  it("answers success, 400, 403, 404 and 429 in declared shapes", async () => {
    const model = await createAsset(emulator, {
      request: createRequest({ assetType: "Model" }),
      file: rbxmFile("1"),
    });
    const id = model.assetId;
    const update = await call(emulator, "PATCH", `/v1/assets/${id}?updateMask=description`, {
      form: assetForm({ request: { description: "new" }, file: rbxmFile("2") }),
    });
    expect(update.status).toBe(200);
    // A pending operation's answer has no `done` in the legacy wire; the checker validated it anyway.
    expect("done" in update.body).toBe(wire === "current");
    const statuses = [
      (await call(emulator, "GET", `/v1/assets/${id}?readMask=description,displayName`)).status,
      (await call(emulator, "POST", `/v1/assets/${id}:archive`)).status,
      (await call(emulator, "POST", `/v1/assets/${id}:restore`)).status,
      (await call(emulator, "GET", `/v1/assets/${id}/versions?maxPageSize=1`)).status,
      (await call(emulator, "GET", `/v1/assets/${id}/versions/1`)).status,
      (
        await call(emulator, "POST", `/v1/assets/${id}/versions:rollback`, {
          json: { assetVersion: `assets/${id}/versions/1` },
        })
      ).status,
      (await call(emulator, "GET", `/v1/operations/${update.body.operationId}`)).status,
    ];
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect((await call(emulator, "GET", `/v1/assets/${id}/versions/2`)).status).toBe(429);
    expect((await call(emulator, "POST", `/v1/assets/${id}:archive`, { apiKey: "reader" })).status).toBe(403);
    expect((await call(emulator, "GET", "/v1/assets/1/versions?maxPageSize=0")).status).toBe(404);
    expect((await call(emulator, "GET", `/v1/assets/${id}/versions?maxPageSize=0`)).status).toBe(400);
    expect((await call(emulator, "GET", "/v1/operations/x")).status).toBe(404);
  });

  it("answers the grant and quota operations within their specs", async () => {
    const model = await createAsset(emulator, {
      request: createRequest({ assetType: "Model" }),
      file: rbxmFile("g"),
    });
    const grant = (json: unknown, apiKey?: string) =>
      call(emulator, "PATCH", "/asset-permissions-api/v1/assets/permissions", {
        root: true,
        json,
        ...(apiKey ? { apiKey } : {}),
      });
    const body = (subjectId: string, assetId: string) => ({
      subjectType: "Universe",
      subjectId,
      action: "Use",
      requests: [{ assetId }],
    });
    const granted = await grant(body("100", model.assetId));
    expect(granted.status).toBe(200);
    expect(granted.body.successAssetIds).toEqual([Number(model.assetId)]);
    expect((await grant(body("100", "99"))).body.errors).toEqual([{ assetId: 99, code: "AssetNotFound" }]);
    expect((await grant(body("101", model.assetId))).status).toBe(400);
    expect((await grant({ subjectType: "Universe" })).status).toBe(400);
    expect((await grant(body("100", model.assetId), "reader")).status).toBe(403);
    const quotas = (query = "") =>
      call(emulator, "GET", `/cloud/v2/users/1/asset-quotas${query}`, { root: true });
    const listed = await quotas(
      "?filter=quotaType%20%3D%3D%20RateLimitUpload%20%26%26%20assetType%20%3D%3D%20Audio",
    );
    expect(listed.status).toBe(200);
    expect(listed.body.assetQuotas).toHaveLength(1);
    expect((await call(emulator, "GET", "/cloud/v2/users/2/asset-quotas", { root: true })).status).toBe(403);
    // The filter spells values in PascalCase; the answers' SCREAMING_CASE is refused there.
    expect((await quotas("?filter=assetType%20%3D%3D%20AUDIO")).status).toBe(400);
    expect((await quotas()).status).toBe(429);
  });
});
