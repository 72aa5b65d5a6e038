import { describe, expect, it } from "vitest";
import { createImportMatcher } from "../src/import-matcher.js";

const root = "/project";

describe("createImportMatcher", () => {
  const match = createImportMatcher({ root });

  it.each(["png", "jpg", "jpeg", "bmp", "tga", "fbx", "gltf", "glb", "rbxm", "rbxmx", "PNG"])(
    "claims plain .%s imports",
    (extension) => {
      expect(match(`/project/src/a.${extension}`)).toBe(`/project/src/a.${extension}`);
    },
  );

  it("leaves other files, virtual modules and audio (by default) alone", () => {
    expect(match("/project/src/main.js")).toBeUndefined();
    expect(match("/project/src/logo.svg")).toBeUndefined();
    expect(match("\0/project/src/a.png")).toBeUndefined();
    expect(match("/project/src/ping.wav")).toBeUndefined();
  });

  it.each(["url", "raw", "inline", "no-inline", "worker", "sharedworker", "url&used", "v=123&raw", "direct"])(
    "leaves ?%s to the bundler",
    (query) => {
      expect(match(`/project/src/a.png?${query}`)).toBeUndefined();
    },
  );

  it("claims Vite dev-server imports (?import, ?t=) as plain imports", () => {
    expect(match("/project/src/a.png?import")).toBe("/project/src/a.png");
    expect(match("/project/src/a.png?import&t=1700000000000")).toBe("/project/src/a.png");
  });

  it("claims ?rbxasset for any supported file, whatever include, exclude and audio say", () => {
    const strict = createImportMatcher({ root, include: ["src/ui/**"], exclude: ["**/skip/**"] });
    expect(strict("/project/src/skip/a.png?rbxasset")).toBe("/project/src/skip/a.png");
    expect(strict("/project/src/ping.wav?rbxasset")).toBe("/project/src/ping.wav");
    expect(strict("/project/src/a.glb?import&rbxasset")).toBe("/project/src/a.glb");
    expect(strict("/project/src/logo.webp?rbxasset")).toBeUndefined();
    // SVG is a supported source now (rendered to PNG), by opt-in only.
    expect(strict("/project/src/logo.svg?rbxasset")).toBe("/project/src/logo.svg");
  });

  it("applies include and exclude like createFilter, relative to the root", () => {
    const filtered = createImportMatcher({ root, include: ["src/ui/**"], exclude: ["**/skip/**"] });
    expect(filtered("/project/src/ui/a.png")).toBe("/project/src/ui/a.png");
    expect(filtered("/project/src/ui/skip/a.png")).toBeUndefined();
    expect(filtered("/project/src/other/a.png")).toBeUndefined();
    const regex = createImportMatcher({ root, exclude: /\.tga$/ });
    expect(regex("/project/a.tga")).toBeUndefined();
    expect(regex("/project/a.png")).toBe("/project/a.png");
  });

  it("claims audio with audio: true", () => {
    const withAudio = createImportMatcher({ root, audio: true });
    for (const extension of ["mp3", "ogg", "wav", "flac"]) {
      expect(withAudio(`/project/a.${extension}`)).toBe(`/project/a.${extension}`);
    }
  });
});
