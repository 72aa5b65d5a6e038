// @rbxassets/emulator is an optional peer of the CLI: an install without it must still run every other
// command, and `rbxassets emulator` must say what to install. The built CLI is copied into an app of its
// own whose node_modules has the CLI's dependencies but no emulator, as `npm install @rbxassets/cli` gives.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type CliResult, expectOneLineFailure } from "./helpers/cli.js";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
let app: string;
let bin: string;

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), "rbxassets-cli-no-emulator-"));
  const installed = join(app, "node_modules", "@rbxassets", "cli");
  await mkdir(installed, { recursive: true });
  for (const entry of ["bin", "dist", "package.json"])
    await cp(join(packageDir, entry), join(installed, entry), { recursive: true });
  const pkg = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  // Each runtime dependency, linked from the workspace's own install (its dependencies resolve from there).
  for (const name of Object.keys(pkg.dependencies)) {
    const target = join(app, "node_modules", name);
    await mkdir(dirname(target), { recursive: true });
    await symlink(join(packageDir, "node_modules", name), target, "dir");
  }
  bin = join(installed, "bin", "rbxassets.js");
});

afterAll(async () => {
  if (app) await rm(app, { recursive: true, force: true });
});

async function run(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      cwd: app,
      env: { PATH: process.env.PATH ?? "", CI: "true" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test("without @rbxassets/emulator installed, `rbxassets emulator` fails in one line naming the package", async () => {
  const result = await run(["emulator", "--port", "0"]);
  expect(result.code).toBe(1);
  expectOneLineFailure(result, /needs @rbxassets\/emulator.*npm install --save-dev @rbxassets\/emulator/);
});

test("under --json, the same failure is a JSON document on stdout naming the package", async () => {
  const result = await run(["emulator", "--port", "0", "--json"]);
  expect(result.code).toBe(1);
  const { error } = JSON.parse(result.stdout) as { error: Record<string, unknown> };
  expect(error).toMatchObject({ rule: "missing-dependency", package: "@rbxassets/emulator", exitCode: 1 });
  expect(result.stderr.trim()).toBe(`rbxassets: ${error.message}`);
});

test("without @rbxassets/emulator installed, other commands still run", async () => {
  const result = await run(["sync", "--help"]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain("sync");
});
