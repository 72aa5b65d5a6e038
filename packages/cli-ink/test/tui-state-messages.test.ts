// What the TUI's screens say, as pure helpers: labels, durations, rates, paths, errors and their hints.
import { AssetsApiError } from "@rbxassets/core";
import { describe, expect, test } from "vitest";
import { describeError, isAbort } from "../src/tui/state/errors.js";
import {
  assetTypeLabel,
  formatDuration,
  formatRate,
  moderationLabel,
  truncateStart,
  versionNumberOf,
} from "../src/tui/state/format.js";

/** A real API error, as the client throws it (errors are classified by class, not by name). */
const apiError = (message: string, status: number) =>
  new AssetsApiError({ message, status, operationId: "Assets_GetAsset", body: undefined });

describe("format", () => {
  test("labels accept both the current and the 2023 spellings", () => {
    expect(assetTypeLabel("ASSET_TYPE_DECAL")).toBe("Decal");
    expect(assetTypeLabel("Model")).toBe("Model");
    expect(moderationLabel("MODERATION_STATE_APPROVED")).toBe("Approved");
    expect(moderationLabel(undefined)).toBe("Unknown");
  });

  test("durations, rates and paths read well in 80 columns", () => {
    expect(formatDuration(7_400)).toBe("0:07");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatRate(undefined)).toBe("–");
    expect(formatRate(0.5)).toBe("30.0 files/min");
    expect(formatRate(2.25)).toBe("2.3 files/s");
    expect(truncateStart("a/very/long/path/to/file.png", 12)).toBe("…to/file.png");
    expect(versionNumberOf("assets/1/versions/12")).toBe(12);
  });
});

describe("errors", () => {
  test("API statuses say what to do next", () => {
    const e401 = apiError("Invalid API Key", 401);
    expect(describeError(e401).hint).toMatch(/RBXASSETS_API_KEY/);
    const e404 = apiError("not found", 404);
    expect(describeError(e404).hint).toMatch(/Check the id/);
    const e429 = apiError("slow down", 429);
    expect(describeError(e429).hint).toMatch(/wait/);
  });

  test("network failures point at the API URL; secrets are redacted", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const error = new TypeError("fetch failed", { cause });
    expect(describeError(error)).toMatchObject({
      title: "Cannot reach the API",
      hint: expect.stringMatching(/RBXASSETS_API_URL/),
    });
    const leaky = new Error("bad key sk-123456");
    expect(describeError(leaky, (t) => t.replaceAll("sk-123456", "[redacted]")).message).toBe(
      "bad key [redacted]",
    );
  });

  test("an abort is not a failure", () => {
    const abort = new DOMException("stopped", "AbortError");
    expect(isAbort(abort)).toBe(true);
    expect(describeError(abort).title).toBe("Cancelled");
  });
});
