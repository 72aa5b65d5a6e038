// Under --json, every failure prints one JSON document on stdout, `{ "error": { message, rule, ... } }`,
// besides its one line on stderr; the key never shows in either.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CliResult, runCli, SECRET_KEY } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png, rbxm } from "./helpers/files.js";

let emulator: RunningEmulator;
let root: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  root = await makeProject({ "logo.png": png(), "thing.rbxm": rbxm() });
});

afterAll(async () => {
  await emulator?.close();
});

interface ErrorDocument {
  error: { message: string; rule: string; exitCode: number; [fact: string]: unknown };
}

/** The failure's document: stdout is exactly one JSON document whose message is the stderr line's. */
function errorOf(result: CliResult): ErrorDocument["error"] {
  expect(result.code, result.stderr).not.toBe(0);
  const document = JSON.parse(result.stdout) as ErrorDocument;
  expect(Object.keys(document)).toEqual(["error"]);
  expect(document.error.exitCode).toBe(result.code);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines.at(-1)).toBe(`rbxassets: ${document.error.message}`);
  expect(result.stdout).not.toContain(SECRET_KEY);
  return document.error;
}

const run = (args: string[]) => runCli([...args, "--json"], { cwd: root, env: cliEnv(emulator) });

describe("--json failures print { error } on stdout", () => {
  test("get of a missing id", async () => {
    const error = errorOf(await run(["get", "999999999"]));
    expect(error).toMatchObject({ rule: "not-found", status: 404 });
  });

  test("an unknown operation", async () => {
    const error = errorOf(await run(["operation", "9d7a8c7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f"]));
    expect(error).toMatchObject({ rule: "not-found", status: 404 });
  });

  test("init when the project file exists", async () => {
    const dir = await makeProject({ "rbxassets.config.json": "{}" });
    const result = await runCli(["init", "--yes", "--json"], { cwd: dir, env: cliEnv(emulator) });
    const error = errorOf(result);
    expect(error).toMatchObject({ rule: "project-file-exists", file: "rbxassets.config.json" });
    expect(error.message).toMatch(/already exists/);
  });

  test("upload of an .rbxm without --type names the flag", async () => {
    const error = errorOf(await run(["upload", "thing.rbxm"]));
    expect(error.rule).toBe("prompt-required");
    expect(error.flag).toMatch(/^--type (Model\|Animation|Animation\|Model)$/);
    expect(error.exitCode).toBe(2);
  });

  test("bad input caught before any request", async () => {
    const error = errorOf(await run(["get", "abc"]));
    expect(error).toMatchObject({ rule: "invalid-input", exitCode: 2 });
  });

  test("missing credentials", async () => {
    const result = await runCli(["get", "1", "--json"], {
      cwd: root,
      env: { RBXASSETS_API_URL: emulator.url },
    });
    expect(errorOf(result).rule).toBe("credentials");
  });

  test("a project file with problems lists them", async () => {
    const dir = await makeProject({ "rbxassets.config.json": '{"inputs": {"ui": {"include": 3}}}' });
    const result = await runCli(["sync", "--json"], { cwd: dir, env: cliEnv(emulator) });
    const error = errorOf(result);
    expect(error.rule).toBe("project-file");
  });

  test.each([
    [["upload", "logo.png", "--bogus"], "unknownOption"],
    [["upload"], "missingArgument"],
    [["versions", "1", "--page-size", "0"], "invalidArgument"],
    [["upload", "logo.png", "--type", "Sticker"], "invalidArgument"],
    [["frobnicate"], "error"],
  ])("usage error %j", async (args, code) => {
    const error = errorOf(await run(args));
    expect(error).toMatchObject({ rule: "usage", exitCode: 2, code });
  });

  test("without --json, stdout stays empty", async () => {
    const result = await runCli(["get", "999999999"], { cwd: root, env: cliEnv(emulator) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
  });

  test("a failure after a result prints no second document", async () => {
    await writeFile(join(root, "broken.png"), "not a png");
    const result = await run(["sync", "broken.png"]);
    expect(result.code).not.toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });
});

describe("the exit code is the failure's, with or without --json", () => {
  /** The run without --json exits as the run with it, whose document names the same code and `rule`. */
  async function sameBothWays(args: string[], env = cliEnv(emulator)) {
    const plain = await runCli(args, { cwd: root, env });
    const json = await runCli([...args, "--json"], { cwd: root, env });
    expect(plain.stdout, plain.stderr).toBe("");
    expect(json.code, json.stderr).toBe(plain.code);
    return { exit: plain.code, ...errorOf(json) };
  }

  test.each([
    ["a bad asset id", ["get", "abc"], "invalid-input", 2],
    ["an unknown --fields name", ["get", "1", "--fields", "nope"], "invalid-input", 2],
    ["a bad version number", ["version", "1", "x"], "invalid-input", 2],
    ["a bad universe id", ["grant", "1", "--experience", "place-1"], "invalid-input", 2],
    ["an empty name", ["update", "1", "--name", ""], "invalid-input", 2],
    ["flags that do not go together", ["versions", "1", "--all", "--page-token", "x"], "usage", 2],
    ["an .rbxm without --type", ["upload", "thing.rbxm"], "prompt-required", 2],
    ["no command at all", [], "usage", 2],
    ["an asset that does not exist", ["get", "999999999"], "not-found", 1],
    ["an experience that does not exist", ["grant", "1", "--experience", "123"], "grant-experience", 1],
  ])("%s: %j", async (_, args, rule, code) => {
    expect(await sameBothWays(args)).toMatchObject({ rule, exit: code, exitCode: code });
  });

  test("one failure exits alike from every command: no credentials, for a read and for an upload", async () => {
    const env = cliEnv(emulator, { RBXASSETS_API_KEY: undefined });
    for (const args of [
      ["get", "1"],
      ["upload", "logo.png"],
    ]) {
      expect(await sameBothWays(args, env)).toMatchObject({ rule: "credentials", exit: 2, exitCode: 2 });
    }
  });
});
