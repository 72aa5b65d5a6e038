// The shell contract: --version, help, no arguments without a terminal, what plain commands load, and the
// emulator command.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BIN, expectOneLineFailure, runCli, startCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";

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
  "grant",
  "quota",
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

test("no arguments without a terminal prints help to stderr, then the one-line reason, and exits 2", async () => {
  const result = await runCli([]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toContain("Usage: rbxassets");
  expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
    "rbxassets: no command given: run one of the commands above",
  );
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
  const { url, apiKey, creator } = JSON.parse(document) as { url: string; apiKey: string; creator: string };
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/assets$/);
  expect(creator).toMatch(/^(user|group):\d+$/);
  const stats = await fetch(new URL("/_emulator/stats", url));
  expect(stats.status).toBe(200);
  const missing = await fetch(`${url}/v1/assets/1`, { headers: { "x-api-key": apiKey } });
  expect(missing.status).toBe(404);
  // Operations take realistic time here (about a second): a fresh upload answers pending.
  const form = new FormData();
  const [kind, id] = creator.split(":");
  form.append(
    "request",
    JSON.stringify({
      assetType: "Image",
      displayName: "Logo",
      creationContext: { creator: kind === "user" ? { userId: id } : { groupId: id } },
    }),
  );
  form.append("fileContent", new Blob([new Uint8Array(png())], { type: "image/png" }), "logo.png");
  const created = await fetch(`${url}/v1/assets`, {
    method: "POST",
    headers: { "x-api-key": apiKey },
    body: form,
  });
  expect(created.status).toBe(200);
  expect(((await created.json()) as { done: boolean }).done).toBe(false);
  cli.child.kill("SIGINT");
  const result = await cli.done;
  expect(result.code).toBe(0);
  expect(result.stderr).toContain("emulator stopped");
});

test("emulator --universe: grants may name that experience, and no other", async () => {
  const cli = startCli(["emulator", "--port", "0", "--universe", "6046911802", "--json"]);
  const [document] = await cli.stdoutMatching(/\{[\s\S]*\}\n/);
  const { url, apiKey } = JSON.parse(document) as { url: string; apiKey: string };
  const grant = (subjectId: string) =>
    fetch(`${new URL(url).origin}/asset-permissions-api/v1/assets/permissions`, {
      method: "PATCH",
      headers: { "x-api-key": apiKey, "content-type": "application/json" },
      body: JSON.stringify({
        subjectType: "Universe",
        subjectId,
        action: "Use",
        requests: [{ assetId: "1" }],
      }),
    });
  expect((await grant("6046911802")).status).toBe(200);
  expect((await grant("42")).status).toBe(400);
  cli.child.kill("SIGINT");
  expect((await cli.done).code).toBe(0);
});

test("emulator human output gives the variables to set", async () => {
  const cli = startCli(["emulator"]);
  const [, url, , creator] = await cli.stdoutMatching(
    /^RBXASSETS_API_URL=(\S+)\nRBXASSETS_API_KEY=(\S+)\nRBXASSETS_CREATOR=(\S+)\n/m,
  );
  expect((await fetch(new URL("/_emulator/stats", url))).status).toBe(200);
  expect(creator).toMatch(/^(user|group):\d+$/);
  cli.child.kill("SIGTERM");
  expect((await cli.done).code).toBe(0);
});

test("emulator --help's example is complete and works as written", async () => {
  const help = await runCli(["emulator", "--help"]);
  const lines = [...help.stdout.matchAll(/^ {2}\$ (.+)$/gm)].map((match) => match[1]!);
  const [serve, use] = lines;
  expect(serve).toBe("rbxassets emulator --port 4010");
  // The first line, run (on a free port instead of 4010: tests never take a fixed port).
  const cli = startCli(["emulator", "--port", "0"]);
  const [printed, url] = await cli.stdoutMatching(/^RBXASSETS_API_URL=(\S+)\n(RBXASSETS_\w+=\S+\n){2}/m);
  try {
    const port = new URL(url!).port;
    // The second line sets every variable the first one prints, to the values it prints.
    const words = use!.replaceAll("4010", port).split(" ");
    const env = Object.fromEntries(
      words
        .filter((word) => /^RBXASSETS_\w+=/.test(word))
        .map((word) => word.split("=", 2) as [string, string]),
    );
    for (const line of printed.trim().split("\n")) {
      const [name, value] = line.split("=", 2) as [string, string];
      expect(env[name], name).toBe(value);
    }
    const command = words.filter((word) => !/^RBXASSETS_\w+=/.test(word));
    expect(command[0]).toBe("rbxassets");
    const cwd = await mkdtemp(join(tmpdir(), "rbxassets-example-"));
    const file = command.find((word) => word.endsWith(".png"));
    if (file) await writeFile(join(cwd, file), png());
    const result = await runCli(command.slice(1), { cwd, env });
    expect(result.code, result.stderr).toBe(0);
  } finally {
    cli.child.kill("SIGTERM");
    await cli.done;
  }
});

test("a failing command prints exactly one line", async () => {
  expectOneLineFailure(await runCli(["get", "not-a-number"]));
});

test("a reader that closes the pipe early ends the output quietly, without an EPIPE crash", async () => {
  const child = spawn(process.execPath, [BIN, "--help"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  // Like `| head -0`: the reader is gone before the first line is written.
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(stderr).not.toMatch(/EPIPE|Unhandled/);
  expect(code).toBe(0);
});
