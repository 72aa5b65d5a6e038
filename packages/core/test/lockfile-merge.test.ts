// Lockfile merging: three-way union by path then by content, deterministic choices, conflict markers.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureMergeAttributes } from "../src/internal.js";
import {
  type LockEntry,
  Lockfile,
  mergeLockfiles,
  resolveConflictMarkers,
  serializeLockfile,
} from "../src/node/index.js";

const hash = (n: number) => `sha256-${n.toString(16).padStart(64, "0")}`;
const entry = (id: string, n: number): LockEntry => ({
  assetId: id,
  assetType: "Image",
  hash: hash(n),
  creator: "user:1",
});
const lock = (entries: Record<string, LockEntry>) => serializeLockfile(new Map(Object.entries(entries)));

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("mergeLockfiles", () => {
  const base = lock({ "a.png": entry("10", 1) });

  it("keeps the grants both sides made to the same asset", () => {
    const ours = lock({ "a.png": { ...entry("10", 1), grants: ["100"] } });
    const theirs = lock({ "a.png": { ...entry("10", 1), grants: ["2000", "300"] } });
    const merged = mergeLockfiles(base, ours, theirs);
    expect(merged.data.assets.get("a.png")?.grants).toEqual(["100", "300", "2000"]);
    expect(merged.conflicts).toEqual([]);
  });

  it("keeps what both sides added", () => {
    const ours = lock({ "a.png": entry("10", 1), "b.png": entry("20", 2) });
    const theirs = lock({ "a.png": entry("10", 1), "c.png": entry("30", 3) });
    const merged = mergeLockfiles(base, ours, theirs);
    expect([...merged.data.assets.keys()]).toEqual(["a.png", "b.png", "c.png"]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toBe(
      lock({ "a.png": entry("10", 1), "b.png": entry("20", 2), "c.png": entry("30", 3) }),
    );
  });

  it("drops what one side removed and the other left alone", () => {
    const merged = mergeLockfiles(base, lock({}), base);
    expect(merged.data.assets.size).toBe(0);
  });

  it("keeps one asset for content both sides uploaded, the lower id, whichever side is ours", () => {
    const ours = lock({ "a.png": entry("10", 1), "b.png": entry("25", 2) });
    const theirs = lock({ "a.png": entry("10", 1), "copy/b.png": entry("21", 2) });
    const one = mergeLockfiles(base, ours, theirs);
    const other = mergeLockfiles(base, theirs, ours);
    expect(one.text).toBe(other.text);
    expect(one.data.assets.get("b.png")?.assetId).toBe("21");
    expect(one.data.assets.get("copy/b.png")?.assetId).toBe("21");
    expect(one.conflicts).toEqual([{ key: hash(2), kind: "same-content", kept: "21", dropped: "25" }]);
  });

  it("prefers the id base had over a lower new one", () => {
    const ours = lock({ "a.png": entry("10", 1) });
    const theirs = lock({ "a.png": entry("10", 1), "z.png": entry("3", 1) });
    const merged = mergeLockfiles(base, ours, theirs);
    expect(merged.data.assets.get("z.png")?.assetId).toBe("10");
  });

  it("resolves a file with conflict markers (with and without a base section)", () => {
    const ours = lock({ "a.png": entry("10", 1), "b.png": entry("20", 2) });
    const theirs = lock({ "a.png": entry("10", 1), "c.png": entry("30", 3) });
    const conflicted = (withBase: boolean) => {
      const [o, t, b] = [ours, theirs, base].map((text) => text.split("\n"));
      // The shared head (up to a.png's block), then the differing tails as one hunk.
      const head = o!.slice(0, 8);
      return [
        ...head,
        "<<<<<<< HEAD",
        ...o!.slice(8),
        ...(withBase ? ["||||||| base", ...b!.slice(8)] : []),
        "=======",
        ...t!.slice(8),
        ">>>>>>> theirs",
      ].join("\n");
    };
    for (const withBase of [false, true]) {
      const merged = resolveConflictMarkers(conflicted(withBase));
      expect([...merged.data.assets.keys()]).toEqual(["a.png", "b.png", "c.png"]);
    }
  });

  it("refuses unbalanced markers, naming the file", () => {
    expect(() => resolveConflictMarkers("<<<<<<< HEAD\n{}\n", "x.lock.json")).toThrow(
      /x\.lock\.json: .*unbalanced/,
    );
  });
});

describe("Lockfile.open on a file with conflict markers", () => {
  it("merges it, writes it back clean and tells what it chose", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rbxassets-merge-"));
    dirs.push(dir);
    const path = join(dir, "rbxassets.lock.json");
    const ours = lock({ "a.png": entry("10", 1), "b.png": entry("25", 2) });
    const theirs = lock({ "a.png": entry("10", 1), "c.png": entry("21", 2) });
    const [o, t] = [ours, theirs].map((text) => text.split("\n"));
    await writeFile(
      path,
      [...o!.slice(0, 8), "<<<<<<< HEAD", ...o!.slice(8), "=======", ...t!.slice(8), ">>>>>>> other"].join(
        "\n",
      ),
    );
    const lockfile = await Lockfile.open(path);
    expect(lockfile.mergedConflicts).toEqual([
      { key: hash(2), kind: "same-content", kept: "21", dropped: "25" },
    ]);
    expect(lockfile.get("b.png")?.assetId).toBe("21");
    const text = await readFile(path, "utf8");
    expect(text).not.toMatch(/<<<<<<<|>>>>>>>/);
    expect(JSON.parse(text).assets["c.png"].assetId).toBe("21");
    expect((await Lockfile.open(path)).mergedConflicts).toBeUndefined();
  });
});

describe("ensureMergeAttributes", () => {
  it("adds the line once, keeping what the file held", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rbxassets-attrs-"));
    dirs.push(dir);
    await writeFile(join(dir, ".gitattributes"), "*.png binary");
    expect((await ensureMergeAttributes(dir)).added).toBe(true);
    expect((await ensureMergeAttributes(dir)).added).toBe(false);
    expect(await readFile(join(dir, ".gitattributes"), "utf8")).toBe(
      "*.png binary\nrbxassets.lock.json merge=rbxassets\n",
    );
  });
});
