// The asset-permissions API: grants kept per asset, each error code where it arises, scopes, rate limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../src/index.js";
import { call, createAsset, createRequest, pngFile, rbxmFile, startTestEmulator } from "./harness.js";

const path = "/asset-permissions-api/v1/assets/permissions";

function grant(
  emulator: RunningEmulator,
  universe: string,
  assetIds: string[],
  extra: object = {},
  apiKey?: string,
) {
  return call(emulator, "PATCH", path, {
    root: true,
    json: {
      subjectType: "Universe",
      subjectId: universe,
      action: "Use",
      requests: assetIds.map((assetId) => ({ assetId })),
      ...extra,
    },
    ...(apiKey ? { apiKey } : {}),
  });
}

async function grantsOf(emulator: RunningEmulator, assetId: string): Promise<string[]> {
  const response = await fetch(`${new URL(emulator.url).origin}/_emulator/assets/${assetId}/grants`);
  return ((await response.json()) as { universeIds: string[] }).universeIds;
}

describe("granting experiences Use of assets", () => {
  let emulator: RunningEmulator;
  let mine: string;
  let other: string;
  let openUse: string;
  beforeAll(async () => {
    emulator = await startTestEmulator({
      apiKeys: [
        "key",
        { key: "other", creator: "group:7" },
        { key: "assets-only", scopes: ["asset:read", "asset:write"] },
        { key: "granter", scopes: ["asset-permissions:write"] },
      ],
      universes: ["100", "200", { id: "300", grantableBy: ["group:7"] }, "400"],
      maxGrantsPerAsset: 2,
    });
    mine = (await createAsset(emulator, { request: createRequest(), file: pngFile() })).assetId;
    openUse = (
      await createAsset(emulator, {
        request: createRequest({ creationContext: { creator: { userId: "1" }, assetPrivacy: "openUse" } }),
        file: pngFile(),
      })
    ).assetId;
    other = (
      await createAsset(emulator, {
        request: createRequest({ assetType: "Model", creationContext: { creator: { groupId: "7" } } }),
        file: rbxmFile("o"),
        apiKey: "other",
      })
    ).assetId;
  });
  afterAll(() => emulator.close());

  it("grants, keeps the grant on the asset, and answers a repeated grant as a success", async () => {
    const first = await grant(emulator, "100", [mine]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ successAssetIds: [Number(mine)], errors: [] });
    expect((await grant(emulator, "100", [mine])).body.successAssetIds).toEqual([Number(mine)]);
    expect(await grantsOf(emulator, mine)).toEqual(["100"]);
  });

  it("answers each per-asset error code in `errors`, granting the rest", async () => {
    const result = await grant(emulator, "200", [mine, "999", other, openUse]);
    expect(result.status).toBe(200);
    expect(result.body.successAssetIds).toEqual([Number(mine)]);
    expect(result.body.errors).toEqual([
      { assetId: 999, code: "AssetNotFound" },
      { assetId: Number(other), code: "CannotManageAsset" },
      { assetId: Number(openUse), code: "PublicAssetCannotBeGrantedTo" },
    ]);
    expect((await grant(emulator, "100", [mine], { action: "Edit" })).body.errors).toEqual([
      { assetId: Number(mine), code: "AssetTypeNotEnabled" },
    ]);
    // Two grants (100, 200) is this emulator's cap: a third universe is refused.
    expect((await grant(emulator, "400", [mine])).body.errors).toEqual([
      { assetId: Number(mine), code: "PermissionLimitReached" },
    ]);
    expect(await grantsOf(emulator, mine)).toEqual(["100", "200"]);
  });

  it("refuses an unknown universe and one the caller may not grant to, for the whole request", async () => {
    const unknown = await grant(emulator, "555", [mine]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("SubjectNotFound");
    const closed = await grant(emulator, "300", [mine]);
    expect(closed.status).toBe(403);
    expect(closed.body.error.code).toBe("CannotManageSubject");
    expect((await grant(emulator, "300", [other], {}, "other")).body.successAssetIds).toEqual([
      Number(other),
    ]);
  });

  it("checks the request's shape: requests required, deprecated assetIds read when alone, unknown fields refused", async () => {
    expect((await grant(emulator, "100", [])).status).toBe(400);
    const legacy = await call(emulator, "PATCH", path, {
      root: true,
      json: { subjectType: "Universe", subjectId: "100", action: "Use", assetIds: [Number(mine)] },
    });
    expect(legacy.body.successAssetIds).toEqual([Number(mine)]);
    expect((await grant(emulator, "100", [mine], { enableDeepAccessCheck: true })).status).toBe(400);
    expect((await grant(emulator, "100", [mine], { subjectType: "Invalid" })).status).toBe(400);
  });

  it("needs the asset-permissions:write scope when the key names its scopes", async () => {
    const refused = await grant(emulator, "100", [mine], {}, "assets-only");
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].message).toMatch(/asset-permissions:write/);
    expect((await grant(emulator, "100", [mine], {}, "granter")).status).toBe(200);
    expect((await grant(emulator, "100", [mine], {}, "nope")).status).toBe(401);
  });
});

describe("the grant rate limit", () => {
  it("allows 100 grants a minute per key owner, then answers 429 with the wait", async () => {
    const emulator = await startTestEmulator({ universes: ["100"], apiKeys: ["a", "b"] });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 100; i += 1)
        statuses.push((await grant(emulator, "100", ["1"], {}, i % 2 ? "a" : "b")).status);
      expect(statuses.every((status) => status === 200)).toBe(true);
      const limited = await grant(emulator, "100", ["1"], {}, "a");
      expect(limited.status).toBe(429);
      expect(limited.headers.get("x-ratelimit-limit")).toBe("100");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await emulator.close();
    }
  });
});
