// Ctrl-C (SIGINT) and SIGTERM sent to a real `rbxassets sync` child while operations take several polls:
// nothing new starts, every upload the service accepted is finished and recorded, the run says how many
// are finishing and exits as shells expect (130, 143); the next plain sync uploads only the rest. A second
// Ctrl-C exits at once and leaves the journal: the next run resumes it without uploading again.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseLockfile } from "@rbxassets/core/node";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { CLI_BIN, childEnv, runCli } from "./helpers/cli.js";
import { duplicateUploads, env, startTestEmulator } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { record } from "./helpers/results.js";

const FILES = 24;
let emulator: RunningEmulator;
let root: string;
let seed = 50_000;

beforeAll(async () => {
  // Operations stay pending for 3 polls: a signal lands while most uploads are being polled.
  emulator = await startTestEmulator({ operations: { pendingPolls: 3 }, rateLimits: { timeScale: 60 } });
});
afterAll(async () => {
  await emulator?.close();
  if (root) await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = await mkdtemp(join(tmpdir(), "rbxassets-rel-int-"));
  await mkdir(join(root, "images"));
  seed += FILES;
  await Promise.all(
    Array.from({ length: FILES }, (_, i) => writeFile(join(root, `images/i-${i}.png`), png(seed + i))),
  );
  emulator.resetStats();
});

async function locked(): Promise<number> {
  const text = await readFile(join(root, "rbxassets.lock.json"), "utf8").catch(() => "");
  return parseLockfile(text).assets.size;
}

/** Runs `rbxassets sync images` and sends `signals` once the first upload is done (others are in flight). */
async function interrupted(signals: NodeJS.Signals[]) {
  const child = spawn(process.execPath, [CLI_BIN, "sync", "images"], {
    cwd: root,
    env: childEnv(env(emulator)),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let sent = false;
  child.stdout.resume();
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
    if (!sent && /^uploaded /m.test(stderr)) {
      sent = true;
      child.kill(signals[0]);
      // A second signal once the run said what it is finishing.
      if (signals[1]) {
        const again = () => (/finishing…/.test(stderr) ? child.kill(signals[1]) : setTimeout(again, 10));
        again();
      }
    }
  });
  const [code] = (await once(child, "close")) as [number | null];
  return { code, stderr, sent };
}

it.each([
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const)(
  "%s: every upload the service accepted is recorded, and the next sync uploads only the rest",
  async (signal, exit) => {
    const run = await interrupted([signal]);
    expect(run.sent).toBe(true);
    const accepted = emulator.stats().creates;
    const recorded = await locked();
    const problems: string[] = [];
    if (run.code !== exit) problems.push(`exited ${run.code}, not ${exit}`);
    if (!/\d+ uploads? finishing… Ctrl-C again to leave them to the next run/.test(run.stderr))
      problems.push("did not say how many uploads were finishing");
    if (recorded !== accepted) problems.push(`${accepted} uploads accepted, ${recorded} recorded`);
    if (accepted >= FILES) problems.push("the signal came too late: every file was uploaded");
    const rerun = await runCli(["sync", "images"], { cwd: root, env: env(emulator) });
    const duplicates = duplicateUploads(emulator.stats()).total;
    if (rerun.code !== 0) problems.push(`the rerun exited ${rerun.code}`);
    if ((await locked()) !== FILES) problems.push(`the rerun left ${await locked()} of ${FILES} recorded`);
    if (duplicates !== 0) problems.push(`${duplicates} uploads duplicated`);
    record(import.meta.filename, {
      area: "crash: Ctrl-C and SIGTERM",
      case: `${signal} to \`rbxassets sync\` (${FILES} files, operations of 3 polls) after its first upload, then a plain sync`,
      runs: 2,
      outcome: problems.length === 0 ? "holds" : `FAILS: ${problems.join("; ")}`,
      detail: `exit ${run.code}; ${accepted} uploads accepted before the stop, all recorded; the next sync uploaded the other ${FILES - accepted}; ${duplicates} duplicates`,
      duplicates,
      allowed: 0,
    });
    expect(problems).toEqual([]);
  },
);

it("a second Ctrl-C exits at once and leaves the journal: the next run resumes it without uploading again", async () => {
  const run = await interrupted(["SIGINT", "SIGINT"]);
  expect(run.sent).toBe(true);
  const problems: string[] = [];
  if (run.code !== 130) problems.push(`exited ${run.code}, not 130`);
  const rerun = await runCli(["sync", "images"], { cwd: root, env: env(emulator) });
  const resumed = rerun.stderr.match(/resumed an upload/g)?.length ?? 0;
  const lost = rerun.stderr.match(/may have reached Roblox/g)?.length ?? 0;
  const duplicates = duplicateUploads(emulator.stats()).total;
  if (rerun.code !== 0) problems.push(`the rerun exited ${rerun.code}`);
  if ((await locked()) !== FILES) problems.push(`the rerun left ${await locked()} of ${FILES} recorded`);
  if (resumed === 0) problems.push("the rerun resumed nothing from the journal");
  if (duplicates > lost) problems.push(`${duplicates} duplicates, ${lost} said to have lost their answer`);
  record(import.meta.filename, {
    area: "crash: Ctrl-C and SIGTERM",
    case: `Ctrl-C twice during \`rbxassets sync\` (${FILES} files, operations of 3 polls), then a plain sync`,
    runs: 2,
    outcome: problems.length === 0 ? "holds" : `FAILS: ${problems.join("; ")}`,
    detail: `exit ${run.code} at once; the next run resumed ${resumed} operations from the journal (nothing uploaded again for them); ${duplicates} duplicates (uploads whose answer was lost and said so: ${lost})`,
    duplicates,
    allowed: lost,
  });
  expect(problems).toEqual([]);
});

it("Ctrl-C during `rbxassets upload` of a project file: the upload sent is finished and recorded", async () => {
  const child = spawn(process.execPath, [CLI_BIN, "upload", "images/i-0.png"], {
    cwd: root,
    env: childEnv(env(emulator)),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stdout.resume();
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  // Once the service accepted the create (its operation then takes 3 polls).
  const sent = setInterval(() => {
    if (emulator.stats().creates > 0) {
      clearInterval(sent);
      child.kill("SIGINT");
    }
  }, 2);
  const [code] = (await once(child, "close")) as [number | null];
  clearInterval(sent);
  const problems: string[] = [];
  if (code !== 130) problems.push(`exited ${code}, not 130`);
  if (!/1 upload finishing…/.test(stderr)) problems.push(`did not say it was finishing: ${stderr.trim()}`);
  if ((await locked()) !== 1) problems.push("the accepted upload is not recorded");
  if (emulator.stats().creates !== 1) problems.push(`${emulator.stats().creates} creates`);
  record(import.meta.filename, {
    area: "crash: Ctrl-C and SIGTERM",
    case: "Ctrl-C during `rbxassets upload` of a project file (operation of 3 polls), once the create was accepted",
    runs: 1,
    outcome: problems.length === 0 ? "holds" : `FAILS: ${problems.join("; ")}`,
    detail: `exit ${code}; the upload finished and was recorded in the lockfile; 1 create`,
    duplicates: 0,
    allowed: 0,
  });
  expect(problems).toEqual([]);
});
