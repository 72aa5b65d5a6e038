// pnpm check:pack (and CI): what an npm user gets. Packs every package as for publishing, checks each
// tarball (contents, publint, are-the-types-wrong), installs the tarballs with `npm install
// --engine-strict` into apps outside the repo, and there: type-checks with strict tsc (skipLibCheck off),
// builds with Vite 8 (no rollup installed), Vite 6 and Rollup 4 (an ESM and a CommonJS config) against the
// packed emulator, and runs the CLI. Also: a package packed without dist/ (prepack builds it), a client-only
// core install (under 10 MB, no sharp; processing there names what to install), a CommonJS app that
// require()s every entry and type-checks them as TypeScript compiled to CommonJS (`"module": "nodenext"`),
// and a Vite app without "type". Build the packages first (`pnpm check:pack` does).
// A webpack app builds with @rbxassets/unplugin and a CommonJS config. Exits 1 if anything failed, after the rest.

import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { tarballProblems } from "./lib/tarball-contents.mjs";
import { createApp, measureInstall, npmInstall, packAll, repoRoot, run } from "./lib/tarballs.mjs";

const readJson = async (file) => JSON.parse(await readFile(file, "utf8"));
const rootPkg = await readJson(join(repoRoot, "package.json"));
const floor = rootPkg.engines.node; // ">=22.18"
const vitePluginDev = (await readJson(join(repoRoot, "packages/vite-plugin/package.json"))).devDependencies;
// Versions the apps install: the ones the repo itself is built and tested with.
const versions = {
  typescript: rootPkg.devDependencies.typescript,
  "@types/node": rootPkg.devDependencies["@types/node"],
  vite: vitePluginDev.vite,
  // The oldest Vite of the plugin's peer range, as the plugin's own tests install it.
  vite6: vitePluginDev.vite6.replace(/^npm:vite@/, ""),
  rollup: (await readJson(join(repoRoot, "packages/rollup-plugin/package.json"))).devDependencies.rollup,
};
const registry = (name) => `${name}@${versions[name]}`;
const templates = join(repoRoot, "scripts/pack-check");
const assets = join(repoRoot, "examples/vite-app/src"); // real PNGs and a real .rbxm

const failures = [];
async function step(label, action) {
  try {
    const note = await action();
    console.log(`ok   ${label}${note ? `: ${note}` : ""}`);
  } catch (error) {
    failures.push(label);
    console.log(`FAIL ${label}: ${error.message}`);
  }
}
const expect = (condition, message) => {
  if (!condition) throw new Error(message);
};

const [major, minor] = process.versions.node.split(".").map(Number);
const [floorMajor, floorMinor] = floor.replace(">=", "").split(".").map(Number);
expect(
  major > floorMajor || (major === floorMajor && minor >= floorMinor),
  `Node ${process.version} is below ${floor}`,
);
console.log(`pack check on Node ${process.version} (floor ${floor})`);

const work = await mkdtemp(join(tmpdir(), "rbxassets-pack-check-"));

// prepack builds: a package packed with its dist/ gone still ships one (as from a fresh clone).
await step(
  "@rbxassets/spec: packed without dist/, the tarball still has dist/ (prepack builds)",
  async () => {
    const pkgDir = join(repoRoot, "packages/spec");
    await rename(join(pkgDir, "dist"), join(work, "spec-dist"));
    try {
      await run("pnpm", ["pack", "--pack-destination", join(work, "unbuilt")], { cwd: pkgDir });
    } finally {
      if (!existsSync(join(pkgDir, "dist"))) await rename(join(work, "spec-dist"), join(pkgDir, "dist"));
    }
    const [tarball] = await readdir(join(work, "unbuilt"));
    const listed = await run("tar", ["-tzf", join(work, "unbuilt", tarball)]);
    expect(listed.includes("package/dist/index.js"), `no dist/index.js in ${tarball}`);
    expect(listed.includes("package/CHANGELOG.md"), `no CHANGELOG.md in ${tarball}`);
  },
);

const tarballs = await packAll(join(work, "packs"));

for (const [name, file] of tarballs) {
  await step(`${name}: tarball contents`, async () => {
    const dir = join(work, "unpacked", name);
    await mkdir(dir, { recursive: true });
    await run("tar", ["-xzf", file, "-C", dir]);
    const problems = tarballProblems(join(dir, "package"), { engines: floor });
    expect(problems.length === 0, `\n  ${problems.join("\n  ")}`);
  });
  await step(`${name}: publint`, () =>
    run("pnpm", ["exec", "publint", "run", file], { cwd: repoRoot }).then(() => ""),
  );
  await step(`${name}: are-the-types-wrong`, () =>
    run("pnpm", ["exec", "attw", file, "--profile", "esm-only", "--format", "ascii"], { cwd: repoRoot }).then(
      () => "",
    ),
  );
}

async function install(dir) {
  const output = await npmInstall(dir);
  const engineWarnings = output.split("\n").filter((line) => /EBADENGINE|unsupported engine/i.test(line));
  expect(engineWarnings.length === 0, `engine warnings:\n  ${engineWarnings.join("\n  ")}`);
}
async function copyTemplate(name, dir) {
  await cp(join(templates, name), dir, { recursive: true });
  await cp(join(assets, "images"), join(dir, "src/images"), { recursive: true });
  await cp(join(assets, "models"), join(dir, "src/models"), { recursive: true });
}
const tsc = (dir, project) => run("npx", ["tsc", "-p", project], { cwd: dir });
const bundleText = async (dir) => {
  const files = await readdir(join(dir, "dist"), { recursive: true });
  const texts = await Promise.all(
    files.filter((f) => f.endsWith(".js")).map((f) => readFile(join(dir, "dist", f), "utf8")),
  );
  return texts.join("\n");
};
const idsIn = (text) => new Set(text.match(/rbxassetid:\/\/\d+/g) ?? []);

// The Vite app: Vite 8, the CLI and the emulator; no rollup.
const viteApp = await createApp({
  tarballs,
  dependencies: ["@rbxassets/vite-plugin"],
  devDependencies: [
    "@rbxassets/cli",
    "@rbxassets/emulator",
    registry("vite"),
    registry("typescript"),
    registry("@types/node"),
  ],
});
await copyTemplate("vite-app", viteApp);
let emulator;
await step("Vite app: npm install --engine-strict, no engine warning", () => install(viteApp));
await step("Vite app: rollup is not installed (Vite 8 uses Rolldown)", async () => {
  expect(!existsSync(join(viteApp, "node_modules/rollup")), "node_modules/rollup exists");
});
await step(
  "Vite app: strict tsc of src (vite/client + @rbxassets/vite-plugin/client, skipLibCheck off)",
  () => tsc(viteApp, "tsconfig.json").then(() => ""),
);
await step("Vite app: strict tsc of vite.config.ts", () => tsc(viteApp, "tsconfig.node.json").then(() => ""));
await step("emulator: started from the Vite app's install", async () => {
  const pkgDir = join(viteApp, "node_modules/@rbxassets/emulator");
  const entry = (await readJson(join(pkgDir, "package.json"))).exports["."].import;
  const { startEmulator } = await import(pathToFileURL(join(pkgDir, entry)).href);
  emulator = await startEmulator();
  return emulator.url;
});
// The owner of the emulator's key: the emulator refuses uploads for anyone else, as live.
const creator = () => emulator.creator;
const apiEnv = () => ({
  RBXASSETS_API_URL: emulator.url,
  RBXASSETS_API_KEY: emulator.apiKey,
  RBXASSETS_CREATOR: creator(),
});

await step("Vite app: vite build against the emulator", async () => {
  await run("npx", ["vite", "build"], { cwd: viteApp, env: apiEnv() });
  const text = await bundleText(viteApp);
  expect(idsIn(text).size >= 3, `expected 3 asset ids in the bundle, found ${[...idsIn(text)].join(", ")}`);
  expect(!text.includes(emulator.apiKey), "the API key is in the bundle");
  return [...idsIn(text)].join(" ");
});
await step("CLI: npx rbxassets --version", async () => {
  const out = (await run("npx", ["rbxassets", "--version"], { cwd: viteApp })).trim();
  const { version } = await readJson(join(repoRoot, "packages/cli-ink/package.json"));
  expect(out === version, `printed ${out}, expected ${version}`);
  return out;
});
await step("CLI: npx rbxassets sync src/images --json against the emulator", async () => {
  const out = await run("npx", ["rbxassets", "sync", "src/images", "--json"], {
    cwd: viteApp,
    env: { ...apiEnv(), CI: "true" },
  });
  expect(idsIn(out).size >= 3, `expected 3 ids in the sync report: ${out.slice(0, 300)}`);
  expect(!out.includes(emulator.apiKey), "the API key is in the output");
  return `${idsIn(out).size} ids`;
});

// The Rollup app: Rollup 4 and the CLI, without the emulator (an optional peer of the CLI).
const rollupApp = await createApp({
  tarballs,
  dependencies: ["@rbxassets/rollup-plugin"],
  devDependencies: ["@rbxassets/cli", registry("rollup")],
});
await copyTemplate("rollup-app", rollupApp);
await step("Rollup app: npm install --engine-strict, no engine warning", () => install(rollupApp));
await step("Rollup app: the CLI brought no web server (fastify)", async () => {
  expect(!existsSync(join(rollupApp, "node_modules/fastify")), "node_modules/fastify exists");
});
await step("Rollup app: rollup -c against the emulator", async () => {
  await run("npx", ["rollup", "-c"], { cwd: rollupApp, env: apiEnv() });
  const text = await bundleText(rollupApp);
  expect(idsIn(text).size >= 2, `expected 2 asset ids in the bundle, found ${[...idsIn(text)].join(", ")}`);
  expect(!text.includes(emulator.apiKey), "the API key is in the bundle");
  return [...idsIn(text)].join(" ");
});
await step("Rollup app: a CommonJS config (rollup.config.cjs) requires the plugin and builds", async () => {
  await run("npx", ["rollup", "-c", "rollup.config.cjs"], { cwd: rollupApp, env: apiEnv() });
  const files = await readdir(join(rollupApp, "dist-cjs"));
  const text = (await Promise.all(files.map((f) => readFile(join(rollupApp, "dist-cjs", f), "utf8")))).join(
    "\n",
  );
  expect(idsIn(text).size >= 2, `expected 2 asset ids in the bundle, found ${[...idsIn(text)].join(", ")}`);
  return [...idsIn(text)].join(" ");
});
await step("CLI without @rbxassets/emulator: `rbxassets emulator` names the package", async () => {
  const out = await run("npx", ["rbxassets", "emulator"], { cwd: rollupApp, env: { CI: "true" } }).then(
    () => {
      throw new Error("exited 0");
    },
    (error) => error.message,
  );
  expect(/rbxassets: .*needs @rbxassets\/emulator/.test(out), out);
});

// The Vite 6 app: the oldest Vite the plugin supports (whose plugin types are rollup's).
const vite6App = await createApp({
  tarballs,
  dependencies: ["@rbxassets/vite-plugin"],
  devDependencies: [`vite@${versions.vite6}`, registry("typescript"), registry("@types/node")],
});
await copyTemplate("vite-app", vite6App);
await step("Vite 6 app: npm install --engine-strict, no engine warning", () => install(vite6App));
await step("Vite 6 app: strict tsc of src and of vite.config.ts", async () => {
  await tsc(vite6App, "tsconfig.json");
  await tsc(vite6App, "tsconfig.node.json");
});
await step("Vite 6 app: vite build against the emulator", async () => {
  await run("npx", ["vite", "build"], { cwd: vite6App, env: apiEnv() });
  const text = await bundleText(vite6App);
  expect(idsIn(text).size >= 3, `expected 3 asset ids in the bundle, found ${[...idsIn(text)].join(", ")}`);
  return [...idsIn(text)].join(" ");
});

// The core app: the root entry without @types/node, type-checked, then run by Node's type stripping.
const coreApp = await createApp({
  tarballs,
  dependencies: ["@rbxassets/core"],
  devDependencies: [registry("typescript")],
});
await cp(join(templates, "core-app"), coreApp, { recursive: true });
await step("core app: npm install --engine-strict, no engine warning", () => install(coreApp));
await step("core app: @types/node is not installed", async () => {
  expect(!existsSync(join(coreApp, "node_modules/@types/node")), "node_modules/@types/node exists");
});
await step("core app: strict tsc of the root entry with types: []", () =>
  tsc(coreApp, "tsconfig.json").then(() => ""),
);
await step("core app: src/main.ts, run by Node's type stripping, uploads a PNG to the emulator", async () => {
  const png = await readFile(join(assets, "images/logo.png"));
  const { uploadOne } = await import(pathToFileURL(join(coreApp, "src/main.ts")).href);
  const userId = creator().split(":")[1];
  return uploadOne(emulator.url, emulator.apiKey, new Uint8Array(png), userId);
});

// The client alone: `npm install @rbxassets/core` and nothing else (no TypeScript, unlike the core app).
const clientApp = await createApp({ tarballs, dependencies: ["@rbxassets/core"] });
await step(
  "client-only app: npm install @rbxassets/core is under 10 MB, with no sharp or chokidar",
  async () => {
    await install(clientApp);
    for (const heavy of ["sharp", "@img", "chokidar"]) {
      expect(!existsSync(join(clientApp, "node_modules", heavy)), `node_modules/${heavy} exists`);
    }
    const { packages, bytes } = await measureInstall(clientApp);
    expect(bytes < 10e6, `node_modules is ${(bytes / 1e6).toFixed(1)} MB`);
    return `${packages} packages, ${(bytes / 1e6).toFixed(1)} MB`;
  },
);
await step("core app: processing without sharp fails in one line naming it", async () => {
  await cp(join(templates, "core-app/no-sharp.mjs"), join(coreApp, "no-sharp.mjs"));
  const out = (await run("node", ["no-sharp.mjs"], { cwd: coreApp, env: apiEnv() })).trim();
  expect(/^missing-dependency: assets\/icon\.svg: .*needs sharp.*npm install sharp@/.test(out), out);
  expect(!out.includes("\n"), `more than one line: ${out}`);
  return out;
});

// The CommonJS app: require() of every package and subpath entry, on the floor.
const ours = [...tarballs.keys()];
const cjsApp = await createApp({
  tarballs,
  dependencies: ours,
  devDependencies: [registry("typescript"), registry("@types/node")],
  fields: { type: "commonjs" },
});
await cp(join(templates, "cjs-app"), cjsApp, { recursive: true });
await step("CommonJS app: npm install --engine-strict, no engine warning", () => install(cjsApp));
await step("CommonJS app: require() of every package and subpath entry", async () => {
  const out = await run("node", ["require-all.cjs", ...ours], { cwd: cjsApp });
  return `${out.trim().split("\n").length} entries`;
});
await step('CommonJS app: strict tsc with "module": "nodenext" of the entries, as the READMEs say', () =>
  tsc(cjsApp, "tsconfig.json").then(() => ""),
);

// A Vite app without "type": "module": Vite loads its vite.config.ts as CommonJS.
const untypedViteApp = await createApp({
  tarballs,
  dependencies: ["@rbxassets/vite-plugin"],
  devDependencies: [registry("vite"), registry("typescript"), registry("@types/node")],
  fields: { type: undefined },
});
await copyTemplate("vite-app", untypedViteApp);
await step('Vite app without "type": npm install --engine-strict, no engine warning', () =>
  install(untypedViteApp),
);
await step('Vite app without "type": vite build against the emulator', async () => {
  const pkg = await readJson(join(untypedViteApp, "package.json"));
  expect(pkg.type === undefined, `package.json has "type": ${pkg.type}`);
  await run("npx", ["vite", "build"], { cwd: untypedViteApp, env: apiEnv() });
  const text = await bundleText(untypedViteApp);
  expect(idsIn(text).size >= 3, `expected 3 asset ids in the bundle, found ${[...idsIn(text)].join(", ")}`);
  return [...idsIn(text)].join(" ");
});

// The webpack app: @rbxassets/unplugin with webpack 5 and a CommonJS config, against the emulator.
const unpluginDev = (await readJson(join(repoRoot, "packages/unplugin/package.json"))).devDependencies;
const webpackApp = await createApp({
  tarballs,
  dependencies: ["@rbxassets/unplugin", "@rbxassets/rollup-plugin", `webpack@${unpluginDev.webpack}`],
  devDependencies: [registry("typescript"), registry("@types/node")],
});
await copyTemplate("webpack-app", webpackApp);
await step("webpack app: npm install --engine-strict, no engine warning", () => install(webpackApp));
await step("webpack app: no rollup, rolldown, rspack or esbuild installed", async () => {
  for (const absent of ["rollup", "rolldown", "@rspack/core", "esbuild"]) {
    expect(!existsSync(join(webpackApp, "node_modules", absent)), `node_modules/${absent} exists`);
  }
});
await step("webpack app: strict tsc of every plugin entry's types, the Rollup plugin's included", () =>
  tsc(webpackApp, "tsconfig.json").then(() => ""),
);
await step("webpack app: a CommonJS webpack config builds against the emulator", async () => {
  await run("node", ["build.cjs"], { cwd: webpackApp, env: apiEnv() });
  const text = await bundleText(webpackApp);
  expect(idsIn(text).size >= 2, `expected 2 asset ids in the bundle, found ${[...idsIn(text)].join(", ")}`);
  expect(!text.includes(emulator.apiKey), "the API key is in the bundle");
  const manifest = await readJson(join(webpackApp, "dist/rbxassets.json"));
  expect(Object.keys(manifest).length >= 2, `manifest: ${JSON.stringify(manifest)}`);
  return [...idsIn(text)].join(" ");
});

await emulator?.close();
await rm(work, { recursive: true, force: true });
for (const dir of [viteApp, rollupApp, vite6App, coreApp, clientApp, cjsApp, untypedViteApp, webpackApp]) {
  await rm(dir, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.log(`pack check: ${failures.length} failed: ${failures.join("; ")}`);
  process.exit(1);
}
console.log("pack check: all passed");
