import { readFile } from "node:fs/promises";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { contentTypes, limits, maskFields, operations } from "../src/index.js";

const specPath = new URL("../../../openapi/assets-v1.json", import.meta.url);

describe("openapi/assets-v1.json", () => {
  it("is a valid OpenAPI document", async () => {
    const spec = JSON.parse(await readFile(specPath, "utf8"));
    const result = await validate(spec);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("declares all nine operations with rate limits and scopes", () => {
    expect(Object.keys(operations).sort()).toEqual([
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
