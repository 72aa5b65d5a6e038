// `rbxassets grant` and `rbxassets quota`, and the quota check of a sync and of an upload, run as the
// built binary against an emulator in this process.
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CliResult, expectOneLineFailure, json, runCli, SECRET_KEY } from "./helpers/cli.js";
import { CREATOR, cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, mp4, png, wav, writeProjectFiles } from "./helpers/files.js";

let emulator: RunningEmulator;
let root: string;
const ids: string[] = [];

const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });

function ok(result: CliResult): CliResult {
  expect(result.code, result.stderr).toBe(0);
  return result;
}

beforeAll(async () => {
  emulator = await startTestEmulator({
    apiKeys: [SECRET_KEY, { key: "sk-no-grants", scopes: ["asset:read", "asset:write"] }],
    universes: ["6046911802", "7000000001"],
    quotas: [
      { creator: CREATOR, assetType: "Audio", capacity: 10, usage: 10, resetTime: "2099-01-01T00:00:00Z" },
      {
        creator: CREATOR,
        assetType: "Video",
        capacity: 20,
        usage: 3,
        period: "DAY",
        resetTime: "2099-01-01T00:00:00Z",
      },
    ],
  });
  root = await makeProject({ "a.png": png(1), "b.png": png(2) });
  for (const file of ["a.png", "b.png"]) {
    ids.push(json<{ assetId: string }>(ok(await cli("upload", file, "--wait", "--json"))).assetId);
  }
});

afterAll(async () => {
  await emulator?.close();
});

describe("rbxassets grant", () => {
  test("grants several assets to several experiences, and records the grants in the lockfile", async () => {
    const result = ok(
      await cli(
        "grant",
        ids[0]!,
        `rbxassetid://${ids[1]}`,
        "--experience",
        "6046911802",
        "--experience",
        "7000000001",
        "--json",
      ),
    );
    const out = json<{ experiences: { experience: string; successAssetIds: string[]; errors: unknown[] }[] }>(
      result,
    );
    expect(out.experiences).toEqual([
      { experience: "6046911802", successAssetIds: ids, errors: [] },
      { experience: "7000000001", successAssetIds: ids, errors: [] },
    ]);
    const lock = JSON.parse(
      await import("node:fs/promises").then((fs) => fs.readFile(`${root}/rbxassets.lock.json`, "utf8")),
    );
    expect(lock.assets["a.png"].grants).toEqual(["6046911802", "7000000001"]);
  });

  test("lists a refused asset with its reason in words and exits 1", async () => {
    const result = await cli("grant", ids[0]!, "99999", "--experience", "6046911802");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`${ids[0]}\\s+6046911802\\s+granted`));
    expect(result.stdout).toMatch(
      /99999\s+6046911802\s+not granted: the asset does not exist \(yet\) \(AssetNotFound\)/,
    );
    expect(result.stderr.trim()).toBe("rbxassets: 1 grant refused");
  });

  test("an unknown universe: one line naming it, exit 1", async () => {
    const result = await cli("grant", ids[0]!, "--experience", "123");
    expectOneLineFailure(
      result,
      /experience 123: no experience has this universe id — check the universe id/,
    );
    expect(result.code).toBe(1);
  });

  test("a key without asset-permissions:write, or a wrong key: one line with the fix, never the key", async () => {
    const noScope = await runCli(["grant", ids[0]!, "--experience", "6046911802"], {
      cwd: root,
      env: cliEnv(emulator, { RBXASSETS_API_KEY: "sk-no-grants" }),
    });
    expectOneLineFailure(noScope, /may not grant permissions \(HTTP 403\) — add the asset-permissions API/);
    const wrong = await runCli(["grant", ids[0]!, "--experience", "6046911802", "--json"], {
      cwd: root,
      env: cliEnv(emulator, { RBXASSETS_API_KEY: "sk-wrong-key-000" }),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/HTTP 401/);
    expect(`${wrong.stdout}${wrong.stderr}`).not.toContain("sk-wrong-key-000");
  });

  test("usage errors before any request: no --experience, a bad id", async () => {
    expect((await cli("grant", ids[0]!)).code).toBe(2);
    const bad = await cli("grant", "abc", "--experience", "6046911802");
    expectOneLineFailure(bad, /"abc" is not an asset id/);
    expect(bad.code).toBe(2);
    const place = await cli("grant", ids[0]!, "--experience", "place-1");
    expect(place.code).toBe(2);
    expect((await cli("grant", "--help")).stdout).toMatch(/--experience <universeId>/);
  });
});

describe("rbxassets quota", () => {
  test("prints usage, capacity, what is left and the reset time", async () => {
    const result = ok(await cli("quota"));
    expect(result.stdout).toMatch(/Audio\s+10\s+10\s+0\s+month\s+2099-01-01T00:00:00.000Z/);
    expect(result.stdout).toMatch(/Video\s+3\s+20\s+17\s+day/);
    const audio = json<{ creator: string; quotas: { assetType: string; left: number }[] }>(
      ok(await cli("quota", "--type", "Audio", "--json")),
    );
    expect(audio).toMatchObject({ creator: CREATOR, quotas: [{ assetType: "Audio", left: 0 }] });
  });

  test("a group creator is told Roblox publishes no group quotas; an unknown type is a usage error", async () => {
    const group = await runCli(["quota"], {
      cwd: root,
      env: cliEnv(emulator, { RBXASSETS_CREATOR: "group:5" }),
    });
    expectOneLineFailure(group, /Roblox does not publish upload quotas for groups \(group:5\)/);
    const unknown = await cli("quota", "--type", "Sound");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--type "Sound" has no quota type/);
  });
});

describe("sync with grants and quotas", () => {
  test("a sync whose audio does not fit stops before uploading, naming the numbers", async () => {
    const project = await makeProject({ "sfx/click.wav": wav(), "img/c.png": png(7) });
    const run = (...args: string[]) => runCli(args, { cwd: project, env: cliEnv(emulator) });
    const creates = emulator.stats().creates;
    const stopped = await run("sync");
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/quota\s+Audio: 1 to upload, 0 of 10 left \(resets 2099-01-01\)/);
    expect(stopped.stderr.trimEnd().split("\n").at(-1)).toMatch(
      /^rbxassets: user:4242: 1 audio file to upload, 0 left this month \(resets 2099-01-01\); nothing was uploaded — .*--no-quota-check/,
    );
    expect(emulator.stats().creates).toBe(creates);
  });

  test("--no-quota-check past the cap: the service refuses with the wait to the reset, and the batch stops", async () => {
    const project = await makeProject({ "sfx/boom.wav": wav() });
    const result = await runCli(["sync", "--no-quota-check"], { cwd: project, env: cliEnv(emulator) });
    expect(result.code).toBe(1);
    // The emulator's retry-after runs to the reset: the client says the wait instead of sleeping through it.
    expect(result.stderr).toMatch(/asked to wait .*\(until 2099-01-01.* — run it again after 2099-01-01/);
  });

  test("--no-quota-check reads no quota and uploads", async () => {
    const project = await makeProject({ "clips/intro.mp4": mp4() });
    const run = (...args: string[]) => runCli(args, { cwd: project, env: cliEnv(emulator) });
    emulator.resetStats();
    ok(await run("sync", "--no-quota-check", "--expected-price", "2000"));
    expect(emulator.stats().creates).toBe(1);
    expect(emulator.stats().requests.Cloud_ListAssetQuotas ?? 0).toBe(0);
  });

  test("the project file's grant: granted after upload, none sent on a warm run", async () => {
    const project = await makeProject({
      "rbxassets.config.json": JSON.stringify({
        grant: { experiences: [6046911802] },
        inputs: { ui: { include: "ui/*.png" } },
      }),
      "ui/x.png": png(11),
    });
    const run = (...args: string[]) => runCli(args, { cwd: project, env: cliEnv(emulator) });
    const first = ok(await run("sync"));
    expect(first.stderr).toMatch(/granted\s+ui\/x\.png -> experience 6046911802/);
    emulator.resetStats();
    ok(await run("sync"));
    expect(emulator.stats().requests.AssetPermissions_GrantAssetPermissions ?? 0).toBe(0);
    await writeProjectFiles(project, {
      "rbxassets.config.json": JSON.stringify({
        grant: { experiences: [6046911802, 999] },
        inputs: { ui: { include: "ui/*.png" } },
      }),
    });
    const unknown = await run("sync");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/experience 999: no experience has this universe id/);
  });

  test("sync --check fails, with no request, while an experience of the project file is not granted yet", async () => {
    const config = (experiences: number[]) =>
      JSON.stringify({ grant: { experiences }, inputs: { ui: { include: "ui/*.png" } } });
    const project = await makeProject({
      "rbxassets.config.json": config([6046911802]),
      "ui/y.png": png(12),
      "ui/z.png": png(13),
    });
    const run = (...args: string[]) => runCli(args, { cwd: project, env: cliEnv(emulator) });
    ok(await run("sync"));
    ok(await run("sync", "--check"));
    await writeProjectFiles(project, { "rbxassets.config.json": config([6046911802, 7000000001]) });
    emulator.resetStats();
    const check = await run("sync", "--check");
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/2 grants to send \(check only: nothing was uploaded\)/);
    expect(check.stderr.trimEnd().split("\n").at(-1)).toMatch(
      /^rbxassets: 2 grants not recorded in the lockfile: experience 7000000001 for ui\/y\.png, ui\/z\.png: run rbxassets sync$/,
    );
    const asJson = await run("sync", "--check", "--json");
    expect(asJson.code).toBe(1);
    expect(json<{ pendingGrants: { file: string; experience: string }[] }>(asJson).pendingGrants).toEqual([
      expect.objectContaining({ file: "ui/y.png", experience: "7000000001" }),
      expect.objectContaining({ file: "ui/z.png", experience: "7000000001" }),
    ]);
    expect(emulator.stats().requests).toEqual({});
    ok(await run("sync"));
    ok(await run("sync", "--check"));
  });
});

describe("upload and quotas, as sync", () => {
  const QUOTA_LINE = /quota\s+Audio: 1 to upload, 0 of 10 left \(resets 2099-01-01\)/;
  const STOP_LINE =
    /^rbxassets: user:4242: 1 audio file to upload, 0 left this month \(resets 2099-01-01\); nothing was uploaded — .*--no-quota-check/;

  test("an audio file the quota has no room for stops before uploading, with sync's lines, inside or outside the project", async () => {
    const project = await makeProject({ "sfx/click.wav": wav() });
    const outside = await makeProject({ "song.wav": wav() });
    const creates = emulator.stats().creates;
    for (const file of ["sfx/click.wav", `${outside}/song.wav`]) {
      const stopped = await runCli(["upload", file], { cwd: project, env: cliEnv(emulator) });
      expect(stopped.code, stopped.stderr).toBe(1);
      expect(stopped.stderr).toMatch(QUOTA_LINE);
      expect(stopped.stderr.trimEnd().split("\n").at(-1)).toMatch(STOP_LINE);
    }
    const json = await runCli(["upload", "sfx/click.wav", "--json"], { cwd: project, env: cliEnv(emulator) });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({
      rule: "quota",
      exitCode: 1,
      assetType: "Audio",
      toUpload: 1,
      left: 0,
    });
    expect(emulator.stats().creates).toBe(creates);
  });

  test("--no-quota-check reads no quota: the upload is sent and the service refuses it past the cap", async () => {
    const project = await makeProject({ "sfx/boom.wav": wav() });
    emulator.resetStats();
    const result = await runCli(["upload", "sfx/boom.wav", "--no-quota-check"], {
      cwd: project,
      env: cliEnv(emulator),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/asked to wait .*\(until 2099-01-01/);
    expect(emulator.stats().requests.Cloud_ListAssetQuotas ?? 0).toBe(0);
    expect(emulator.stats().requests.Assets_CreateAsset).toBeGreaterThan(0);
  });

  test("a video that fits is uploaded after its quota line; uploaded again, nothing counts and no quota is read", async () => {
    const project = await makeProject({ "clips/intro.mp4": mp4() });
    const run = () =>
      runCli(["upload", "clips/intro.mp4", "--expected-price", "2000"], {
        cwd: project,
        env: cliEnv(emulator),
      });
    emulator.resetStats();
    const first = ok(await run());
    expect(first.stderr).toMatch(/quota\s+Video: 1 to upload, \d+ of 20 left \(resets \d{4}-\d\d-\d\d\)/);
    expect(emulator.stats().creates).toBe(1);
    emulator.resetStats();
    const again = ok(await run());
    expect(again.stderr).not.toMatch(/quota/);
    expect(again.stderr).toMatch(/nothing uploaded: rbxassets\.lock\.json already holds this content/);
    expect(emulator.stats().requests.Cloud_ListAssetQuotas ?? 0).toBe(0);
  });
});
