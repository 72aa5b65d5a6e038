// The shell contract: --version, help, no arguments without a terminal, what plain commands load, and the
// emulator command.
import { spawn } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BIN, expectOneLineFailure, runCli, startCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";

const COMMANDS = [
  "upload",
  "get",
  "update",
  "archive",
  "restore",
  "versions",
  "version",
  "rollback",
  "operation",
  "sync",
  "emulator",
];

test("--version prints the package version and nothing else", async () => {
  const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  const result = await runCli(["--version"]);
  expect(result).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
});

test("--help lists every command", async () => {
  const result = await runCli(["--help"]);
  expect(result.code).toBe(0);
  for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command} `);
  expect(result.stdout).toContain("RBXASSETS_API_KEY");
});

test.each(COMMANDS)("%s --help has examples", async (command) => {
  const result = await runCli([command, "--help"]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/Examples:\n {2}\$ rbxassets /);
});

test("no arguments without a terminal prints help to stderr and exits 2", async () => {
  const result = await runCli([]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toContain("Usage: rbxassets");
});

describe("what plain commands load", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
  });

  async function traced(args: string[]): Promise<string[]> {
    const dir = await mkdtemp(join(tmpdir(), "rbxassets-trace-"));
    const file = join(dir, "imports.txt");
    const hook = fileURLToPath(new URL("./helpers/trace-imports.mjs", import.meta.url));
    const env = { ...process.env, ...cliEnv(emulator), TRACE_IMPORTS_FILE: file, CI: "true" };
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", hook, BIN, ...args], { env, stdio: "ignore" });
      child.on("error", reject);
      child.on("close", () => resolve());
    });
    return (await readFile(file, "utf8")).trim().split("\n");
  }

  test("--version imports nothing but node:fs", async () => {
    const urls = await traced(["--version"]);
    expect(urls.filter((url) => !url.startsWith("node:") && !url.endsWith("/bin/rbxassets.js"))).toEqual([]);
  });

  test("a plain command never loads React or Ink", async () => {
    for (const args of [["get", "123"], ["upload", "--help"], []]) {
      const urls = await traced(args);
      expect(urls.some((url) => url.includes("/dist/bin.js"))).toBe(true);
      expect(urls.filter((url) => /\/node_modules\/(\.pnpm\/)?(react|ink|@inkjs)[@/]/.test(url))).toEqual([]);
      expect(urls.filter((url) => url.includes("/dist/tui/"))).toEqual([]);
    }
  });
});

test("emulator prints a base URL that answers, and stops on SIGINT", async () => {
  const cli = startCli(["emulator", "--port", "0", "--json"]);
  const [document] = await cli.stdoutMatching(/\{[\s\S]*\}\n/);
  const { url, apiKey } = JSON.parse(document) as { url: string; apiKey: string };
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/assets$/);
  const stats = await fetch(new URL("/_emulator/stats", url));
  expect(stats.status).toBe(200);
  const missing = await fetch(`${url}/v1/assets/1`, { headers: { "x-api-key": apiKey } });
  expect(missing.status).toBe(404);
  cli.child.kill("SIGINT");
  const result = await cli.done;
  expect(result.code).toBe(0);
  expect(result.stderr).toContain("emulator stopped");
});

test("emulator human output gives the variables to set", async () => {
  const cli = startCli(["emulator"]);
  const [, url] = await cli.stdoutMatching(/^RBXASSETS_API_URL=(\S+)\nRBXASSETS_API_KEY=\S+\n/m);
  expect((await fetch(new URL("/_emulator/stats", url))).status).toBe(200);
  cli.child.kill("SIGTERM");
  expect((await cli.done).code).toBe(0);
});

test("a failing command prints exactly one line", async () => {
  expectOneLineFailure(await runCli(["get", "not-a-number"]));
});
