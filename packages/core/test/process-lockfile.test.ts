import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Lockfile, parseLockfile } from "../src/node/lockfile.js";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "rbxassets-sheets-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const hash = (n: number) => `sha256-${String(n).repeat(64).slice(0, 64)}`;
const atlas = (id: string) => ({
  assetId: id,
  assetType: "Image" as const,
  hash: hash(9),
  creator: "user:1",
  width: 64,
  height: 32,
});
const sprite = (name: string, x: number) => ({
  atlas: name,
  hash: hash(1),
  process: "p1-abc",
  x,
  y: 2,
  width: 8,
  height: 8,
});

describe("lockfile spritesheet sections", () => {
  it("round-trip atlases and sprites; a lockfile without them is written as before", async () => {
    const path = join(root, "rbxassets.lock.json");
    const lock = await Lockfile.open(path);
    await lock.record("a.png", { assetId: "5", assetType: "Image", hash: hash(2), creator: "user:1" });
    expect(await readFile(path, "utf8")).not.toMatch(/atlases|sprites/);
    await lock.recordSheets({ atlases: [["ui#0", atlas("7")]], sprites: [["ui/a.png", sprite("ui#0", 2)]] });
    const parsed = parseLockfile(await readFile(path, "utf8"));
    expect(parsed.atlases.get("ui#0")).toEqual(atlas("7"));
    expect(parsed.sprites.get("ui/a.png")).toEqual(sprite("ui#0", 2));
    expect(parsed.assets.get("a.png")?.assetId).toBe("5");
  });

  it("merges two processes' records and keeps removals", async () => {
    const path = join(root, "rbxassets.lock.json");
    const one = await Lockfile.open(path);
    const two = await Lockfile.open(path);
    await one.recordSheets({
      sprites: [
        ["ui/a.png", sprite("ui#0", 2)],
        ["ui/b.png", sprite("ui#0", 12)],
      ],
    });
    await two.recordSheets({ atlases: [["ui#1", atlas("8")]] });
    await one.recordSheets({ sprites: [["ui/a.png", null]] });
    const parsed = parseLockfile(await readFile(path, "utf8"));
    expect([...parsed.sprites.keys()]).toEqual(["ui/b.png"]);
    expect([...parsed.atlases.keys()]).toEqual(["ui#1"]);
  });

  it("refuses a malformed sprite with one line naming it", () => {
    const text = JSON.stringify({
      version: 1,
      assets: {},
      sprites: { "ui/a.png": { atlas: "ui#0", hash: hash(1) } },
    });
    expect(() => parseLockfile(text)).toThrow(
      /^rbxassets\.lock\.json: sprite "ui\/a\.png" has no processing fingerprint/,
    );
  });
});
