import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { json, runCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { fbx, makeProject, mp4, png, wav, writeProjectFiles } from "./helpers/files.js";

interface Report {
  uploaded: { file: string; uri: string }[];
  updated: unknown[];
  unchanged: { file: string }[];
  failed: { file: string; reason: string }[];
  pending: string[];
}

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

test("sync uploads new files once, records them, writes modules; --check says when something is pending", async () => {
  const root = await makeProject({ "assets/a.png": png(10), "assets/b.wav": wav(), "assets/m.fbx": fbx(10) });
  const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });

  const before = await cli("sync", "assets", "--check", "--json");
  expect(before.code).toBe(1);
  expect(json<Report>(before).pending.sort()).toEqual(["assets/a.png", "assets/b.wav", "assets/m.fbx"]);
  expect(before.stderr.trimEnd().split("\n").at(-1)).toMatch(/^rbxassets: 3 files to upload/);

  const creates = emulator.stats().creates;
  const synced = await cli("sync", "assets", "--ts", "src/assets.ts", "--luau", "src/Assets.luau", "--json");
  expect(synced.code, synced.stderr).toBe(0);
  const report = json<Report>(synced);
  expect(report.uploaded.map((a) => a.file).sort()).toEqual(["assets/a.png", "assets/b.wav", "assets/m.fbx"]);
  expect(emulator.stats().creates).toBe(creates + 3);

  const lock = JSON.parse(await readFile(join(root, "rbxassets.lock.json"), "utf8")) as { assets: object };
  expect(Object.keys(lock.assets).sort()).toEqual(["assets/a.png", "assets/b.wav", "assets/m.fbx"]);
  const uriOfA = report.uploaded.find((a) => a.file === "assets/a.png")!.uri;
  expect(await readFile(join(root, "src/assets.ts"), "utf8")).toContain(`"assets/a.png": "${uriOfA}"`);
  expect(await readFile(join(root, "src/Assets.luau"), "utf8")).toContain(`["assets/a.png"] = "${uriOfA}"`);

  const after = await cli("sync", "assets", "--check");
  expect(after.code, after.stderr).toBe(0);
  const again = await cli("sync", "assets", "--json");
  expect(again.code).toBe(0);
  expect(json<Report>(again).unchanged).toHaveLength(3);
  expect(emulator.stats().creates).toBe(creates + 3);

  // Human output: a table and a summary line on stdout.
  const human = await cli("sync", "assets");
  expect(human.stdout).toMatch(/^FILE\s+STATUS\s+URI/);
  expect(human.stdout).toMatch(/0 uploaded, 0 updated, 3 unchanged, 0 failed/);
});

test("sync exits 1 when a file fails, and still records the others", async () => {
  const root = await makeProject({ "assets/good.png": png(20), "assets/bad.png": "not a png at all" });
  const result = await runCli(["sync", "--json", "--lockfile", "locks/assets.lock.json"], {
    cwd: root,
    env: cliEnv(emulator),
  });
  expect(result.code).toBe(1);
  const report = json<Report>(result);
  expect(report.failed.map((f) => f.file)).toEqual(["assets/bad.png"]);
  // The JSON failure: the path once in `reason` (bug I), and the problem and the fix as fields.
  const [failure] = report.failed as unknown as { reason: string; problem: string; fix: string }[];
  expect(failure!.reason.split("bad.png")).toHaveLength(2);
  expect(failure!.problem).toMatch(/^the content is not a valid \.png file/);
  expect(failure!.reason).toBe(`assets/bad.png: ${failure!.problem} — ${failure!.fix}`);
  expect(report.uploaded.map((a) => a.file)).toEqual(["assets/good.png"]);
  expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("rbxassets: 1 file failed");
  const lock = JSON.parse(await readFile(join(root, "locks/assets.lock.json"), "utf8")) as { assets: object };
  expect(Object.keys(lock.assets)).toEqual(["assets/good.png"]);

  await writeProjectFiles(root, { "assets/bad.png": png(21) });
  const fixed = await runCli(["sync", "--lockfile", "locks/assets.lock.json"], {
    cwd: root,
    env: cliEnv(emulator),
  });
  expect(fixed.code, fixed.stderr).toBe(0);
});

test("sync refuses a file outside the project root: one line naming it, exit 1, no request, no lockfile entry", async () => {
  const base = await makeProject({ "outside.png": png(50), "app/inside.png": png(51) });
  const root = join(base, "app");
  const creates = emulator.stats().creates;
  const result = await runCli(["sync", "../outside.png"], { cwd: root, env: cliEnv(emulator) });
  expect(result.code).toBe(1);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toContain(
    `failed    ../outside.png: the file is outside the project root ${root} — move it into the project or run from a folder that contains it (-C)`,
  );
  expect(lines.at(-1)).toBe("rbxassets: 1 file failed");
  expect(emulator.stats().creates).toBe(creates);
  const lock = await readFile(join(root, "rbxassets.lock.json"), "utf8").catch(() => "{}");
  expect(lock).not.toContain("outside.png");
});

test("sync progress and summary lines stay whole for file names with control characters", async () => {
  const root = await makeProject({ "ok\nname.png": png(52), "bad\tname.png": "not a png" });
  const result = await runCli(["sync", "."], { cwd: root, env: cliEnv(emulator) });
  expect(result.code).toBe(1);
  const stderr = result.stderr.trimEnd().split("\n");
  expect(stderr).toContainEqual(
    expect.stringMatching(/^uploaded {2}"ok\\nname\.png" -> rbxassetid:\/\/\d+$/),
  );
  expect(stderr).toContainEqual(
    expect.stringMatching(/^failed {4}"bad\\tname\.png": the content is not a valid \.png file/),
  );
  for (const line of stderr) expect(line).toMatch(/^(found|uploaded|failed|rbxassets:) /);
  const stdout = result.stdout.trimEnd().split("\n");
  expect(stdout).toContainEqual(expect.stringMatching(/^"ok\\nname\.png"\s+uploaded\s+rbxassetid/));
  expect(stdout).toContainEqual(expect.stringMatching(/^"bad\\tname\.png"\s+failed/));
  expect(stdout).toHaveLength(4); // header, two rows, counts
});

test("sync takes several paths, folders and files mixed, in sync and in --check", async () => {
  const root = await makeProject({
    "assets/a.png": png(60),
    "assets/deep/b.png": png(61),
    "src/icon.png": png(62),
    "other/c.png": png(63),
    "d.png": png(64),
  });
  const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });

  const check = await cli("sync", "--check", "assets", "src/icon.png", "--json");
  expect(check.code).toBe(1);
  expect(json<Report>(check).pending).toEqual(["assets/a.png", "assets/deep/b.png", "src/icon.png"]);

  const synced = await cli("sync", "assets", "src/icon.png", "--json");
  expect(synced.code, synced.stderr).toBe(0);
  expect(json<Report>(synced).uploaded.map((a) => a.file)).toEqual([
    "assets/a.png",
    "assets/deep/b.png",
    "src/icon.png",
  ]);
  const lock = JSON.parse(await readFile(join(root, "rbxassets.lock.json"), "utf8")) as { assets: object };
  expect(Object.keys(lock.assets).sort()).toEqual(["assets/a.png", "assets/deep/b.png", "src/icon.png"]);

  // Two plain files: neither is joined to the other, and the files not named stay out of the run.
  const two = await cli("sync", "--check", "other/c.png", "d.png", "--json");
  expect(two.code).toBe(1);
  expect(json<Report>(two).pending).toEqual(["d.png", "other/c.png"]);
  const after = await cli("sync", "--check", "assets", "src/icon.png");
  expect(after.code, after.stderr).toBe(0);
});

test("sync --check counts what would happen, not what did, and a failure does not hide what is to upload", async () => {
  const root = await makeProject({ "a.png": png(80), "b.png": png(81), "c.png": png(82) });
  const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });
  expect((await cli("sync", "a.png")).code).toBe(0);
  await writeProjectFiles(root, { "bad.png": "not a png" });

  const check = await cli("sync", "--check");
  expect(check.code).toBe(1);
  const stdout = check.stdout.trimEnd().split("\n");
  expect(stdout).toContainEqual(expect.stringMatching(/^b\.png\s+to upload/));
  expect(stdout).toContainEqual(expect.stringMatching(/^c\.png\s+to upload/));
  expect(stdout).toContainEqual(expect.stringMatching(/^bad\.png\s+failed/));
  expect(stdout.at(-1)).toMatch(
    /^1 up to date, 2 to upload, 1 failed, 0 skipped \(check only: nothing was uploaded\) in \d+\.\ds$/,
  );
  expect(check.stdout).not.toMatch(/uploaded, \d+ updated/);
  expect(check.stderr.trimEnd().split("\n").at(-1)).toBe(
    "rbxassets: 1 file failed the check and 2 files would be uploaded: fix the failures, then run rbxassets sync",
  );
});

test("sync --expected-price lets a video through; without it the reason names the flag", async () => {
  const root = await makeProject({ "intro.mp4": mp4() });
  const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });
  const refused = await cli("sync", "--json");
  expect(refused.code).toBe(1);
  expect(json<Report>(refused).failed.map((f) => f.file)).toEqual(["intro.mp4"]);
  // The fix is worded for this command line, in the report and in the progress line alike.
  const fix = "pass --expected-price <robux> (the most you accept to pay)";
  expect(json<Report>(refused).failed[0]?.reason).toMatch(
    new RegExp(`^intro\\.mp4: video uploads carry a fee.* — ${fix.replace(/[()<>]/g, "\\$&")}$`),
  );
  expect(refused.stderr).toContain(`failed    intro.mp4: video uploads carry a fee`);
  expect(refused.stderr).toContain(fix);
  expect(refused.stderr).not.toContain("videoExpectedPrice");
  const synced = await cli("sync", "--expected-price", "2000", "--json");
  expect(synced.code, synced.stderr).toBe(0);
  expect(json<Report>(synced).uploaded.map((a) => a.file)).toEqual(["intro.mp4"]);
});

test("sync --expected-price reaches a video upload of a project file's input (bug B)", async () => {
  const root = await makeProject({
    "rbxassets.config.json": JSON.stringify({ inputs: { videos: { include: "videos/*.mp4" } } }),
    "videos/intro.mp4": mp4(),
  });
  const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });
  // Below the emulator's fee (2000): refused by the API, so the price did reach the create request.
  const low = await cli("sync", "--expected-price", "1999", "--json");
  expect(low.code).toBe(1);
  expect(json<Report>(low).failed[0]?.reason).toMatch(/fee/);
  expect(json<Report>(low).failed[0]?.reason).not.toMatch(/--expected-price <robux>/);
  const synced = await cli("sync", "--expected-price", "2000", "--json");
  expect(synced.code, synced.stderr).toBe(0);
  expect(json<Report>(synced).uploaded.map((a) => a.file)).toEqual(["videos/intro.mp4"]);
});

test("a rate-limit wait shows on stderr as a wait, once, not as a hang", async () => {
  // Two creates per window, a window of three seconds: the third and fourth files wait for the reset.
  const limited = await startTestEmulator({
    rateLimits: { timeScale: 20, limits: { Assets_CreateAsset: 2 } },
  });
  try {
    const files = Object.fromEntries([0, 1, 2, 3].map((n) => [`f${n}.png`, png(100 + n)]));
    const root = await makeProject(files);
    const result = await runCli(["sync"], { cwd: root, env: cliEnv(limited) });
    expect(result.code, result.stderr).toBe(0);
    const waits = result.stderr.split("\n").filter((line) => line.startsWith("waiting for the rate limit"));
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(waits.length).toBeLessThanOrEqual(2);
    for (const line of waits) expect(line).toMatch(/^waiting for the rate limit \(\d+ s\)$/);
    expect(result.stdout).toMatch(/4 uploaded/);
  } finally {
    await limited.close();
  }
});

test("sync with a wrong key stops at the refusal: non-zero exit, no more creates than the concurrency", async () => {
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 40; i++) files[`assets/r${i}.png`] = png(500 + i);
  const root = await makeProject(files);
  const before = emulator.stats().requests.Assets_CreateAsset ?? 0;
  const result = await runCli(["sync", "assets"], {
    cwd: root,
    env: { ...cliEnv(emulator), RBXASSETS_API_KEY: "rbxassets-wrong-key" },
  });
  expect(result.code).not.toBe(0);
  // The pipeline's default concurrency is 16.
  expect((emulator.stats().requests.Assets_CreateAsset ?? 0) - before).toBeLessThanOrEqual(16);
  expect(result.stderr).not.toContain("rbxassets-wrong-key");
  expect(result.stderr.match(/Invalid API Key/g)?.length).toBe(1);
});

test("sync without credentials names the CLI's ways to give them", async () => {
  const root = await makeProject({ "a.png": png(120) });
  const result = await runCli(["sync", "--json"], {
    cwd: root,
    env: cliEnv(emulator, { RBXASSETS_API_KEY: undefined }),
  });
  expect(result.code).toBe(1);
  expect(json<Report>(result).failed[0]?.reason).toMatch(
    /^a\.png: .* — set RBXASSETS_API_KEY \(or RBXASSETS_OAUTH_TOKEN\) in the environment or \.env, or pass --api-key-file$/,
  );
});

test("sync against an API that does not answer says so per file in plain words, without operation names", async () => {
  const gone = await startTestEmulator();
  await gone.close();
  const root = await makeProject({ "a.png": png(130) });
  const result = await runCli(["sync", "--json"], { cwd: root, env: cliEnv(gone) });
  expect(result.code).toBe(1);
  const reason = json<Report>(result).failed[0]?.reason;
  expect(reason).toMatch(
    /^a\.png: the API did not answer \(ECONNREFUSED, \d+ attempts\) — check RBXASSETS_API_URL \(or --api-url\) and your network, then run again$/,
  );
  expect(result.stderr).not.toMatch(/Assets_\w+/);
});
