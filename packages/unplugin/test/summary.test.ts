// The build's summary line as a user sees it, from a build script run by Node against the emulator (the
// built package, loaded as commonjs.test.ts loads it): webpack and rspack print it in their stats, as
// webpack-cli does; esbuild on stderr at logLevel "info". Each bundler's own log-level setting hides it, a
// build from the lockfile and a failed build print none, a build that grants counts its grants on the same
// line, and no output holds the key.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify, stripVTControlCharacters } from "node:util";
import { describe, expect, test } from "vitest";
import { SECRET_KEY, useEmulator } from "./helpers.js";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const run = promisify(execFile);
const ctx = useEmulator({ universes: ["1001"] });

const TWO =
  'export { default as red } from "./images/red.png";\nexport { default as crate } from "./models/crate.rbxm";\n';
const LINE = "2 assets uploaded, 0 updated, 0 from the lockfile";

const resolveFrom = (id: string) => JSON.stringify(require.resolve(id, { paths: [packageDir] }));
/** The bundler's own options for this run (`stats` for webpack and rspack, `logLevel` for esbuild). */
const OWN_OPTIONS = "JSON.parse(process.env.BUILD_OPTIONS)";

/** webpack-cli prints the stats as text with the config's `stats` options: so does this script. */
const compilerScript = (bundler: string, entry: string) => `const bundler = require(${resolveFrom(bundler)});
const rbxassets = require(${resolveFrom(`@rbxassets/unplugin/${entry}`)}).default;
const config = {
  mode: "none",
  context: __dirname,
  entry: "./src/main.js",
  output: { path: require("node:path").join(__dirname, "dist") },
  plugins: [rbxassets()],
  ...${OWN_OPTIONS},
};
const compiler = (bundler.rspack ?? bundler)(config);
compiler.run((error, stats) => {
  if (error) throw error;
  console.log(stats.toString(config.stats));
  compiler.close(() => {});
});
`;

const SCRIPTS = {
  webpack: compilerScript("webpack", "webpack"),
  rspack: compilerScript("@rspack/core", "rspack"),
  esbuild: `require(${resolveFrom("esbuild")}).build({
  entryPoints: ["src/main.js"],
  bundle: true,
  outdir: "dist",
  plugins: [require(${resolveFrom("@rbxassets/unplugin/esbuild")}).default()],
  ...${OWN_OPTIONS},
}).catch(() => { process.exitCode = 1; });
`,
};

type Bundler = keyof typeof SCRIPTS;

/** A fresh project with `main` as its entry and the bundler's build script. */
async function project(bundler: Bundler, main: string): Promise<string> {
  const root = await ctx.project();
  await writeFile(join(root, "src/main.js"), main);
  await writeFile(join(root, "build.cjs"), SCRIPTS[bundler]);
  return root;
}

/** Runs the build script; its stdout and stderr together, as a terminal shows them. */
async function build(root: string, ownOptions: Record<string, unknown> = {}): Promise<string> {
  const { stdout, stderr } = await run(process.execPath, ["build.cjs"], {
    cwd: root,
    env: { ...process.env, ...ctx.env(), BUILD_OPTIONS: JSON.stringify(ownOptions) },
  }).catch((failure: { stdout: string; stderr: string }) => failure);
  // Colour as the bundler chooses it (rspack colours its stats where CI is set): the text a person reads.
  const output = stripVTControlCharacters(`${stdout}${stderr}`);
  expect(output).not.toContain(SECRET_KEY);
  return output;
}

describe.each(["webpack", "rspack"] as const)("%s", (bundler) => {
  test("the stats print the summary under the plugin's name; a build from the lockfile prints none", async () => {
    const root = await project(bundler, TWO);
    expect(await build(root)).toContain(`LOG from rbxassets\n<i> ${LINE}\n`);
    const warm = await build(root);
    expect(warm).toContain("compiled successfully");
    expect(warm).not.toContain("LOG from rbxassets");
  });

  test('stats.logging "warn" hides the summary', async () => {
    const root = await project(bundler, TWO);
    const output = await build(root, { stats: { logging: "warn" } });
    expect(output).toContain("compiled successfully");
    expect(output).not.toContain("rbxassets");
    expect(ctx.emulator.stats().creates).toBe(2);
  });
});

describe("esbuild", () => {
  test('logLevel "info" prints the summary on stderr, beside esbuild\'s own; a build from the lockfile prints none', async () => {
    const root = await project("esbuild", TWO);
    const output = await build(root, { logLevel: "info" });
    expect(output).toContain("Done in");
    expect(output).toContain(`[plugin rbxassets] ${LINE}\n`);
    const warm = await build(root, { logLevel: "info" });
    expect(warm).toContain("Done in");
    expect(warm).not.toContain("rbxassets");
  });

  test('the JS API\'s default logLevel ("warning") prints nothing, as esbuild itself', async () => {
    const root = await project("esbuild", TWO);
    expect(await build(root)).toBe("");
    expect(ctx.emulator.stats().creates).toBe(2);
  });
});

test.each(["webpack", "rspack", "esbuild"] as const)(
  "%s: a failed build prints no summary, though its other files were uploaded",
  async (bundler) => {
    const root = await project(bundler, `${TWO}export { default as bad } from "./bad/corrupt.png";\n`);
    const output = await build(root, bundler === "esbuild" ? { logLevel: "info" } : {});
    expect(output).toMatch(/src\/bad\/corrupt\.png: the content is not a valid \.png file/);
    expect(output).not.toMatch(/assets? uploaded/);
    expect(ctx.emulator.stats().creates).toBe(2);
  },
);

test.each(["webpack", "esbuild"] as const)(
  "%s: a build that grants experiences counts its grants on the same line; a warm build prints none",
  async (bundler) => {
    const root = await project(bundler, TWO);
    const grant = { experiences: [1001] };
    const inputs = {
      images: { include: "src/images/red.png", grant },
      models: { include: "src/models/*", grant },
    };
    await writeFile(join(root, "rbxassets.config.json"), JSON.stringify({ inputs }));
    const options = bundler === "esbuild" ? { logLevel: "info" } : {};
    const output = await build(root, options);
    expect(output).toContain(`${LINE}, 2 grants\n`);
    expect(output.match(/grant/g)).toHaveLength(1);
    expect(await build(root, options)).not.toContain("rbxassets");
  },
);
