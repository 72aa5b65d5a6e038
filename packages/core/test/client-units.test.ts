// Pure helpers: error-body parsing never throws, wait hints, enum normalisation, content types, ids.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullJitterDelay, parseResetSeconds, parseRetryAfter } from "../src/client/backoff.js";
import { extractErrorDetails, toApiError } from "../src/client/errors.js";
import { operationIdArg } from "../src/client/ids.js";
import {
  AssetsApiError,
  assetIdOf,
  contentTypeFor,
  normalizeModerationState,
  operationIdOf,
  versionNumberOf,
} from "../src/index.js";
import { normalizeAssetType } from "../src/internal.js";

describe("toApiError", () => {
  it("never throws and always yields a one-line message, whatever the body", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.jsonValue(), fc.constant(undefined)),
        fc.integer({ min: 400, max: 599 }),
        (body, status) => {
          const error = toApiError({ status, operationId: "Assets_GetAsset", body });
          expect(error).toBeInstanceOf(AssetsApiError);
          expect(error.message.length).toBeGreaterThan(0);
          expect(error.message).not.toMatch(/\n/);
        },
      ),
    );
  });

  it("never leaks a secret contained in the body", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const secret = "k3y-SECRET-value";
        const error = toApiError({
          status: 400,
          operationId: "Assets_GetAsset",
          body: JSON.stringify({ message: `${before}${secret}${after}` }),
          secrets: [secret],
        });
        expect(error.message).not.toContain(secret);
      }),
    );
  });

  it("reads code and message from every shape", () => {
    expect(extractErrorDetails({ errors: [{ code: 0, message: "Invalid API Key" }] })).toEqual({
      code: 0,
      message: "Invalid API Key",
    });
    expect(extractErrorDetails({ code: "NOT_FOUND", message: "x" })).toEqual({
      code: "NOT_FOUND",
      message: "x",
    });
    expect(extractErrorDetails({ error: "INVALID_ARGUMENT", message: "y" })).toEqual({
      code: "INVALID_ARGUMENT",
      message: "y",
    });
    expect(extractErrorDetails({ error: { code: 7, message: "z" } })).toEqual({ code: 7, message: "z" });
    expect(extractErrorDetails(null)).toEqual({});
  });
});

describe("wait hints", () => {
  it("parses retry-after as seconds or an HTTP date, and fractional reset seconds", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("0.42")).toBe(420);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseResetSeconds("1.5")).toBe(1500);
    expect(parseResetSeconds("-1")).toBeUndefined();
  });

  it("full jitter stays within [0, min(max, base * 2^(n-1))]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (n, r) => {
          const delay = fullJitterDelay(n, 500, 30_000, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(30_000, 500 * 2 ** (n - 1)));
        },
      ),
    );
  });
});

describe("helpers", () => {
  it("normalises 2023 enum spellings", () => {
    expect(normalizeAssetType("ASSET_TYPE_IMAGE")).toBe("Image");
    expect(normalizeAssetType("ASSET_TYPE_DECAL")).toBe("Decal");
    expect(normalizeAssetType("Model")).toBe("Model");
    expect(normalizeModerationState("MODERATION_STATE_APPROVED")).toBe("Approved");
    expect(normalizeModerationState("Reviewing")).toBe("Reviewing");
  });

  it("maps extensions to content types from the spec", () => {
    expect(contentTypeFor("Image", "logo.PNG")).toBe("image/png");
    expect(contentTypeFor("ASSET_TYPE_AUDIO", "mp3")).toBe("audio/mpeg");
    expect(contentTypeFor("Model", "x.glb")).toBe("model/gltf-binary");
    expect(contentTypeFor("Image", "x.mp3")).toBeUndefined();
  });

  it("derives ids from paths", () => {
    expect(assetIdOf({ path: "assets/123" })).toBe("123");
    expect(versionNumberOf({ path: "assets/123/versions/4" })).toBe(4);
    expect(operationIdOf({ path: "operations/abc-1" })).toBe("abc-1");
    expect(operationIdArg("operations/abc-1")).toBe("abc-1");
  });
});
