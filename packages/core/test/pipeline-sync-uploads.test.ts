// Syncs with the emulator: each type, reuse, updates, moderation, bad files, abort, check, codegen, lockfile.
import { copyFile, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPipeline } from "../src/node/index.js";
import { emulator, env, pipeline, project, syncSessionPerFile, VIDEO_FEE } from "./helpers/sync-session.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { readLock, sum } from "./pipeline-project.js";

syncSessionPerFile();

const everyFormat = {
  "images/a.png": fixture("png"),
  "images/b.jpg": fixture("jpeg"),
  "images/c.bmp": fixture("bmp"),
  "images/d.tga": fixture("tga"),
  "audio/a.mp3": fixture("mp3"),
  "audio/b.ogg": fixture("ogg"),
  "audio/c.wav": fixture("wav"),
  "audio/d.flac": fixture("flac"),
  "models/a.fbx": fixture("fbx"),
  "models/b.gltf": fixture("gltf"),
  "models/c.glb": fixture("glb"),
  "models/d.rbxm": fixture("rbxm"),
  "models/e.rbxmx": fixture("rbxmx"),
  "video/a.mp4": fixture("mp4"),
  "video/b.mov": fixture("mov"),
};

describe("sync against the emulator", () => {
  it("uploads every asset type once, then runs offline from the lockfile", async () => {
    await writeFiles(project.root, {
      ...everyFormat,
      "README.md": "# not an asset",
      "node_modules/x/y.png": fixture("png", 9),
    });
    const { p, events } = pipeline({ videoExpectedPrice: VIDEO_FEE });
    // A walk passes over non-assets in silence; README.md is named so that its skip reason shows.
    const report = await p.sync([".", "README.md"]);
    expect(report.failed).toEqual([]);
    expect(report.uploaded.map((a) => [a.file, a.assetType])).toEqual(
      Object.keys(everyFormat)
        .sort()
        .map((file) => [
          file,
          file.startsWith("images/")
            ? "Image"
            : file.startsWith("audio/")
              ? "Audio"
              : file.startsWith("models/")
                ? "Model"
                : "Video",
        ]),
    );
    expect(report.skipped).toEqual([{ file: "README.md", reason: ".md is not an uploadable asset type" }]);
    expect(emulator.stats().creates).toBe(Object.keys(everyFormat).length);
    // The skipped README counts among `others`, so that a progress total can include it.
    expect(events[0]).toEqual({ type: "scan", files: Object.keys(everyFormat).length, others: 1 });
    expect(events.filter((e) => e.type === "done")).toHaveLength(Object.keys(everyFormat).length);

    const lock = await readLock(project.root);
    expect([...lock.keys()].sort()).toEqual(Object.keys(everyFormat).sort());
    expect(lock.get("images/a.png")).toMatchObject({ assetType: "Image", creator: "user:42" });
    expect(lock.get("models/d.rbxm")?.version).toBe("1");

    // No credentials, no network: everything is answered by the lockfile.
    emulator.resetStats();
    const offline = createPipeline({ root: project.root, env: {}, videoExpectedPrice: VIDEO_FEE });
    const again = await offline.sync(["."]);
    expect(again.unchanged.map((a) => a.status)).toEqual(Object.keys(everyFormat).map(() => "unchanged"));
    expect(again.uploaded).toEqual([]);
    expect(emulator.stats().requests).toEqual({});
    expect(await offline.lookup("images/a.png")).toMatchObject({
      assetId: lock.get("images/a.png")!.assetId,
      status: "unchanged",
    });
  });

  it("never uploads renamed or duplicated content again", async () => {
    await writeFiles(project.root, { "a.png": fixture("png", 1), "b.png": fixture("png", 2) });
    const { p } = pipeline();
    const first = await p.sync([]);
    expect(first.uploaded).toHaveLength(2);
    const idOfA = first.uploaded.find((a) => a.file === "a.png")!.assetId;

    await rename(join(project.root, "a.png"), join(project.root, "renamed.png"));
    await copyFile(join(project.root, "b.png"), join(project.root, "copy-of-b.png"));
    const second = await pipeline().p.sync([]);
    expect(second.uploaded).toEqual([]);
    expect(second.unchanged.map((a) => [a.file, a.status])).toEqual([
      ["b.png", "unchanged"],
      ["copy-of-b.png", "reused"],
      ["renamed.png", "reused"],
    ]);
    expect(second.unchanged.find((a) => a.file === "renamed.png")!.assetId).toBe(idOfA);
    expect(emulator.stats().creates).toBe(2);
    expect((await readLock(project.root)).get("renamed.png")?.assetId).toBe(idOfA);
  });

  it("shares one upload among concurrent resolves of the same content", async () => {
    await writeFiles(project.root, { "x/one.png": fixture("png", 5), "y/two.png": fixture("png", 5) });
    const { p } = pipeline();
    const [one, two] = await Promise.all([p.resolve("x/one.png"), p.resolve("y/two.png")]);
    expect(one.assetId).toBe(two.assetId);
    expect([one.status, two.status].sort()).toEqual(["reused", "uploaded"]);
    expect(emulator.stats().creates).toBe(1);
  });

  it("updates a changed model in place (same id, new version); a changed image becomes a new asset", async () => {
    await writeFiles(project.root, { "crate.rbxm": fixture("rbxm", 1), "logo.png": fixture("png", 1) });
    const first = await pipeline().p.sync([]);
    const crate = first.uploaded.find((a) => a.file === "crate.rbxm")!;
    const logo = first.uploaded.find((a) => a.file === "logo.png")!;

    await writeFiles(project.root, { "crate.rbxm": fixture("rbxm", 2), "logo.png": fixture("png", 2) });
    emulator.resetStats();
    const { p, events } = pipeline();
    const second = await p.sync([]);
    expect(second.updated).toMatchObject([{ file: "crate.rbxm", assetId: crate.assetId, status: "updated" }]);
    expect(second.uploaded).toHaveLength(1);
    expect(second.uploaded[0]!.assetId).not.toBe(logo.assetId);
    expect(emulator.stats().creates).toBe(1);
    expect(emulator.stats().requests.Assets_UpdateAsset).toBe(1);
    expect(events).toContainEqual({ type: "start", file: "crate.rbxm", action: "update" });
    const entry = (await readLock(project.root)).get("crate.rbxm")!;
    expect(entry).toMatchObject({ assetId: crate.assetId, version: "2" });
  });

  it("reports rejected moderation as a failure and Reviewing as a warning; can wait for the verdict", async () => {
    await writeFiles(project.root, {
      "forbidden.png": fixture("png", 1),
      "pending-art.png": fixture("png", 2),
      "fine.png": fixture("png", 3),
    });
    const { p, events } = pipeline();
    const report = await p.sync([]);
    expect(report.failed).toMatchObject([
      {
        file: "forbidden.png",
        reason: expect.stringMatching(/^forbidden\.png: moderation rejected the content \(asset \d+\) — /),
      },
    ]);
    const pending = report.uploaded.find((a) => a.file === "pending-art.png")!;
    expect(pending.moderation).toBe("Reviewing");
    expect(pending.warning).toMatch(/still reviewing/);
    expect(events).toContainEqual({ type: "warning", file: "pending-art.png", message: pending.warning });
    expect(report.uploaded.find((a) => a.file === "fine.png")?.moderation).toBe("Approved");
    expect((await readLock(project.root)).has("forbidden.png")).toBe(false);

    await writeFiles(project.root, { "pending-too.png": fixture("png", 4) });
    const waited = await pipeline({ waitForModeration: true }).p.resolve("pending-too.png");
    expect(waited.moderation).toBe("Approved");
    expect(waited.warning).toBeUndefined();
  });

  it("keeps going when one file is bad, and names it", async () => {
    await writeFiles(project.root, {
      "good1.png": fixture("png", 1),
      "logo.fbx": fixture("png", 2),
      "good2.wav": fixture("wav", 3),
      "clip.mp4": fixture("mp4", 4),
    });
    const { p, events } = pipeline();
    const report = await p.sync([]);
    expect(report.uploaded.map((a) => a.file)).toEqual(["good1.png", "good2.wav"]);
    expect(report.failed).toMatchObject([
      {
        file: "clip.mp4",
        reason: expect.stringMatching(/^clip\.mp4: video uploads carry a fee .* — set videoExpectedPrice/),
      },
      {
        file: "logo.fbx",
        reason: expect.stringMatching(
          /^logo\.fbx: the content is PNG \(image\/png\) but the extension is \.fbx/,
        ),
      },
    ]);
    expect(events.filter((e) => e.type === "failed")).toHaveLength(2);
    // The problem and the fix are fields, the reason names the file once: a shell never slices it.
    for (const failure of report.failed) {
      expect(failure.reason).toBe(`${failure.file}: ${failure.problem} — ${failure.fix}`);
      expect(failure.problem).not.toContain(failure.file);
    }
    expect(report.failed.map((f) => f.rule)).toEqual(["expected-price", "extension-mismatch"]);
    expect(emulator.stats().creates).toBe(2);
  });

  it("stops cleanly on abort: finished work is recorded, the rerun does the rest", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `img/${String(i).padStart(2, "0")}.png`,
        fixture("png", 100 + i),
      ]),
    );
    await writeFiles(project.root, files);
    const controller = new AbortController();
    let done = 0;
    const p = createPipeline({
      root: project.root,
      env: env(),
      concurrency: 2,
      onEvent: (e) => {
        if (e.type === "done" && ++done === 3) controller.abort();
      },
    });
    const report = await p.sync([], { signal: controller.signal });
    expect(report.aborted).toBe(true);
    const finished = report.uploaded.length;
    expect(finished).toBeGreaterThanOrEqual(3);
    expect(finished + report.pending.length).toBe(12);
    expect(report.failed).toEqual([]);
    expect((await readLock(project.root)).size).toBe(finished);

    const rerun = await pipeline().p.sync([]);
    expect(rerun.uploaded).toHaveLength(12 - finished);
    // Abandoned in-flight uploads may have reached the server; everything recorded was uploaded once.
    expect(sum(emulator.stats().contentUploads)).toBeLessThanOrEqual(12 + 2);
    expect((await readLock(project.root)).size).toBe(12);
  });

  it("check mode lists what would be uploaded, with no credentials and no requests", async () => {
    await writeFiles(project.root, { "a.png": fixture("png", 1) });
    await pipeline().p.sync([]);
    await writeFiles(project.root, { "b.png": fixture("png", 2), "too-long-name.png": fixture("png", 3) });
    emulator.resetStats();
    const check = createPipeline({ root: project.root, env: {} });
    const report = await check.sync([], { check: true });
    expect(report.pending).toEqual(["b.png", "too-long-name.png"]);
    expect(report.unchanged.map((a) => a.file)).toEqual(["a.png"]);
    expect(emulator.stats().requests).toEqual({});
    // Without credentials a real sync fails the new files with a clear reason, and keeps the known one.
    const offline = await check.sync([]);
    expect(offline.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/^b\.png: .*no creator is configured/),
      expect.stringMatching(/^too-long-name\.png: /),
    ]);
  });

  it("writes TypeScript and Luau modules after a sync", async () => {
    await writeFiles(project.root, { "ui/logo.png": fixture("png", 1), 'odd"name.png': fixture("png", 2) });
    const report = await pipeline({
      codegen: { typescript: "src/assets.ts", luau: "src/assets.luau" },
    }).p.sync([]);
    const logo = report.uploaded.find((a) => a.file === "ui/logo.png")!;
    const odd = report.uploaded.find((a) => a.file === 'odd"name.png')!;
    expect(await readFile(join(project.root, "src/assets.ts"), "utf8")).toBe(
      `// This file is @generated by rbxassets from rbxassets.lock.json. Do not edit.\nexport const assets = {\n  "odd\\"name.png": "${odd.uri}",\n  "ui/logo.png": "${logo.uri}",\n} as const;\n\nexport default assets;\n`,
    );
    expect(await readFile(join(project.root, "src/assets.luau"), "utf8")).toBe(
      `-- This file is @generated by rbxassets from rbxassets.lock.json. Do not edit.\nreturn {\n\t["odd\\"name.png"] = "${odd.uri}",\n\t["ui/logo.png"] = "${logo.uri}",\n}\n`,
    );
  });

  it("refuses a malformed lockfile with one line, and leaves it alone", async () => {
    await writeFiles(project.root, {
      "a.png": fixture("png", 1),
      "rbxassets.lock.json": '{"version": 1, "assets": [',
    });
    await expect(pipeline().p.sync([])).rejects.toThrow(
      /^rbxassets\.lock\.json: the lockfile is not valid JSON .* — /,
    );
    expect(await readFile(join(project.root, "rbxassets.lock.json"), "utf8")).toBe(
      '{"version": 1, "assets": [',
    );
    expect(emulator.stats().creates).toBe(0);
  });
});
