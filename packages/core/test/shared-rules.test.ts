// The rules core exports for every shell (CLI, TUI, plugins): one default display name, one id parser, one
// abort check, the metadata parsers and the spec facts.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startEmulator } from "@rbxassets/emulator";
import { describe, expect, it } from "vitest";
import {
  AssetsClientError,
  assetIdOrThrow,
  codePointLength,
  createAssetsClient,
  defaultDisplayName,
  extensionsFor,
  imageAssetTypes,
  isAbortError,
  limits,
  moderationStates,
  parseAssetId,
  parsePreview,
  parseSocialLinks,
  parseVersionNumber,
  socialLinkKinds,
  uploadableAssetTypes,
} from "../src/index.js";
import { createPipeline } from "../src/node/index.js";
import { fixture } from "./pipeline-fixtures.js";
import { tempProject } from "./pipeline-project.js";

describe("default display name", () => {
  it("is the base name without extension, trimmed, cut to the limit in code points", () => {
    expect(defaultDisplayName("assets/ui/Play Button.png")).toBe("Play Button");
    expect(defaultDisplayName("C:\\game\\icons\\coin.v2.png")).toBe("coin.v2");
    expect(defaultDisplayName("  spaced  .png")).toBe("spaced");
    expect(defaultDisplayName(".png")).toBe(".png");
    expect(defaultDisplayName("noext")).toBe("noext");
    const emoji = "😀".repeat(60);
    const name = defaultDisplayName(`${emoji}.png`);
    expect(codePointLength(name)).toBe(limits.maxDisplayNameLength);
    // Never half a surrogate pair, as a cut in UTF-16 units would leave.
    expect(name).toBe("😀".repeat(limits.maxDisplayNameLength));
  });

  it("is the name the pipeline uploads with", async () => {
    const emulator = await startEmulator({ operations: { pendingPolls: 0 }, rateLimits: false });
    const project = await tempProject();
    try {
      // Astral characters: 50 code points but 100 UTF-16 units, which the emulator (like the service) accepts.
      const file = `${"😀".repeat(60)}.png`;
      await writeFile(join(project.root, file), fixture("png", 5));
      const pipeline = createPipeline({
        root: project.root,
        env: {
          RBXASSETS_API_KEY: emulator.apiKey,
          RBXASSETS_API_URL: emulator.url,
          RBXASSETS_CREATOR: "user:1",
        },
      });
      const asset = await pipeline.resolve(file);
      const client = createAssetsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, env: {} });
      expect((await client.getAsset(asset.assetId)).displayName).toBe(defaultDisplayName(file));
    } finally {
      await project.dispose();
      await emulator.close();
    }
  });
});

describe("asset id parser", () => {
  it("takes digits, rbxassetid:// and assets/ forms, blanks around them ignored", () => {
    for (const text of ["18000000017", " 18000000017\n", "rbxassetid://18000000017", "assets/18000000017"]) {
      expect(parseAssetId(text)).toBe("18000000017");
    }
  });
  it("refuses anything else, naming the field and the forms", () => {
    for (const text of ["", "abc", "12a", "rbxassetid://", "assets/12/versions/3", "1".repeat(21), "-5"]) {
      expect(parseAssetId(text)).toBeUndefined();
    }
    expect(() => assetIdOrThrow("x1", "icon")).toThrow(AssetsClientError);
    expect(() => assetIdOrThrow("x1", "icon")).toThrow(/^icon "x1" is not an asset id: .*rbxassetid:\/\//);
  });
  it("parses version numbers from 1 up", () => {
    expect(parseVersionNumber("3")).toBe("3");
    expect(parseVersionNumber(12)).toBe("12");
    expect(parseVersionNumber("0")).toBeUndefined();
    expect(parseVersionNumber("v2")).toBeUndefined();
  });
});

describe("abort check", () => {
  it("counts AbortError (the caller's stop), not a TimeoutError of its own nor other errors", () => {
    expect(isAbortError(new DOMException("x", "AbortError"))).toBe(true);
    // A request timeout is the service failing to answer, not a stop: never shown as "cancelled".
    expect(isAbortError(new DOMException("x", "TimeoutError"))).toBe(false);
    const deadline = AbortSignal.abort(new DOMException("x", "TimeoutError"));
    expect(isAbortError(new DOMException("x", "TimeoutError"), deadline)).toBe(true);
    expect(isAbortError(new Error("boom"))).toBe(false);
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(new Error("boom"), controller.signal)).toBe(true);
  });
});

describe("metadata parsers", () => {
  it("parses previews with alt text", () => {
    expect(parsePreview("123")).toEqual({ asset: "assets/123" });
    expect(parsePreview("rbxassetid://123: the hero")).toEqual({ asset: "assets/123", altText: "the hero" });
    expect(() => parsePreview("nope:alt")).toThrow(/preview "nope"/);
  });
  it("parses social links by kind, within the spec's limit", () => {
    expect(parseSocialLinks(["github=https://github.com/me", "Twitch=https://twitch.tv/me"])).toEqual({
      githubSocialLink: { uri: "https://github.com/me" },
      twitchSocialLink: { uri: "https://twitch.tv/me" },
    });
    expect(parseSocialLinks({ devForum: "https://devforum.roblox.com/u/me" })).toHaveProperty(
      "devForumSocialLink",
    );
    expect(() => parseSocialLinks(["myspace=https://x"])).toThrow(
      /unknown social link "myspace": use one of/,
    );
    expect(() => parseSocialLinks(["github=ftp://x"])).toThrow(/not an http\(s\) URL/);
    const four = ["github", "twitch", "discord", "roblox"].map((k) => `${k}=https://example.com/${k}`);
    expect(() => parseSocialLinks(four)).toThrow(`at most ${limits.maxSocialLinks} social links`);
  });
});

describe("spec facts", () => {
  it("answer from the generated metadata", () => {
    expect(uploadableAssetTypes).toEqual(["Image", "Decal", "Audio", "Model", "Animation", "Video"]);
    expect(imageAssetTypes).toEqual(["Image", "Decal"]);
    expect(extensionsFor("Animation")).toEqual(["rbxm", "rbxmx"]);
    expect(socialLinkKinds).toContain("devForum");
    expect(moderationStates).toEqual(["Reviewing", "Rejected", "Approved"]);
  });
});

describe("the create request", () => {
  it("carries an expected price for a video only (the CLI's outside-root upload sent it for any type)", async () => {
    const { createRequest } = await import("../src/internal.js");
    const base = { displayName: "x", description: "", creator: { userId: "1" }, videoExpectedPrice: 5 };
    expect(createRequest({ ...base, assetType: "Image" }).creationContext).toEqual({
      creator: { userId: "1" },
    });
    expect(createRequest({ ...base, assetType: "Video" }).creationContext).toEqual({
      creator: { userId: "1" },
      expectedPrice: 5,
    });
  });
});

describe("display name and description limits", () => {
  it("are one rule with facts, which the pipeline and the CLI word", async () => {
    const { displayNameProblem, descriptionProblem } = await import("../src/index.js");
    expect(displayNameProblem(" ")).toMatchObject({ rule: "display-name", kind: "empty" });
    expect(displayNameProblem("a".repeat(limits.maxDisplayNameLength))).toBeUndefined();
    expect(displayNameProblem("😀".repeat(limits.maxDisplayNameLength + 1))).toMatchObject({
      kind: "too-long",
      length: limits.maxDisplayNameLength + 1,
      limit: limits.maxDisplayNameLength,
    });
    expect(descriptionProblem("a".repeat(limits.maxDescriptionLength + 1))?.rule).toBe("description");
  });
});
