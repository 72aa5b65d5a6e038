import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type LockEntry,
  Lockfile,
  PipelineError,
  parseLockfile,
  serializeLockfile,
} from "../src/node/index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rbxassets-lockfile-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hex64 = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 });
const entryArb: fc.Arbitrary<LockEntry> = fc
  .record({
    assetId: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String),
    assetType: fc.constantFrom("Image", "Decal", "Audio", "Model", "Animation", "Video"),
    hash: hex64.map((h) => `sha256-${h}`),
    creator: fc.tuple(fc.constantFrom("user", "group"), fc.nat()).map(([k, n]) => `${k}:${n}`),
    version: fc.option(fc.nat().map(String), { nil: undefined }),
    moderation: fc.option(fc.constantFrom("Approved" as const, "Reviewing" as const), { nil: undefined }),
  })
  .map((e) => {
    const entry: LockEntry = { assetId: e.assetId, assetType: e.assetType, hash: e.hash, creator: e.creator };
    if (e.version !== undefined) entry.version = e.version;
    if (e.moderation !== undefined) entry.moderation = e.moderation;
    return entry;
  });
const pathArb = fc.string({ minLength: 1, maxLength: 30 });
const assetsArb = fc.array(fc.tuple(pathArb, entryArb), { maxLength: 20 }).map((pairs) => new Map(pairs));

function expectParsedOrClearError(text: string) {
  try {
    parseLockfile(text, "rbxassets.lock.json");
  } catch (error) {
    expect(error).toBeInstanceOf(PipelineError);
    const message = (error as Error).message;
    expect(message.startsWith("rbxassets.lock.json: ")).toBe(true);
    expect(message).not.toMatch(/[\r\n]/);
    expect(message).toContain(" — ");
  }
}

describe("lockfile reader (property-based)", () => {
  it("any bytes: parsed or one clear error, never a crash", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expectParsedOrClearError(Buffer.from(bytes).toString("utf8"));
      }),
      { numRuns: 500 },
    );
  });

  it("any JSON value: parsed or one clear error", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectParsedOrClearError(JSON.stringify(value) ?? "")),
      { numRuns: 500 },
    );
  });

  it("mutated valid lockfiles: parsed or one clear error", () => {
    fc.assert(
      fc.property(assetsArb, fc.nat(), fc.string({ maxLength: 3 }), (assets, at, insert) => {
        const text = serializeLockfile(assets);
        const i = at % (text.length + 1);
        expectParsedOrClearError(text.slice(0, i) + insert + text.slice(i + 1));
      }),
      { numRuns: 500 },
    );
  });

  it("serialization round-trips and is stable (sorted, 2-space, trailing newline)", () => {
    fc.assert(
      fc.property(assetsArb, (assets) => {
        const text = serializeLockfile(assets);
        expect(text.endsWith("}\n")).toBe(true);
        const parsed = parseLockfile(text).assets;
        expect(new Map([...parsed].sort())).toEqual(new Map([...assets].sort()));
        expect(serializeLockfile(parsed)).toBe(text);
        // Insertion order never matters.
        expect(serializeLockfile(new Map([...assets].reverse()))).toBe(text);
        const keys = text
          .split("\n")
          .filter((line) => /^ {4}".*": \{$/.test(line))
          .map((line) => JSON.parse(line.trim().slice(0, -3)) as string);
        expect(keys).toEqual([...assets.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("lockfile format", () => {
  it("writes the documented shape", () => {
    const text = serializeLockfile(
      new Map<string, LockEntry>([
        [
          "models/b.rbxm",
          {
            hash: `sha256-${"b".repeat(64)}`,
            assetType: "Model",
            assetId: "2",
            creator: "user:1",
            version: "3",
          },
        ],
        [
          "images/a.png",
          { assetId: "1", assetType: "Image", hash: `sha256-${"a".repeat(64)}`, creator: "user:1" },
        ],
      ]),
    );
    expect(text).toBe(
      `{
  "version": 1,
  "assets": {
    "images/a.png": {
      "assetId": "1",
      "assetType": "Image",
      "creator": "user:1",
      "hash": "sha256-${"a".repeat(64)}"
    },
    "models/b.rbxm": {
      "assetId": "2",
      "assetType": "Model",
      "creator": "user:1",
      "hash": "sha256-${"b".repeat(64)}",
      "version": "3"
    }
  }
}
`,
    );
  });

  it("explains merge conflicts and bad JSON in one line", () => {
    expect(() => parseLockfile('{\n<<<<<<< HEAD\n"a": 1\n=======\n>>>>>>> other\n}')).toThrow(
      /^rbxassets\.lock\.json: the lockfile has unresolved git merge conflict markers — /,
    );
    expect(() => parseLockfile("{ not json")).toThrow(
      /^rbxassets\.lock\.json: the lockfile is not valid JSON \(.*\) — fix it/,
    );
    expect(() => parseLockfile('{"version":2,"assets":{}}')).toThrow(/version 2, this tool reads version 1/);
  });

  it("keeps a __proto__ path as data", () => {
    const entry: LockEntry = {
      assetId: "1",
      assetType: "Image",
      hash: `sha256-${"c".repeat(64)}`,
      creator: "user:1",
    };
    const text = serializeLockfile(new Map([["__proto__", entry]]));
    expect(parseLockfile(text).assets.get("__proto__")).toEqual(entry);
  });
});

describe("Lockfile on disk", () => {
  const entry = (n: number): LockEntry => ({
    assetId: String(n),
    assetType: "Image",
    hash: `sha256-${String(n).padStart(64, "0")}`,
    creator: "user:1",
  });

  it("records at once, merges with other writers, and leaves no temp files", async () => {
    const path = join(dir, "merge.lock.json");
    const a = await Lockfile.open(path);
    const b = await Lockfile.open(path);
    await Promise.all([a.record("a1.png", entry(1)), b.record("b1.png", entry(2))]);
    await Promise.all([
      a.record("a2.png", entry(3)),
      b.record("b2.png", entry(4)),
      a.record("a3.png", entry(5)),
    ]);
    const onDisk = parseLockfile(await readFile(path, "utf8")).assets;
    expect([...onDisk.keys()].sort()).toEqual(["a1.png", "a2.png", "a3.png", "b1.png", "b2.png"]);
    await b.refresh();
    expect(b.get("a3.png")).toEqual(entry(5));
    expect((await readdir(dir)).filter((n) => n.endsWith(".tmp") || n.endsWith(".lock"))).toEqual([]);
  });

  it("creates the lockfile's folder when it does not exist yet", async () => {
    const path = join(dir, "not", "there", "yet.lock.json");
    const lockfile = await Lockfile.open(path);
    await lockfile.record("a.png", entry(9));
    expect(parseLockfile(await readFile(path, "utf8")).assets.get("a.png")).toEqual(entry(9));
  });

  it("removes temp files of dead writers, never a live writer's", async () => {
    const path = join(dir, "temps.lock.json");
    const dead = join(dir, ".temps.lock.json.999999999.deadbeef.tmp");
    const live = join(dir, `.temps.lock.json.${process.ppid}.cafef00d.tmp`);
    await writeFile(dead, "{");
    await writeFile(live, "{");
    const lockfile = await Lockfile.open(path);
    await lockfile.record("a.png", entry(10));
    const names = await readdir(dir);
    expect(names).not.toContain(".temps.lock.json.999999999.deadbeef.tmp");
    expect(names).toContain(`.temps.lock.json.${process.ppid}.cafef00d.tmp`);
    await rm(live);
  });

  it("never overwrites a malformed lockfile", async () => {
    const path = join(dir, "broken.lock.json");
    await writeFile(path, "{ oops");
    await expect(Lockfile.open(path, { root: dir })).rejects.toThrow(
      /^broken\.lock\.json: the lockfile is not valid JSON/,
    );
    expect(await readFile(path, "utf8")).toBe("{ oops");
  });
});
