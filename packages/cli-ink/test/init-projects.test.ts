// `rbxassets init` writes a project file that loads wherever it lands, and modules the project can use: in
// a CommonJS package (what `npm init -y` writes) and in a package with no "type" (none, unless a Rojo project
// file gives Luau a place), and in a roblox-ts project, where the real `rbxtsc` (roblox-ts from npm) still
// compiles.
import { execFile } from "node:child_process";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { proposeProject } from "@rbxassets/core/node";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png } from "./helpers/files.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

const require = createRequire(import.meta.url);

/** The package.json `npm init -y` writes: CommonJS, said outright. */
const npmInitPackage = {
  name: "game-assets",
  version: "1.0.0",
  main: "index.js",
  scripts: { test: 'echo "Error: no test specified" && exit 1' },
  keywords: [],
  author: "",
  license: "ISC",
  type: "commonjs",
};

/**
 * Every command after init loads the project file with nothing on stderr but its own lines; `module` is the
 * generated module a check finds missing before the first sync, if there is one.
 */
async function expectLoadsQuietly(root: string, module?: string) {
  const check = await runCli(["sync", "--check", "--json"], { cwd: root });
  // Only the command's own lines: no warning from Node about the file's module type.
  expect(check.stderr.trim().split("\n")).toEqual([
    "found 1 file",
    module
      ? `rbxassets: 1 file to upload; 1 generated module not as a sync writes it: ${module} missing: run rbxassets sync`
      : "rbxassets: 1 file to upload: run rbxassets sync",
  ]);
  expect(JSON.parse(check.stdout).pending).toEqual(["art/play.png"]);
  const synced = await runCli(["sync"], { cwd: root, env: cliEnv(emulator) });
  expect(synced.code, synced.stderr).toBe(0);
  expect(synced.stderr).not.toMatch(/warning|MODULE_TYPELESS|SyntaxError/i);
  expect(synced.stderr).toContain("uploaded  art/play.png");
}

/** Runs `init --yes` in `root` and returns the project file it wrote (rbxassets.config.mts), parsed. */
async function initMts(
  root: string,
): Promise<{ stdout: string; inputs: Record<string, { output?: unknown }> }> {
  const init = await runCli(["init", "--yes"], { cwd: root });
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toContain("wrote rbxassets.config.mts with 1 input");
  const text = await readFile(join(root, "rbxassets.config.mts"), "utf8");
  expect(text).toMatch(/^import type \{ ProjectConfig \} from "@rbxassets\/cli";\n\nexport default \{/);
  const json = text.slice(
    text.indexOf("export default ") + "export default ".length,
    text.lastIndexOf("}") + 1,
  );
  return { stdout: init.stdout, ...(JSON.parse(json) as { inputs: Record<string, { output?: unknown }> }) };
}

test("in a CommonJS package (npm init -y) init writes rbxassets.config.mts and no module it cannot load", async () => {
  const root = await makeProject({ "package.json": JSON.stringify(npmInitPackage), "art/play.png": png(61) });
  const { stdout, inputs } = await initMts(root);
  // Not src/art.ts: this package reads a .ts file as CommonJS and fails on its `export`.
  expect(inputs).toEqual({ art: { include: "art/**/*.png" } });
  expect(stdout).toContain(
    'no generated modules: the ids are kept in the lockfile; to write one, give an input "output"',
  );
  await expectLoadsQuietly(root);
});

test('in a package with no "type" init writes rbxassets.config.mts: no MODULE_TYPELESS_PACKAGE_JSON warning', async () => {
  const { type: _, ...typeless } = npmInitPackage;
  const root = await makeProject({ "package.json": JSON.stringify(typeless), "art/play.png": png(62) });
  const { inputs } = await initMts(root);
  expect(inputs.art?.output).toBeUndefined();
  await expectLoadsQuietly(root);
});

test("in a CommonJS package with a Rojo project file (any *.project.json) init writes Luau modules", async () => {
  const root = await makeProject({
    "package.json": JSON.stringify(npmInitPackage),
    "place.project.json": JSON.stringify({ name: "place", tree: { $path: "src" } }),
    "art/play.png": png(65),
  });
  const { inputs } = await initMts(root);
  expect(inputs.art?.output).toEqual({ luau: "src/shared/Art.luau" });
  await expectLoadsQuietly(root, "src/shared/Art.luau");
  expect(await readFile(join(root, "src/shared/Art.luau"), "utf8")).toMatch(/play = "rbxassetid:\/\/\d+"/);
});

test.each([
  ["CommonJS, plain JavaScript", {}, ["none", "rojo"]],
  ['no "type", plain JavaScript', { type: undefined }, ["none", "rojo"]],
  [
    "CommonJS with typescript among its devDependencies",
    { devDependencies: { typescript: "^5" } },
    ["typescript", "rojo", "none"],
  ],
  [
    '"type": "module" (Node strips a .ts module\'s types, bundlers read it)',
    { type: "module" },
    ["typescript", "rojo", "none"],
  ],
] as const)("init proposes for a package.json of %s", async (_, changes, outputs) => {
  const root = await makeProject({
    "package.json": JSON.stringify({ ...npmInitPackage, ...changes }),
    "art/a.png": png(66),
  });
  expect((await proposeProject(root)).outputs).toEqual(outputs);
});

test("init proposes TypeScript modules for a CommonJS package with a tsconfig.json", async () => {
  const root = await makeProject({
    "package.json": JSON.stringify(npmInitPackage),
    "tsconfig.json": JSON.stringify({ compilerOptions: { module: "nodenext" } }),
    "art/a.png": png(67),
  });
  expect((await proposeProject(root)).outputs[0]).toBe("typescript");
});

/** The roblox-ts game template's tsconfig (no `include`), comments and all. */
const TEMPLATE_TSCONFIG = `{
\t"compilerOptions": {
\t\t// required
\t\t"allowSyntheticDefaultImports": true,
\t\t"downlevelIteration": true,
\t\t"jsx": "react",
\t\t"jsxFactory": "React.createElement",
\t\t"jsxFragmentFactory": "React.Fragment",
\t\t"module": "commonjs",
\t\t"moduleResolution": "Node",
\t\t"noLib": true,
\t\t"resolveJsonModule": true,
\t\t"experimentalDecorators": true,
\t\t"forceConsistentCasingInFileNames": true,
\t\t"moduleDetection": "force",
\t\t"strict": true,
\t\t"target": "ESNext",
\t\t"typeRoots": ["node_modules/@rbxts"],

\t\t// configurable
\t\t"rootDir": "src",
\t\t"outDir": "out",
\t\t"baseUrl": "src",
\t\t"incremental": true,
\t\t"tsBuildInfoFile": "out/tsconfig.tsbuildinfo"
\t}
}
`;

/** Rojo's tree for the template: shared code in ReplicatedStorage, the runtime library in rbxts_include. */
const ROJO_PROJECT = {
  name: "game",
  tree: {
    $className: "DataModel",
    ReplicatedStorage: {
      $className: "ReplicatedStorage",
      rbxts_include: {
        $path: "include",
        node_modules: { $className: "Folder", "@rbxts": { $path: "node_modules/@rbxts" } },
      },
      TS: { $path: "out/shared" },
    },
    StarterPlayer: {
      $className: "StarterPlayer",
      StarterPlayerScripts: { $className: "StarterPlayerScripts", TS: { $path: "out/client" } },
    },
  },
};

/** A roblox-ts game like `npm init roblox-ts game` makes, with the compiler's types linked in. */
async function robloxTsGame(): Promise<string> {
  const root = await makeProject({
    "package.json": JSON.stringify({
      name: "game",
      version: "1.0.0",
      devDependencies: { "@rbxts/compiler-types": "*", "@rbxts/types": "*", "roblox-ts": "*" },
    }),
    "tsconfig.json": TEMPLATE_TSCONFIG,
    "default.project.json": JSON.stringify(ROJO_PROJECT),
    "assets/ui/play.png": png(63),
    "assets/ui/stop.png": png(64),
    "src/client/main.client.ts": 'print("hello");\n',
  });
  await mkdir(join(root, "node_modules/@rbxts"), { recursive: true });
  for (const name of ["types", "compiler-types"]) {
    const from = dirname(require.resolve(`@rbxts/${name}/package.json`));
    await symlink(from, join(root, "node_modules/@rbxts", name), "dir");
  }
  return root;
}

/** Runs the real roblox-ts compiler in `root`; its output, and whether it succeeded. */
async function rbxtsc(root: string): Promise<{ ok: boolean; output: string }> {
  const cli = join(dirname(require.resolve("roblox-ts/package.json")), "out/CLI/cli.js");
  return promisify(execFile)(process.execPath, [cli], { cwd: root }).then(
    ({ stdout, stderr }) => ({ ok: true, output: stdout + stderr }),
    (error: { stdout?: string; stderr?: string }) => ({
      ok: false,
      output: `${error.stdout ?? ""}${error.stderr ?? String(error)}`,
    }),
  );
}

test("in a roblox-ts project init writes a file rbxtsc never compiles, and rbxtsc still builds, sprites typed", async () => {
  const root = await robloxTsGame();
  const init = await runCli(["init", "--yes"], { cwd: root });
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toContain("wrote rbxassets.config.json with 1 input");
  const config = JSON.parse(await readFile(join(root, "rbxassets.config.json"), "utf8"));
  expect(config.inputs.assets.output).toEqual({
    luau: "src/shared/Assets.luau",
    dts: "src/shared/Assets.d.ts",
  });
  const built = await rbxtsc(root);
  expect(built.output).not.toMatch(/TS6059|TS2307|error/);
  expect(built.ok, built.output).toBe(true);

  // Packed into a spritesheet and synced, then used from game code as an ImageLabel wants it: the
  // generated declarations type a sprite as the object it is, for the cloud and the Studio target alike.
  config.inputs.assets.spritesheet = true;
  await writeFile(join(root, "rbxassets.config.json"), JSON.stringify(config));
  const synced = await runCli(["sync"], { cwd: root, env: cliEnv(emulator) });
  expect(synced.code, synced.stderr).toBe(0);
  await writeFile(
    join(root, "src/client/main.client.ts"),
    [
      'import Assets from "shared/Assets";',
      'const label = new Instance("ImageLabel");',
      "label.Image = Assets.ui.play.Image;",
      "label.ImageRectOffset = Assets.ui.play.ImageRectOffset;",
      "label.ImageRectSize = Assets.ui.stop.ImageRectSize;",
      "",
    ].join("\n"),
  );
  const withAssets = await rbxtsc(root);
  expect(withAssets.ok, withAssets.output).toBe(true);
  expect(await readFile(join(root, "out/client/main.client.luau"), "utf8")).toContain("ImageRectOffset");

  const studio = await runCli(["sync", "--target", "studio"], {
    cwd: root,
    env: { RBXASSETS_STUDIO_CONTENT: `${root}-studio-content` },
  });
  expect(studio.code, studio.stderr).toBe(0);
  expect(await readFile(join(root, "src/shared/Assets.luau"), "utf8")).toMatch(
    /play = \{ Image = "rbxasset:\/\/rbxassets\/.*\/\.atlases\/assets-0\.png", ImageRectOffset = Vector2\.new/,
  );
  const afterStudio = await rbxtsc(root);
  expect(afterStudio.ok, afterStudio.output).toBe(true);
});
