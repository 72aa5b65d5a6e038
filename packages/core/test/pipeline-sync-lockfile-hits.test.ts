// Lockfile hits in a sync: no upload slot taken, new content still checked before any request, entries().
import { describe, expect, it } from "vitest";
import type { PipelineOptions } from "../src/node/index.js";
import { emulator, pipeline, project, syncSessionPerFile } from "./helpers/sync-session.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { readLock } from "./pipeline-project.js";

syncSessionPerFile();

describe("lockfile hits", () => {
  it("a hit never waits for an upload slot; only the miss takes one", async () => {
    await writeFiles(project.root, { "a.png": fixture("png", 60), "b.png": fixture("png", 61) });
    expect((await pipeline().p.sync(["a.png"])).uploaded).toHaveLength(1);
    // A client whose uploads hang until aborted: b.png holds the only slot for as long as the test wants.
    let started = 0;
    const hanging = {
      createAsset: (_request: unknown, opts: { signal?: AbortSignal } = {}) => {
        started++;
        return new Promise((_, reject) => {
          opts.signal?.addEventListener("abort", () => reject(opts.signal!.reason), { once: true });
        });
      },
    } as unknown as NonNullable<PipelineOptions["client"]>;
    const { p } = pipeline({ client: hanging, concurrency: 1 });
    const abort = new AbortController();
    const miss = p.resolve("b.png", { signal: abort.signal });
    miss.catch(() => {});
    await expect.poll(() => started).toBe(1);
    const hit = await p.resolve("a.png");
    expect(hit.status).toBe("unchanged");
    abort.abort();
    await expect(miss).rejects.toThrow();
  });

  it("new or changed content is still detected and validated before any request", async () => {
    const whole = fixture("png", 62);
    await writeFiles(project.root, { "a.png": whole });
    const { p } = pipeline();
    expect((await p.resolve("a.png")).status).toBe("uploaded");
    const creates = emulator.stats().creates;
    // Changed to a truncated copy: not in the lockfile, so refused by validation, with no request.
    await writeFiles(project.root, { "a.png": whole.subarray(0, whole.length - 12) });
    await expect(p.resolve("a.png")).rejects.toMatchObject({ rule: "truncated" });
    // The same content as a.png's entry, under an extension that does not fit it: detection still refuses.
    await writeFiles(project.root, { "a.png": whole, "copy.jpg": whole });
    expect((await p.resolve("a.png")).status).toBe("unchanged");
    await expect(p.resolve("copy.jpg")).rejects.toMatchObject({ rule: "extension-mismatch" });
    // The same content under the same extension elsewhere is a hit, recorded under its own path.
    await writeFiles(project.root, { "sub/copy.png": whole });
    expect((await p.resolve("sub/copy.png")).status).toBe("reused");
    expect(emulator.stats().creates).toBe(creates);
    expect([...(await readLock(project.root)).keys()]).toEqual(["a.png", "sub/copy.png"]);
  });

  it("entries() lists the lockfile as on disk, sorted by file", async () => {
    const { p } = pipeline();
    expect(await p.entries()).toEqual([]);
    await writeFiles(project.root, { "z.png": fixture("png", 63), "a/b.png": fixture("png", 64) });
    await p.sync(["."]);
    const entries = await p.entries();
    expect(entries.map((e) => e.file)).toEqual(["a/b.png", "z.png"]);
    for (const entry of entries) {
      expect(entry.uri).toBe(`rbxassetid://${entry.assetId}`);
      expect(entry).toMatchObject({ assetType: "Image", hash: expect.stringMatching(/^sha256-/) });
    }
  });
});
