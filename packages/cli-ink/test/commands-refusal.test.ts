// An account-level refusal stops `rbxassets sync` at once: the built binary against the emulator, for each
// cause. One line names the cause and the fix in the CLI's terms, the files never sent are counted as not
// attempted (not listed as failures), the exit is non-zero, and what the lockfile held is kept.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { json, runCli, SECRET_KEY } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png, writeProjectFiles } from "./helpers/files.js";

/** The pipeline's default: the most uploads in flight, so the most writes sent before the first refusal. */
const CONCURRENCY = 16;
const FILES = 40;

let emulator: RunningEmulator;
let moderated: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  moderated = await startTestEmulator({ accountModerated: true });
});

afterAll(async () => {
  await Promise.all([emulator?.close(), moderated?.close()]);
});

function writes(server: RunningEmulator): number {
  const { requests } = server.stats();
  return (requests.Assets_CreateAsset ?? 0) + (requests.Assets_UpdateAsset ?? 0);
}

/** A project with two files synced with the good key, then FILES new ones. */
async function projectWithHistory(server: RunningEmulator): Promise<{ root: string; lock: string }> {
  const root = await makeProject({ "old/a.png": png(1), "old/b.png": png(2) });
  const first = await runCli(["sync"], { cwd: root, env: cliEnv(server) });
  expect(first.code, first.stderr).toBe(0);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < FILES; i++) files[`new/${String(i).padStart(2, "0")}.png`] = png(200 + i);
  await writeProjectFiles(root, files);
  return { root, lock: await readFile(join(root, "rbxassets.lock.json"), "utf8") };
}

interface Report {
  unchanged: { file: string }[];
  failed: unknown[];
  notAttempted: string[];
  refusal?: { reason: string; files: string[] };
}

describe("sync stops at the first account-level refusal", () => {
  test.each([
    [
      "a wrong key (401)",
      () => emulator,
      { RBXASSETS_API_KEY: `${SECRET_KEY}-wrong` },
      "invalid-key",
      /^rbxassets: the API key was refused \(401: Invalid API Key\); \d+ files not attempted — check RBXASSETS_API_KEY \(or --api-key-file\): the key is wrong, expired or revoked$/,
    ],
    [
      "a creator the key may not write for (403)",
      () => emulator,
      { RBXASSETS_CREATOR: "group:999" },
      "creator-not-allowed",
      /^rbxassets: the API key may not create assets for group:999 \(403: .+\); \d+ files not attempted — set RBXASSETS_CREATOR \(or --creator\) to the key's owner, or use a key of group:999 with asset write permission \(--api-key-file\)$/,
    ],
    [
      "a moderated account (User is moderated)",
      () => moderated,
      {},
      "user-moderated",
      /^rbxassets: the account that owns the API key is moderated \(403: User is moderated\.?\); \d+ files not attempted — no upload can succeed until the account's moderation ends; files in the lockfile still sync$/,
    ],
  ])(
    "%s: one line with the cause and the fix, the rest not attempted, exit 1",
    async (_, server, env, reason, line) => {
      const target = server();
      // The moderated emulator refuses every write, so its history is made on the good one's twin project.
      const { root, lock } = await projectWithHistory(target === moderated ? emulator : target);
      const before = writes(target);
      const result = await runCli(["sync", "--json"], { cwd: root, env: cliEnv(target, env) });
      expect(result.code).toBe(1);
      const sent = writes(target) - before;
      expect(sent).toBeGreaterThan(0);
      expect(sent).toBeLessThanOrEqual(CONCURRENCY);
      const report = json<Report>(result);
      expect(report.refusal?.reason).toBe(reason);
      expect(report.failed).toEqual([]);
      // The lockfile answers for its creator only: for another creator the old files need requests too.
      const hits =
        (env as Record<string, string>).RBXASSETS_CREATOR === undefined ? ["old/a.png", "old/b.png"] : [];
      expect(report.unchanged.map((a) => a.file)).toEqual(hits);
      const needed = FILES + 2 - hits.length;
      expect(report.notAttempted.length + (report.refusal?.files.length ?? 0)).toBe(needed);

      const stderr = result.stderr.trimEnd().split("\n");
      const closing = stderr.filter((l) => l.startsWith("rbxassets:"));
      expect(closing, result.stderr).toHaveLength(1);
      expect(closing[0]).toMatch(line);
      expect(closing[0]).toContain(`; ${report.notAttempted.length} files not attempted — `);
      // Besides it only the scan's line and the lockfile hits: none per refused or unsent file.
      const others = stderr.filter((l) => !l.startsWith("rbxassets:")).map((l) => l.split(" ")[0]);
      expect(others, result.stderr).toEqual(["found", ...hits.map(() => "unchanged")]);
      // Nothing the lockfile held is lost.
      expect(await readFile(join(root, "rbxassets.lock.json"), "utf8")).toBe(lock);

      const human = await runCli(["sync"], { cwd: root, env: cliEnv(target, env) });
      expect(human.code).toBe(1);
      expect(human.stdout).toMatch(/, \d+ refused, \d+ not attempted in \d+\.\ds$/m);
    },
  );
});
