// Lockfiles in teams, with a real git: two branches that each add assets merge into a valid lockfile holding
// both, through the merge driver (`rbxassets lockfile merge %O %A %B`); without it, the conflict markers git
// leaves are merged by `rbxassets sync` itself, which then uploads nothing already recorded.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseLockfile } from "@rbxassets/core/node";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BIN, runCli } from "./helpers/cli.js";
import { CREATOR, startTestEmulator } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { record } from "./helpers/results.js";

const AREA = "lockfiles in teams (git)";
let emulator: RunningEmulator;
const roots: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ rateLimits: false, operations: { pendingPolls: 0 } });
});
afterAll(async () => {
  await emulator?.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  HOME: tmpdir(),
};

function git(root: string, ...args: string[]): { ok: boolean; out: string } {
  try {
    return {
      ok: true,
      out: execFileSync("git", args, { cwd: root, env: GIT_ENV, encoding: "utf8", stdio: "pipe" }),
    };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

const env = () => ({
  RBXASSETS_API_URL: emulator.url,
  RBXASSETS_API_KEY: emulator.apiKey,
  RBXASSETS_CREATOR: CREATOR,
});

async function sync(root: string) {
  const result = await runCli(["sync", "images"], { cwd: root, env: env() });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** A repo with one synced image on main, a branch `feature` adding two, and main adding two more. */
async function twoBranches(seed: number, driver: boolean): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "rbxassets-rel-git-"));
  roots.push(root);
  git(root, "init", "-q", "-b", "main");
  await execFileSync("mkdir", ["-p", join(root, "images")]);
  await writeFile(join(root, "images/base.png"), png(seed));
  if (driver) {
    await writeFile(join(root, ".gitattributes"), "rbxassets.lock.json merge=rbxassets\n");
    git(
      root,
      "config",
      "merge.rbxassets.driver",
      `"${process.execPath}" "${CLI_BIN}" lockfile merge %O %A %B`,
    );
  }
  await sync(root);
  git(root, "add", "-A");
  git(root, "commit", "-qm", "base");
  git(root, "checkout", "-qb", "feature");
  for (const n of [1, 2]) await writeFile(join(root, `images/feature${n}.png`), png(seed + n));
  await sync(root);
  git(root, "add", "-A");
  git(root, "commit", "-qm", "feature");
  git(root, "checkout", "-q", "main");
  for (const n of [3, 4]) await writeFile(join(root, `images/main${n}.png`), png(seed + n));
  await sync(root);
  git(root, "add", "-A");
  git(root, "commit", "-qm", "main");
  return root;
}

const FILES = [
  "images/base.png",
  "images/feature1.png",
  "images/feature2.png",
  "images/main3.png",
  "images/main4.png",
];

describe(AREA, () => {
  it("merges two branches that each added assets through the driver", async () => {
    const root = await twoBranches(9100, true);
    const merge = git(root, "merge", "-q", "--no-edit", "feature");
    const text = await readFile(join(root, "rbxassets.lock.json"), "utf8");
    const files = [...parseLockfile(text).assets.keys()];
    emulator.resetStats();
    await sync(root);
    const creates = emulator.stats().requests.Assets_CreateAsset ?? 0;
    const holds = merge.ok && JSON.stringify(files) === JSON.stringify(FILES) && creates === 0;
    record(import.meta.filename, {
      area: AREA,
      case: "two branches each add two images and sync; git merge with the driver configured",
      runs: 1,
      outcome: holds
        ? "holds"
        : `FAILS: ${JSON.stringify({ merged: merge.ok, out: merge.out, files, creates })}`,
      detail: `git merge ${merge.ok ? "succeeded" : "failed"}; the lockfile holds all ${files.length} entries; the next sync sent ${creates} creates`,
    });
    expect(merge.out).not.toMatch(/CONFLICT/);
    expect(holds).toBe(true);
  });

  it("without the driver, sync merges the conflict markers itself and uploads nothing recorded", async () => {
    const root = await twoBranches(9200, false);
    const merge = git(root, "merge", "-q", "--no-edit", "feature");
    const conflicted = await readFile(join(root, "rbxassets.lock.json"), "utf8");
    emulator.resetStats();
    const result = await sync(root);
    const creates = emulator.stats().requests.Assets_CreateAsset ?? 0;
    const text = await readFile(join(root, "rbxassets.lock.json"), "utf8");
    const files = [...parseLockfile(text).assets.keys()];
    const said = /conflict markers: merged both sides/.test(result.stdout + result.stderr);
    const holds =
      !merge.ok &&
      /<<<<<<</.test(conflicted) &&
      said &&
      creates === 0 &&
      JSON.stringify(files) === JSON.stringify(FILES);
    record(import.meta.filename, {
      area: AREA,
      case: "the same two branches merged without the driver (conflict markers), then rbxassets sync",
      runs: 1,
      outcome: holds ? "holds" : `FAILS: ${JSON.stringify({ merged: merge.ok, said, creates, files })}`,
      detail: `git left conflict markers; sync said it merged them (one line), sent ${creates} creates and wrote a lockfile of ${files.length} entries without markers`,
    });
    expect(holds).toBe(true);
  });
});
