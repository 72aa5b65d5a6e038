// Bad input fails with one line on stderr, a non-zero exit, and no request; the key never shows.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectOneLineFailure, json, runCli, SECRET_KEY } from "./helpers/cli.js";
import { CREATOR, cliEnv, requestCount, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, mp4, png, rbxm } from "./helpers/files.js";

let emulator: RunningEmulator;
let root: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  root = await makeProject({
    "logo.png": png(),
    "thing.rbxm": rbxm(),
    "intro.mp4": mp4(),
    "notes.txt": "hello",
  });
});

afterAll(async () => {
  await emulator?.close();
});

/** Runs the CLI and checks that it failed in one line without sending a single request. */
async function failsWithoutRequest(args: string[], pattern: RegExp, env = cliEnv(emulator)) {
  const before = requestCount(emulator);
  const result = await runCli(args, { cwd: root, env });
  expectOneLineFailure(result, pattern);
  expect(requestCount(emulator)).toBe(before);
  return result;
}

describe("bad input sends no request", () => {
  test("missing file", async () => {
    await failsWithoutRequest(["upload", "nope.png"], /nope\.png: the file does not exist/);
  });

  test("unsupported file", async () => {
    await failsWithoutRequest(["upload", "notes.txt"], /\.txt files cannot be uploaded/);
  });

  test("unknown --type", async () => {
    const result = await failsWithoutRequest(
      ["upload", "logo.png", "--type", "Sticker"],
      /--type.*Image, Decal/,
    );
    expect(result.code).toBe(2);
  });

  test("a type the file cannot be", async () => {
    await failsWithoutRequest(["upload", "logo.png", "--type", "Audio"], /cannot be uploaded as Audio/);
  });

  test.each([
    [["get", "abc"]],
    [["get", "12a"]],
    [["archive", "-"]],
    [["versions", "x1"]],
    [["version", "123", "zero"]],
    [["rollback", "123", "0"]],
    [["operation", "not an id!"]],
  ])("malformed id: %j", async (args) => {
    await failsWithoutRequest(args, /is not an? (asset id|version number|operation id)/);
  });

  test("unknown --fields", async () => {
    await failsWithoutRequest(["get", "123", "--fields", "displayName,colour"], /unknown field colour/);
  });

  test("--page-size out of range", async () => {
    const result = await failsWithoutRequest(["versions", "123", "--page-size", "51"], /--page-size must be/);
    expect(result.code).toBe(2);
  });

  test("update with nothing to change", async () => {
    await failsWithoutRequest(["update", "123"], /nothing to update/);
  });

  test("update --file with a non-model file", async () => {
    await failsWithoutRequest(["update", "123", "--file", "logo.png"], /only Model content can be updated/);
  });

  test("too many social links", async () => {
    const links = ["github", "twitch", "youtube", "discord"].flatMap((kind) => [
      "--social",
      `${kind}=https://x.y/${kind}`,
    ]);
    await failsWithoutRequest(["update", "123", ...links], /at most 3 social links/);
  });

  test("no credentials names RBXASSETS_API_KEY", async () => {
    await failsWithoutRequest(
      ["get", "123"],
      /RBXASSETS_API_KEY/,
      cliEnv(emulator, { RBXASSETS_API_KEY: undefined }),
    );
    await failsWithoutRequest(
      ["upload", "logo.png"],
      /RBXASSETS_API_KEY/,
      cliEnv(emulator, { RBXASSETS_API_KEY: undefined }),
    );
  });

  test("no creator names RBXASSETS_CREATOR, --creator and the project file's creator", async () => {
    await failsWithoutRequest(
      ["upload", "logo.png"],
      /RBXASSETS_CREATOR \(or pass --creator, or write creator in the project file rbxassets\.config\.\*\)/,
      cliEnv(emulator, { RBXASSETS_CREATOR: undefined }),
    );
  });

  test("a question without a terminal names the flag to pass: .rbxm needs --type", async () => {
    const result = await failsWithoutRequest(
      ["upload", "thing.rbxm"],
      /could be Model or Animation.*pass --type/,
    );
    expect(result.code).toBe(2);
  });

  test("video without --expected-price names the flag", async () => {
    await failsWithoutRequest(["upload", "intro.mp4"], /--expected-price/);
  });

  test("unknown command and unknown option", async () => {
    const command = await failsWithoutRequest(["uplod", "logo.png"], /unknown command 'uplod'/);
    expect(command.code).toBe(2);
    const option = await failsWithoutRequest(["get", "123", "--colour"], /unknown option '--colour'/);
    expect(option.code).toBe(2);
  });
});

describe("credentials", () => {
  let assetId: string;

  beforeAll(async () => {
    const upload = await runCli(["upload", "logo.png", "--wait", "--json"], {
      cwd: root,
      env: cliEnv(emulator),
    });
    expect(upload.code, upload.stderr).toBe(0);
    assetId = json<{ assetId: string }>(upload).assetId;
  });

  test("--api-key-file reads the key from a file; it never appears in output", async () => {
    await writeFile(join(root, "key.txt"), `${SECRET_KEY}\n`);
    const env = cliEnv(emulator, { RBXASSETS_API_KEY: undefined });
    const result = await runCli(["get", assetId, "--api-key-file", "key.txt", "--json"], { cwd: root, env });
    expect(result.code, result.stderr).toBe(0);
    expect(json(result)).toMatchObject({ assetId });
  });

  test("a missing key file fails in one line", async () => {
    await failsWithoutRequest(
      ["get", assetId, "--api-key-file", "missing.txt"],
      /cannot read the API key file missing\.txt/,
    );
  });

  test("a rejected key fails in one line that does not contain it", async () => {
    await writeFile(join(root, "wrong-key.txt"), `${SECRET_KEY}-wrong`);
    const result = await runCli(["get", assetId, "--api-key-file", "wrong-key.txt"], {
      cwd: root,
      env: cliEnv(emulator),
    });
    expectOneLineFailure(result, /HTTP 401/);
    expect(result.stderr).not.toContain("-wrong");
  });

  test("a rejected key: the lookup and the upload give the same fix, naming --api-key-file", async () => {
    const env = cliEnv(emulator, { RBXASSETS_API_KEY: `${SECRET_KEY}-wrong` });
    const fix = "check RBXASSETS_API_KEY (or --api-key-file): the key is wrong, expired or revoked";
    const lookup = await runCli(["get", assetId], { cwd: root, env });
    expectOneLineFailure(lookup, /Invalid API Key \(HTTP 401\)/);
    expect(lookup.stderr).toContain(fix);
    await writeFile(join(root, "fresh.png"), png(90));
    const upload = await runCli(["upload", "fresh.png"], { cwd: root, env });
    // Progress ("uploading …") may come first; the reason is the last line, and the only failure line.
    expect(upload.code).toBe(1);
    expect(upload.stdout).toBe("");
    const lines = upload.stderr.trimEnd().split("\n");
    expect(lines.filter((line) => line.startsWith("rbxassets:"))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^rbxassets: fresh\.png: .*401.*Invalid API Key/);
    expect(lines.at(-1)).toContain(fix);
    expect(upload.stderr).not.toContain("-wrong");
  });

  test("an API that cannot be reached is named by its URL, in plain words, without operation names", async () => {
    const gone = await startTestEmulator();
    await gone.close();
    const result = await runCli(["get", assetId], { cwd: root, env: cliEnv(gone) });
    expectOneLineFailure(result);
    expect(result.stderr).toMatch(
      new RegExp(
        `^rbxassets: cannot reach the API at ${gone.url.replace(/[.]/g, "\\.")} \\(nothing is listening there`,
      ),
    );
    expect(result.stderr).toContain("check RBXASSETS_API_URL (or --api-url)");
    expect(result.stderr).not.toMatch(/Assets_\w+/);
  });

  test(".env in the project root is read; the environment wins over it; flags win over both", async () => {
    const project = await makeProject({
      ".env": `RBXASSETS_API_KEY=${SECRET_KEY}\nRBXASSETS_API_URL=http://127.0.0.1:9/assets\nRBXASSETS_CREATOR=${CREATOR}\n`,
    });
    // Only .env: its URL points nowhere, so this fails to connect...
    const env = { RBXASSETS_API_URL: undefined, RBXASSETS_API_KEY: undefined, RBXASSETS_CREATOR: undefined };
    const dotenvOnly = await runCli(["get", assetId], { cwd: project, env });
    expectOneLineFailure(dotenvOnly);
    // ...the environment's URL wins over .env (the key still comes from .env)...
    const fromEnv = await runCli(["get", assetId, "--json"], {
      cwd: project,
      env: { ...env, RBXASSETS_API_URL: emulator.url },
    });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    // ...and --api-url wins over the environment; --cwd points at the project from elsewhere.
    const fromFlag = await runCli(["get", assetId, "--api-url", emulator.url, "--cwd", project, "--json"], {
      cwd: root,
      env: { ...env, RBXASSETS_API_URL: "http://127.0.0.1:9/assets" },
    });
    expect(fromFlag.code, fromFlag.stderr).toBe(0);
  });
});
