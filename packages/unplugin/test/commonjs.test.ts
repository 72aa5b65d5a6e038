// A webpack config is usually CommonJS: `require("@rbxassets/unplugin/webpack")` (and every other entry)
// loads through Node's require(esm), and a CommonJS build script builds with it against the emulator.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { idsIn, lockfileIds, useEmulator } from "./helpers.js";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const run = promisify(execFile);
const ctx = useEmulator();

test("require() of every entry gives a default export that makes a plugin", async () => {
  const script = `
    for (const entry of ["", "/webpack", "/rspack", "/esbuild", "/rolldown"]) {
      const loaded = require("@rbxassets/unplugin" + entry);
      const make = entry === "" ? loaded.createRollupPlugin : loaded.default;
      const plugin = make({ root: process.cwd() });
      console.log(entry || ".", typeof make, typeof (plugin.apply ?? plugin.setup ?? plugin.load));
    }
  `;
  // The package's own folder: Node resolves a package's own name through its "exports" (self-reference).
  const { stdout } = await run(process.execPath, ["-e", script], { cwd: packageDir });
  expect(stdout.trim().split("\n")).toEqual([
    ". function function",
    "/webpack function function",
    "/rspack function function",
    "/esbuild function function",
    "/rolldown function function",
  ]);
});

test("a CommonJS webpack build script builds the app with the ids", async () => {
  const root = await ctx.project();
  await writeFile(join(root, "src/main.js"), 'export { default as red } from "./images/red.png";\n');
  const resolveFrom = (id: string) => JSON.stringify(require.resolve(id, { paths: [packageDir] }));
  await writeFile(
    join(root, "build.cjs"),
    `const webpack = require(${resolveFrom("webpack")});
const rbxassets = require(${resolveFrom("@rbxassets/unplugin/webpack")}).default;
webpack({
  mode: "none",
  context: __dirname,
  entry: "./src/main.js",
  output: { path: require("node:path").join(__dirname, "dist") },
  plugins: [rbxassets()],
}).run((error, stats) => {
  if (error || stats.hasErrors()) { console.error(error ?? stats.toString("errors-only")); process.exit(1); }
  console.log(require("node:fs").readFileSync(require("node:path").join(__dirname, "dist/main.js"), "utf8"));
});
`,
  );
  const { stdout } = await run(process.execPath, ["build.cjs"], {
    cwd: root,
    env: { ...process.env, ...ctx.env() },
  });
  expect(idsIn(stdout)).toEqual(await lockfileIds(root));
  expect(idsIn(stdout).size).toBe(1);
});
