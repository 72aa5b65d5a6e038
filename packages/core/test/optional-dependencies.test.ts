// sharp and chokidar are optional peers of core: a client-only install has neither. Core's built dist is
// copied into an app of its own whose node_modules has core's dependencies but not those two, as
// `npm install @rbxassets/core` gives; asking for processing or watching there fails in one line that
// names what to install, and the client and an upload without processing still work.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestEmulator } from "./helpers/emulator.js";
import { CREATOR, PNG_1X1 } from "./helpers/fixtures.js";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
let app: string;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  app = await mkdtemp(join(tmpdir(), "rbxassets-core-no-sharp-"));
  const installed = join(app, "node_modules", "@rbxassets", "core");
  await mkdir(installed, { recursive: true });
  for (const entry of ["dist", "package.json"])
    await cp(join(packageDir, entry), join(installed, entry), { recursive: true });
  const pkg = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
  };
  expect(Object.keys(pkg.dependencies)).not.toContain("sharp");
  expect(Object.keys(pkg.dependencies)).not.toContain("chokidar");
  for (const name of Object.keys(pkg.dependencies)) {
    const target = join(app, "node_modules", name);
    await mkdir(dirname(target), { recursive: true });
    await symlink(join(packageDir, "node_modules", name), target, "dir");
  }
  await mkdir(join(app, "assets"));
  await writeFile(
    join(app, "assets", "icon.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
  );
  await writeFile(join(app, "assets", "dot.png"), PNG_1X1);
  await writeFile(
    join(app, "rbxassets.config.json"),
    JSON.stringify({ inputs: { ui: { include: "assets/*" } } }),
  );
});

afterAll(async () => {
  await emulator?.close();
  if (app) await rm(app, { recursive: true, force: true });
});

/** Runs an ES module in the app (core resolved from its node_modules) and returns its stdout. */
async function runInApp(code: string): Promise<string> {
  const file = join(app, `run-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, code);
  const { stdout } = await promisify(execFile)(process.execPath, [file], {
    cwd: app,
    env: {
      PATH: process.env.PATH ?? "",
      RBXASSETS_API_URL: emulator.url,
      RBXASSETS_API_KEY: emulator.apiKey,
      RBXASSETS_CREATOR: `user:${CREATOR.userId}`,
    },
  });
  return stdout.trim();
}

test("an SVG (processing needed) fails in one line naming the file and `npm install sharp`", async () => {
  const out = await runInApp(`
    import { createPipeline } from "@rbxassets/core/node";
    const pipeline = createPipeline({ root: process.cwd() });
    try { await pipeline.resolve("assets/icon.svg"); console.log("resolved"); }
    catch (error) { console.log(JSON.stringify({ message: error.message, rule: error.rule, facts: error.facts })); }
  `);
  const error = JSON.parse(out) as { message: string; rule: string; facts: { package: string } };
  expect(error.rule).toBe("missing-dependency");
  expect(error.facts.package).toBe("sharp");
  expect(error.message).toMatch(
    /^assets\/icon\.svg: image processing .* needs sharp, which is not installed — .*npm install sharp@\^0\.35/,
  );
  expect(error.message).not.toContain("\n");
});

test("without processing, a PNG uploads with no sharp installed", async () => {
  const out = await runInApp(`
    import { createPipeline } from "@rbxassets/core/node";
    const pipeline = createPipeline({ root: process.cwd(), processing: { alphaBleed: false } });
    const asset = await pipeline.resolve("assets/dot.png");
    console.log(asset.uri);
  `);
  expect(out).toMatch(/^rbxassetid:\/\/\d+$/);
});

test("watching without chokidar fails in one line naming it", async () => {
  const out = await runInApp(`
    import { loadProject, watchProject } from "@rbxassets/core/node";
    const project = await loadProject(process.cwd());
    const controller = new AbortController();
    try {
      await watchProject({ project, reload: () => loadProject(process.cwd()), sync: async () => ({}), onBatch() {}, onError() {}, signal: controller.signal });
      console.log("watched");
    } catch (error) { console.log(error.message); }
  `);
  expect(out).toMatch(
    /^rbxassets\.config\.json: watching files needs chokidar, which is not installed — .*npm install chokidar@\^5/,
  );
});
