// SIGKILL at seeded random points of a real `rbxassets sync` child process, 20 times in a row: the lockfile
// always parses, and a clean rerun completes it. Each kill can orphan at most the uploads in flight at that
// moment (the pipeline's concurrency, 16 by default): stored by the server, never recorded.
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

const FILES = 200;
const KILLS = 20;
/** The pipeline's default concurrency: the most files in flight, hence the most a kill can orphan. */
const IN_FLIGHT_BOUND = 16;
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
    operations: { pendingPolls: 1 },
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

it("survives 20 SIGKILLs at random points and completes on a clean rerun", async () => {
  const random = mulberry32(SEED);
  const problems: string[] = [];
  const orphansPerKill: number[] = [];
  let interrupted = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    const delayMs = Math.round(250 + random() * 1250);
    const before = { uploads: uploadsOf(), locked: (await lockedCount()).count };
    const child = spawn(process.execPath, [CLI_BIN, "sync", "images"], {
      cwd: root,
      env: childEnv(env(emulator)),
      stdio: "ignore",
    });
    const exited = once(child, "exit");
    const timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    clearTimeout(timer);
    if (signal === "SIGKILL") interrupted++;
    else if (code !== 0) problems.push(`run ${kill} exited ${code} without being killed`);
    // Let the server finish a request whose body had fully arrived before the kill.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const after = await lockedCount();
    if (!after.parses)
      problems.push(`after kill ${kill} (at ${delayMs} ms) the lockfile does not parse: ${after.error}`);
    const orphans = uploadsOf() - before.uploads - (after.count - before.locked);
    orphansPerKill.push(orphans);
    if (orphans < 0 || orphans > IN_FLIGHT_BOUND) {
      problems.push(`kill ${kill}: ${orphans} uploads not recorded (bound 0..${IN_FLIGHT_BOUND})`);
    }
  }
  const leftovers = (await readdir(root)).filter((name) => name !== "images");
  const rerun = await runCli(["sync", "images"], { cwd: root, env: env(emulator) });
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
  const orphaned = orphansPerKill.reduce((a, b) => a + b, 0);
  if (duplicates > orphaned) problems.push(`${duplicates} duplicates > ${orphaned} orphaned at kills`);
  record(import.meta.filename, {
    area: "crash: SIGKILL during sync",
    case: `${FILES} files, \`rbxassets sync\` killed ${KILLS} times in a row (seeded delays 250-1500 ms), then a clean rerun`,
    runs: KILLS + 2,
    outcome: problems.length === 0 ? "holds" : `FAILS: ${problems.slice(0, 3).join("; ")}`,
    detail:
      `${interrupted} of ${KILLS} runs were killed mid-way (the others had finished); lockfile parsed after every kill ` +
      `(leftover files: ${leftovers.join(", ") || "none"}); uploads orphaned per kill at most ` +
      `${Math.max(...orphansPerKill)} (bound: concurrency ${IN_FLIGHT_BOUND}); duplicates <= uploads orphaned at kills (${orphaned}); ` +
      `final ${final.count}/${FILES} ids verified; a further sync sent no request`,
    duplicates,
    allowed: KILLS * IN_FLIGHT_BOUND,
  });
  expect(problems).toEqual([]);
  expect(interrupted).toBeGreaterThan(0);
});
