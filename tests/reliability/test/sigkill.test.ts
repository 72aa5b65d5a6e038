// SIGKILL at seeded random points of a real `rbxassets sync` child process, again and again, while
// requests are sent, while operations (which take several polls) are polled, and while the lockfile is
// written: the lockfile always parses, and a clean rerun completes it. Nothing whose answer arrived is
// uploaded twice: the journal keeps each operation id, and the next run polls it and records its result.
// The only uploads that may exist twice are those whose answer never came, and the next run says so for
// each ("may have reached Roblox") before uploading it again.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAssetsClient } from "@rbxassets/core";
import { parseLockfile } from "@rbxassets/core/node";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CLI_BIN, childEnv, runCli } from "./helpers/cli.js";
import { duplicateUploads, env, startTestEmulator, totalRequests } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { record } from "./helpers/results.js";

const FILES = 120;
const KILLS = 14;
/** The pipeline's default concurrency: the most creates in flight, hence the most answers a kill can lose. */
const IN_FLIGHT_BOUND = 16;
/** What a run says of an upload a killed run sent whose answer never came. */
const LOST_ANSWER = /may have reached Roblox/g;
const SEED = 20_240_601;

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let emulator: RunningEmulator;
let root: string;

beforeAll(async () => {
  // Every answer is slowed down a little, so that a sync lasts long enough to be killed many times.
  emulator = await startTestEmulator({
    rateLimits: { timeScale: 60 },
    // Several polls per operation: most of an upload's life is spent being polled, where kills land.
    operations: { pendingPolls: 3 },
    faults: { seed: 1, slowRate: 1, slowMs: 100 },
  });
  root = await mkdtemp(join(tmpdir(), "rbxassets-rel-kill-"));
  await mkdir(join(root, "images"));
  await Promise.all(
    Array.from({ length: FILES }, (_, i) =>
      writeFile(join(root, `images/k-${String(i).padStart(3, "0")}.png`), png(10_000 + i)),
    ),
  );
});

afterAll(async () => {
  await emulator?.close();
  await rm(root, { recursive: true, force: true });
});

const uploadsOf = () => Object.values(emulator.stats().contentUploads).reduce((a, b) => a + b, 0);

async function lockedCount(): Promise<{ count: number; parses: boolean; error?: string }> {
  let text: string;
  try {
    text = await readFile(join(root, "rbxassets.lock.json"), "utf8");
  } catch {
    return { count: 0, parses: true };
  }
  try {
    return { count: parseLockfile(text).assets.size, parses: true };
  } catch (error) {
    return { count: 0, parses: false, error: (error as Error).message };
  }
}

it("survives repeated SIGKILLs at random points: no upload whose answer arrived is uploaded twice", async () => {
  const random = mulberry32(SEED);
  const problems: string[] = [];
  const orphansPerKill: number[] = [];
  let interrupted = 0;
  let lostAnswers = 0;
  let resumed = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    // Killed once this run has finished `uploads` files (so that others are being sent, polled or
    // recorded), plus a random delay: kills land in every phase, not in the start-up.
    const uploads = 1 + Math.floor(random() * 4);
    const delayMs = Math.round(random() * 400);
    const before = { uploads: uploadsOf(), locked: (await lockedCount()).count };
    const child = spawn(process.execPath, [CLI_BIN, "sync", "images"], {
      cwd: root,
      env: childEnv(env(emulator)),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    let timer: NodeJS.Timeout | undefined;
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
      if (!timer && (stderr.match(/^uploaded /gm)?.length ?? 0) >= uploads)
        timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
    });
    const exited = once(child, "close");
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    clearTimeout(timer);
    lostAnswers += stderr.match(LOST_ANSWER)?.length ?? 0;
    resumed += stderr.match(/resumed an upload/g)?.length ?? 0;
    if (signal === "SIGKILL") interrupted++;
    else if (code !== 0) problems.push(`run ${kill} exited ${code} without being killed`);
    // Let the server finish a request whose body had fully arrived before the kill.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const after = await lockedCount();
    if (!after.parses)
      problems.push(
        `after kill ${kill} (${delayMs} ms after ${uploads} uploads) the lockfile does not parse: ${after.error}`,
      );
    // Not yet recorded at this kill: in the journal, for the next run to resume.
    orphansPerKill.push(uploadsOf() - before.uploads - (after.count - before.locked));
  }
  const leftovers = (await readdir(root)).filter((name) => name !== "images");
  const rerun = await runCli(["sync", "images"], { cwd: root, env: env(emulator) });
  lostAnswers += rerun.stderr.match(LOST_ANSWER)?.length ?? 0;
  resumed += rerun.stderr.match(/resumed an upload/g)?.length ?? 0;
  const journal = await readdir(join(root, ".rbxassets", "journal")).catch(() => []);
  if (journal.length > 0) problems.push(`the journal still holds ${journal.join(", ")} after a clean rerun`);
  if (rerun.code !== 0)
    problems.push(`the clean rerun exited ${rerun.code}: ${rerun.stderr.split("\n").at(-2)}`);
  const final = await lockedCount();
  if (final.count !== FILES) problems.push(`the final lockfile has ${final.count} of ${FILES} entries`);

  // Complete: every id exists; a second clean run sends no request at all.
  const lock = parseLockfile(await readFile(join(root, "rbxassets.lock.json"), "utf8"));
  emulator.setFaults(undefined);
  const checker = createAssetsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, env: {} });
  for (const [file, entry] of lock.assets) {
    const asset = await checker.getAsset(entry.assetId);
    if (asset.displayName !== file.slice("images/".length, -".png".length))
      problems.push(`${file}: wrong id`);
  }
  const requestsBefore = totalRequests(emulator.stats());
  const again = await runCli(["sync", "images"], { cwd: root, env: env(emulator) });
  if (again.code !== 0 || totalRequests(emulator.stats()) !== requestsBefore) {
    problems.push("a sync after completion still sent requests");
  }

  const duplicates = duplicateUploads(emulator.stats()).total;
  // Every duplicate is an upload whose answer a kill lost, and each was said aloud before it went again.
  if (duplicates > lostAnswers)
    problems.push(
      `${duplicates} duplicates, but only ${lostAnswers} uploads were said to have lost their answer`,
    );
  if (lostAnswers > KILLS * IN_FLIGHT_BOUND) problems.push(`${lostAnswers} lost answers for ${KILLS} kills`);
  record(import.meta.filename, {
    area: "crash: SIGKILL during sync",
    case: `${FILES} files, operations of 3 polls, \`rbxassets sync\` killed ${KILLS} times in a row (each after 1-4 uploads of its own plus a seeded 0-400 ms), then a clean rerun`,
    runs: KILLS + 2,
    outcome: problems.length === 0 ? "holds" : `FAILS: ${problems.slice(0, 3).join("; ")}`,
    detail:
      `${interrupted} of ${KILLS} runs were killed mid-way (the others had finished); lockfile parsed after every kill ` +
      `(leftover files: ${leftovers.join(", ") || "none"}); uploads not yet recorded at a kill at most ` +
      `${Math.max(...orphansPerKill)}; ${resumed} operations resumed from the journal by the next run (recorded, not uploaded again); ${duplicates} duplicates, each an upload whose answer ` +
      `a kill lost and that the next run said may have reached Roblox (${lostAnswers} said); ` +
      `final ${final.count}/${FILES} ids verified; journal files left: ${journal.length}; a further sync sent no request`,
    duplicates,
    allowed: lostAnswers,
  });
  expect(problems).toEqual([]);
  expect(interrupted).toBeGreaterThan(0);
  // The kills landed while operations were polled: the journal had operations to resume.
  expect(resumed).toBeGreaterThan(0);
});
