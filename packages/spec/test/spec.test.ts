import { readFile } from "node:fs/promises";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { contentTypes, enums, limits, maskFields, operations, quotaFilterValues } from "../index.js";

const specPath = new URL("../../../openapi/assets-v1.json", import.meta.url);

describe("openapi/assets-v1.json", () => {
  it("is a valid OpenAPI document", async () => {
    const spec = JSON.parse(await readFile(specPath, "utf8"));
    const result = await validate(spec);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("declares all nine operations with rate limits and scopes", () => {
    const assetOperations = Object.keys(operations).filter((id) => id.startsWith("Assets_"));
    expect(assetOperations.sort()).toEqual([
      "Assets_ArchiveAsset",
      "Assets_CreateAsset",
      "Assets_GetAsset",
      "Assets_GetAssetVersion",
      "Assets_GetOperation",
      "Assets_ListAssetVersions",
      "Assets_RestoreAsset",
      "Assets_RollbackAssetVersion",
      "Assets_UpdateAsset",
    ]);
    expect(operations.Assets_CreateAsset.rateLimit.apiKey).toEqual({ max: 120, windowSeconds: 60 });
    expect(operations.Assets_GetOperation.rateLimit.apiKey).toEqual({ max: 300, windowSeconds: 60 });
    expect(operations.Assets_RollbackAssetVersion.rateLimit.apiKey).toEqual({ max: 100, windowSeconds: 60 });
    expect(operations.Assets_ListAssetVersions.scopes).toEqual(["asset:read"]);
    expect(operations.Assets_UpdateAsset.scopes).toEqual(["asset:write"]);
  });

  it("carries the content types and limits the pipeline relies on", () => {
    expect(Object.keys(contentTypes)).toEqual(expect.arrayContaining(["Image", "Audio", "Model", "Video"]));
    expect(limits.maxDescriptionLength).toBe(1000);
    expect(maskFields.update).toEqual(
      expect.arrayContaining(["displayName", "description", "githubSocialLink"]),
    );
    expect(maskFields.update).not.toContain("assetId");
  });
});

describe.each(["asset-permissions-v1.json", "cloud-v2-asset-quotas.json"])("openapi/%s", (file) => {
  it("is a valid OpenAPI document", async () => {
    const spec = JSON.parse(await readFile(new URL(`../../../openapi/${file}`, import.meta.url), "utf8"));
    const result = await validate(spec);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe("the grant and quota operations", () => {
  it("carry their server, rate limits and scopes", () => {
    const grant = operations.AssetPermissions_GrantAssetPermissions;
    expect(grant).toMatchObject({
      serverUrl: "https://apis.roblox.com",
      method: "PATCH",
      path: "/asset-permissions-api/v1/assets/permissions",
      scopes: ["asset-permissions:write"],
    });
    expect(grant.rateLimit.apiKey).toEqual({ max: 100, windowSeconds: 60 });
    const quotas = operations.Cloud_ListAssetQuotas;
    expect(quotas).toMatchObject({
      serverUrl: "https://apis.roblox.com",
      method: "GET",
      path: "/cloud/v2/users/{userId}/asset-quotas",
      scopes: ["asset:read"],
    });
    expect(operations.Assets_CreateAsset.serverUrl).toBe("https://apis.roblox.com/assets");
  });

  it("drop the Invalid / UNSPECIFIED members and map the filter's spellings to the answers'", () => {
    expect(enums.PermissionSubjectType).not.toContain("Invalid");
    expect(enums.AssetPermissionAction).not.toContain("Invalid");
    expect(enums.QuotaPeriod).toEqual(["MONTH", "DAY"]);
    expect(enums.GrantErrorCode).toEqual(
      expect.arrayContaining(["AssetNotFound", "CannotManageAsset", "PermissionLimitReached"]),
    );
    expect(quotaFilterValues.assetType.Audio).toBe("AUDIO");
    expect(quotaFilterValues.assetType.MeshPart).toBe("MESH_PART");
    expect(quotaFilterValues.quotaType.RateLimitUpload).toBe("RATE_LIMIT_UPLOAD");
  });
});
