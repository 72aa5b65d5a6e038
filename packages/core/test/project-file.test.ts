import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadProject, ProjectFileError } from "../src/node/index.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { tempProject } from "./pipeline-project.js";

/** The project as a plain Node process loads it from the built package (see project-child.mjs). */
async function loadInNode(root: string): Promise<{ project?: Record<string, unknown>; error?: string }> {
  const script = fileURLToPath(new URL("project-child.mjs", import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script], {
    env: { ...process.env, PROJECT_ROOT: root },
  });
  return JSON.parse(stdout) as { project?: Record<string, unknown>; error?: string };
}

let project: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  project = await tempProject("rbxassets-projectfile-");
  await writeFiles(project.root, {
    "assets/ui/play.png": fixture("png", 1),
    "assets/ui/buttons/stop.png": fixture("png", 2),
    "assets/sfx/click.wav": fixture("wav"),
  });
});
afterEach(() => project.dispose());

const body = `{
  creator: "group:77",
  inputs: {
    ui: { include: "assets/ui/**/*.png", alphaBleed: false, spritesheet: { maxSize: 512 }, output: { luau: "src/UI.luau" } },
    sfx: { include: ["assets/sfx/*.wav"], output: { ts: "src/sfx.ts", style: "flat" } },
  },
}`;

const formats: Record<string, string> = {
  "rbxassets.config.ts": `interface Shape { creator: string }\nconst config: Shape & Record<string, unknown> = ${body};\nexport default config satisfies Shape;\n`,
  "rbxassets.config.mts": `const config: Record<string, unknown> = ${body};\nexport default config;\n`,
  "rbxassets.config.js": `export default ${body};\n`,
  "rbxassets.config.mjs": `export default ${body};\n`,
  "rbxassets.config.json": JSON.stringify({
    creator: "group:77",
    inputs: {
      ui: {
        include: "assets/ui/**/*.png",
        alphaBleed: false,
        spritesheet: { maxSize: 512 },
        output: { luau: "src/UI.luau" },
      },
      sfx: { include: ["assets/sfx/*.wav"], output: { ts: "src/sfx.ts", style: "flat" } },
    },
  }),
};

describe("the project file", () => {
  it.each(Object.keys(formats))("loads %s with its inputs expanded", async (name) => {
    await writeFiles(project.root, { [name]: formats[name]! });
    // In Node as users run it: TypeScript through Node's own type stripping.
    const inNode = await loadInNode(project.root);
    expect(inNode.error).toBeUndefined();
    expect(inNode.project).toMatchObject({ file: name, creator: "group:77" });
    const loaded = await loadProject(project.root);
    expect(loaded?.file).toBe(name);
    expect(loaded?.creator).toBe("group:77");
    expect(loaded?.lockfile).toBe("rbxassets.lock.json");
    const ui = loaded?.input("ui");
    expect(ui).toMatchObject({
      include: ["assets/ui/**/*.png"],
      exclude: [],
      assetType: "Image",
      processing: { alphaBleed: false, spritesheet: { maxSize: 512 } },
      output: { luau: "src/UI.luau", style: "nested" },
    });
    expect(ui?.files).toEqual([
      { file: "assets/ui/buttons/stop.png", key: "buttons/stop.png" },
      { file: "assets/ui/play.png", key: "play.png" },
    ]);
    expect(loaded?.input("sfx")?.output).toEqual({
      ts: "src/sfx.ts",
      style: "flat",
      extensions: "strip",
      keys: "input",
      content: false,
    });
    expect(loaded?.inputOf("assets/ui/new.png")?.name).toBe("ui");
    expect(loaded?.inputOf("assets/other.png")).toBeUndefined();
  });

  it("is optional: no file, no project", async () => {
    expect(await loadProject(project.root)).toBeUndefined();
  });

  it("lists every problem in one pass, one line each, naming the key and what to write (bug J)", async () => {
    await writeFiles(project.root, {
      "rbxassets.config.json": JSON.stringify({
        creator: "bob",
        lockfil: "x.json",
        inputs: {
          ui: {
            include: "assets/ui/**/*.png",
            outptu: {},
            alphaBleed: "yes",
            spritesheet: { maxSize: 99999 },
          },
          all: { include: ["assets/**/*.png"], assetType: "Mesh", output: { luau: "../outside.luau" } },
          none: { include: "assets/nothing/*.png", output: { style: "tree" } },
        },
      }),
    });
    const error = await loadProject(project.root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectFileError);
    const lines = (error as Error).message.split("\n").map((l) => l.replaceAll(project.root, "<root>"));
    // Unknown keys and wrong values hide nothing: the globs and outputs are checked in the same pass.
    expect(lines).toEqual([
      'rbxassets.config.json: lockfil: is not a known key — did you mean "lockfile"? (keys here: creator, lockfile, grant, inputs)',
      'rbxassets.config.json: creator: "bob" is not a creator — write "user:<id>" or "group:<id>", e.g. "group:123"',
      'rbxassets.config.json: inputs.ui.outptu: is not a known key — did you mean "output"? (keys here: include, exclude, assetType, alphaBleed, spritesheet, output, existing, grant, privacy)',
      'rbxassets.config.json: inputs.ui.alphaBleed: "yes" is not a boolean — write true (the default for images) or false',
      "rbxassets.config.json: inputs.ui.spritesheet.maxSize: 99999 is not a size in pixels — write a whole number from 16 to 7999, e.g. 1024",
      'rbxassets.config.json: inputs.all.assetType: "Mesh" is not an asset type for an input — write "Image" (the default) or "Decal" for images, "Model" or "Animation" for .rbxm/.rbxmx',
      'rbxassets.config.json: inputs.none.output.style: "tree" is not a style — write "nested" (tables by folder, the default) or "flat" (path keys)',
      'rbxassets.config.json: inputs.all.output.luau: "../outside.luau" is outside the project — write a path inside <root>, e.g. "src/shared/all.luau"',
      'rbxassets.config.json: inputs.none.include: "assets/nothing/*.png" matches no asset file — fix the glob (it is relative to the project root <root>) or remove it',
      'rbxassets.config.json: inputs.all.include: assets/ui/buttons/stop.png, assets/ui/play.png are also in input "ui" — add them to one input\'s exclude, or narrow an include',
    ]);
  });

  it("an unknown key hides nothing: the same input's glob is checked in the same pass", async () => {
    await writeFiles(project.root, {
      "rbxassets.config.json": JSON.stringify({
        inputs: { ui: { include: "assets/nothing/*.png", alphaBleeed: false } },
      }),
    });
    const error = await loadProject(project.root).catch((e: unknown) => e);
    const lines = (error as Error).message.split("\n").map((l) => l.replaceAll(project.root, "<root>"));
    expect(lines).toEqual([
      'rbxassets.config.json: inputs.ui.alphaBleeed: is not a known key — did you mean "alphaBleed"? (keys here: include, exclude, assetType, alphaBleed, spritesheet, output, existing, grant, privacy)',
      'rbxassets.config.json: inputs.ui.include: "assets/nothing/*.png" matches no asset file — fix the glob (it is relative to the project root <root>) or remove it',
    ]);
  });

  it("checks globs, claims and output paths against the files", async () => {
    await writeFiles(project.root, {
      "rbxassets.config.mjs": `export default {
        lockfile: "../elsewhere.lock.json",
        inputs: {
          ui: { include: "assets/ui/**/*.png", output: { luau: "src/Shared.luau" } },
          all: { include: ["assets/**/*.png"], exclude: "**/stop.png", output: { luau: "../outside.luau" } },
          none: { include: "assets/nothing/*.png", output: { luau: "src/Shared.luau" } },
        },
      };\n`,
    });
    const error = await loadProject(project.root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectFileError);
    const lines = (error as Error).message.split("\n").map((l) => l.replaceAll(project.root, "<root>"));
    expect(lines).toEqual([
      'rbxassets.config.mjs: lockfile: "../elsewhere.lock.json" is outside the project — write a path inside <root>, e.g. "rbxassets.lock.json"',
      'rbxassets.config.mjs: inputs.all.output.luau: "../outside.luau" is outside the project — write a path inside <root>, e.g. "src/shared/all.luau"',
      'rbxassets.config.mjs: inputs.none.output.luau: "src/Shared.luau" is also written by inputs.ui.output.luau — give each module its own path',
      'rbxassets.config.mjs: inputs.none.include: "assets/nothing/*.png" matches no asset file — fix the glob (it is relative to the project root <root>) or remove it',
      'rbxassets.config.mjs: inputs.all.include: assets/ui/play.png is also in input "ui" — add it to one input\'s exclude, or narrow an include',
    ]);
  });

  it("names a file that does not load, and two project files", async () => {
    await writeFiles(project.root, { "rbxassets.config.mjs": "export default {\n  inputs: {,\n};\n" });
    expect((await loadInNode(project.root)).error).toMatch(
      /^rbxassets\.config\.mjs: cannot be loaded \(SyntaxError: .*\) — fix the error in the file, then run again$/,
    );
    await writeFiles(project.root, { "rbxassets.config.mjs": "export const x = 1;\n" });
    await expect(loadProject(project.root)).rejects.toThrow(
      "rbxassets.config.mjs: has no default export — write export default defineConfig({ inputs: { ... } })",
    );
    await writeFiles(project.root, { "rbxassets.config.json": "{ inputs: 1 }" });
    await expect(loadProject(project.root)).rejects.toThrow(
      "rbxassets.config.mjs: the project has 2 project files (rbxassets.config.mjs, rbxassets.config.json) — keep one of them",
    );
  });

  it("a broken file writes nothing", async () => {
    await writeFiles(project.root, { "rbxassets.config.json": '{ "inputs": { "ui": { "include": 3 } } }' });
    const before = await readdir(project.root, { recursive: true });
    await expect(loadProject(project.root)).rejects.toThrow(/inputs\.ui\.include: 3 is not a glob/);
    expect(await readdir(project.root, { recursive: true })).toEqual(before);
    expect(await readFile(`${project.root}/rbxassets.config.json`, "utf8")).toContain('"include": 3');
  });
});
