// What `init --from` plans for each tool's formats, without writing: the lockfile versions asphalt wrote,
// codegen settings, tarmac's spritesheet slices and base paths, unknown keys, and the one-line refusals.
import { readdir } from "node:fs/promises";
import { blake3 } from "@noble/hashes/blake3.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MigrationError, MigrationSourceError, planMigration, writeMigration } from "../src/node/index.js";
import { png, writeFiles } from "./pipeline-fixtures.js";
import { readLock, tempProject } from "./pipeline-project.js";

const b3 = (bytes: Uint8Array) => bytesToHex(blake3(bytes));
const a = png(2, 2, 1);
const b = png(2, 2, 2);

let project: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  project = await tempProject("rbxassets-migrate-");
});
afterEach(() => project.dispose());

const asphaltToml = (codegen = "") => `[creator]
type = "group"
id = 77
${codegen}
[inputs.ui]
path = "art/**/*.png"
output_path = "src"
`;

describe("asphalt", () => {
  it("version 1 lockfile: by path, kept only where the BLAKE3 still matches", async () => {
    await writeFiles(project.root, {
      "asphalt.toml": asphaltToml(),
      "asphalt.lock.toml": `version = 1
[inputs.ui."art/a.png"]
hash = "${b3(a)}"
asset_id = 11
[inputs.ui."art/b.png"]
hash = "${b3(Buffer.from("older content"))}"
asset_id = 12
`,
      "art/a.png": a,
      "art/b.png": b,
    });
    const plan = await planMigration(project.root, "asphalt");
    expect(plan.inputs).toEqual([{ name: "ui", kept: 1, existing: 0, changed: ["art/b.png"], unknown: [] }]);
    expect(plan.locks.get("art/a.png")).toMatchObject({
      assetId: "11",
      creator: "group:77",
      assetType: "Image",
    });
    expect(plan.config.inputs?.ui?.output).toEqual({
      luau: "src/ui.luau",
      style: "flat",
      extensions: "keep",
      keys: "input",
    });
  });

  it("version 0 lockfile (entries by path) and the codegen settings", async () => {
    await writeFiles(project.root, {
      "asphalt.toml": asphaltToml(`[codegen]
style = "nested"
typescript = true
strip_extensions = true
content = true
luau_types = true
`),
      "asphalt.lock.toml": `[entries."art/a.png"]
hash = "${b3(a)}"
asset_id = 21
`,
      "art/a.png": a,
    });
    const plan = await planMigration(project.root, "asphalt");
    expect(plan.inputs[0]?.kept).toBe(1);
    expect(plan.config.inputs?.ui?.output).toEqual({
      luau: "src/ui.luau",
      dts: "src/ui.d.ts",
      style: "nested",
      extensions: "strip",
      keys: "input",
      content: true,
    });
    expect(plan.dropped).toContain(
      "asphalt.toml: codegen.luau_types is not carried over (rbxassets has no such setting)",
    );
  });

  it("a lockfile version it does not know, a missing creator: the file and the key", async () => {
    await writeFiles(project.root, { "asphalt.toml": asphaltToml(), "asphalt.lock.toml": "version = 9\n" });
    const error = await planMigration(project.root, "asphalt").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationSourceError);
    expect((error as Error).message).toBe("asphalt.lock.toml: version: is 9; asphalt writes 0, 1 or 2");
    await writeFiles(project.root, {
      "asphalt.toml": '[inputs.ui]\npath = "art/*.png"\noutput_path = "src"\n',
    });
    expect(((await planMigration(project.root, "asphalt").catch((e: unknown) => e)) as Error).message).toBe(
      "asphalt.toml: creator: is not a table",
    );
    await writeFiles(project.root, { "asphalt.toml": "[creator\n" });
    expect(
      ((await planMigration(project.root, "asphalt").catch((e: unknown) => e)) as Error).message,
    ).toMatch(/^asphalt\.toml: line 1: not valid TOML/);
    expect(await readdir(project.root)).not.toContain("rbxassets.config.json");
  });
});

describe("tarmac", () => {
  const manifest = `[inputs."art/a.png"]
hash = "${b3(a)}"
id = 31
packable = false

[inputs."sheet/b.png"]
hash = "${b3(b)}"
id = 32
slice = [[0, 0], [2, 2]]
packable = true
`;

  it("slices are not reused; without a codegen-base-path keys start at the project root", async () => {
    await writeFiles(project.root, {
      "tarmac.toml": `name = "x"
upload-to-group-id = 5
max-spritesheet-size = [512, 512]

[[inputs]]
glob = "art/**/*.png"
codegen = true
codegen-path = "src/art.lua"

[[inputs]]
glob = "sheet/*.png"
packable = true
codegen = true
`,
      "tarmac-manifest.toml": manifest,
      "art/a.png": a,
      "sheet/b.png": b,
    });
    const plan = await planMigration(project.root, "tarmac");
    expect(plan.config).toEqual({
      creator: "group:5",
      inputs: {
        art: {
          include: "art/**/*.png",
          output: { luau: "src/art.lua", style: "nested", extensions: "strip", keys: "project" },
        },
        sheet: { include: "sheet/*.png", spritesheet: { maxSize: 512 } },
      },
    });
    expect(plan.locks.get("art/a.png")?.assetId).toBe("31");
    expect(plan.locks.has("sheet/b.png")).toBe(false);
    expect(plan.dropped.join("\n")).toContain("1 spritesheet slice cannot be reused");
    expect(plan.dropped.join("\n")).toContain("generates a module beside each file (no codegen-path)");
    const written = await writeMigration(project.root, plan);
    expect(written).toEqual({ projectFile: "rbxassets.config.json", lockfile: "rbxassets.lock.json" });
    expect([...(await readLock(project.root)).keys()]).toEqual(["art/a.png"]);
  });

  it("no group and no configured creator: says which to set, writes nothing", async () => {
    await writeFiles(project.root, { "tarmac.toml": 'name = "x"\n', "tarmac-manifest.toml": manifest });
    const error = await planMigration(project.root, "tarmac").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/RBXASSETS_CREATOR=user:<id>/);
  });
});

describe("tungsten", () => {
  it("a missing tool file is named", async () => {
    const error = await planMigration(project.root, "tungsten").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/^tungsten\.toml is not in /);
  });

  it("a module that is not Lua: the module named, nothing written", async () => {
    await writeFiles(project.root, {
      "tungsten.toml": '[creator]\nid = 1\n[inputs.i]\npath = "art/*.png"\noutput_path = "src/i.luau"\n',
      "src/i.luau": "local x = {\n",
      "art/a.png": a,
    });
    const error = await planMigration(project.root, "tungsten").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationSourceError);
    expect((error as Error).message).toMatch(/^src\/i\.luau: not a Luau module this import can read/);
  });
});
