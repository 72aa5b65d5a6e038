// `rbxassets sync` in a real project: what the walk enters and what it says.
import { execFileSync } from "node:child_process";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { json, runCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png } from "./helpers/files.js";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

test("a bare sync in a git project skips .gitignore'd output, node_modules and .git, and says nothing of source files", async () => {
  const root = await makeProject({
    ".gitignore": "dist/\n*.log\n",
    "assets/icon.png": png(41),
    "assets/ui/button.png": png(42),
    "dist/assets/icon-3f2a.png": png(43),
    "dist/index.js": "console.log(1);\n",
    "node_modules/some-lib/logo.png": png(44),
    "src/main.js": "export {};\n",
    "src/types.ts": "export {};\n",
    "package.json": "{}\n",
    "debug.png.log": "x",
  });
  execFileSync("git", ["init", "-q", root]);
  const creates = emulator.stats().creates;
  const result = await runCli(["sync", "--json"], { cwd: root, env: cliEnv(emulator) });
  expect(result.code, result.stderr).toBe(0);
  const report = json<{ uploaded: { file: string }[]; skipped: unknown[] }>(result);
  expect(report.uploaded.map((a) => a.file).sort()).toEqual(["assets/icon.png", "assets/ui/button.png"]);
  expect(report.skipped).toEqual([]);
  expect(emulator.stats().creates).toBe(creates + 2);
  expect(result.stderr).not.toMatch(/skipped|not an uploadable|\.js|\.ts|dist|node_modules/);
});
