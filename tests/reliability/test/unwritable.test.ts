// A lockfile that cannot be written (immutable, on a read-only mount, on a full disk): the run stops before
// its first upload with one line naming the file and the reason, and uploads nothing; it never spins on
// the lock. Mounting needs root with CAP_SYS_ADMIN: where the test cannot mount, it skips and says why.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { env, startTestEmulator } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { makeImmutable, mountTmpfs, remountReadOnly, unmount } from "./helpers/mounts.js";
import { record } from "./helpers/results.js";

let emulator: RunningEmulator;
let seed = 90_000;

beforeAll(async () => {
  emulator = await startTestEmulator({ rateLimits: false });
});
afterAll(async () => {
  await emulator?.close();
});

/** A project of 3 new images and an existing lockfile, in `root`. */
async function project(root: string): Promise<void> {
  await mkdir(join(root, "images"), { recursive: true });
  for (let i = 0; i < 3; i++) await writeFile(join(root, `images/u-${i}.png`), png(seed++));
  await writeFile(join(root, "rbxassets.lock.json"), '{\n  "version": 1,\n  "assets": {}\n}\n');
}

/** Syncs and checks: non-zero exit, one error line naming the lockfile and `reason`, nothing uploaded. */
async function expectRefused(root: string, reason: RegExp, area: string): Promise<void> {
  emulator.resetStats();
  const result = await runCli(["sync", "images"], { cwd: root, env: env(emulator), timeoutMs: 30_000 });
  const errors = result.stderr.split("\n").filter((line) => line.startsWith("rbxassets:"));
  const problems: string[] = [];
  if (result.code === 0) problems.push("exited 0");
  if (result.signal) problems.push(`killed by ${result.signal} (it hung)`);
  if (errors.length !== 1) problems.push(`${errors.length} error lines: ${result.stderr.trim()}`);
  else if (!errors[0]!.includes("rbxassets.lock.json") || !reason.test(errors[0]!))
    problems.push(`the error does not name the lockfile and the reason: ${errors[0]}`);
  if (emulator.stats().creates !== 0) problems.push(`${emulator.stats().creates} uploads`);
  record(import.meta.filename, {
    area: "local: unwritable lockfile",
    case: area,
    runs: 1,
    outcome: problems.length === 0 ? "holds" : `FAILS: ${problems.join("; ")}`,
    detail: `exit ${result.code}; ${errors[0] ?? "no error line"}; ${emulator.stats().creates} uploads`,
  });
  expect(problems).toEqual([]);
}

it("an immutable lockfile (chattr +i): one line, nothing uploaded", async (ctx) => {
  const root = await mkdtemp(join(tmpdir(), "rbxassets-rel-ro-"));
  try {
    await project(root);
    const why = await makeImmutable(join(root, "rbxassets.lock.json"));
    if (why) return ctx.skip(why);
    await expectRefused(root, /permission denied|immutable/, "an immutable lockfile (`chattr +i`)");
  } finally {
    await makeImmutable(join(root, "rbxassets.lock.json"), false);
    await rm(root, { recursive: true, force: true });
  }
});

it("a read-only project folder (chattr +i on the folder): one line, nothing uploaded", async (ctx) => {
  const root = await mkdtemp(join(tmpdir(), "rbxassets-rel-ro-"));
  try {
    await project(root);
    const why = await makeImmutable(root);
    if (why) return ctx.skip(why);
    await expectRefused(
      root,
      /permission denied|immutable/,
      "a read-only project folder (`chattr +i` on it: root ignores chmod)",
    );
  } finally {
    await makeImmutable(root, false);
    await rm(root, { recursive: true, force: true });
  }
});

it("a project on a read-only mount: one line, nothing uploaded, no spinning on the lock", async (ctx) => {
  const root = await mkdtemp(join(tmpdir(), "rbxassets-rel-ro-"));
  try {
    const why = await mountTmpfs(root, "1m");
    if (why) return ctx.skip(why);
    await project(root);
    const readOnly = await remountReadOnly(root);
    if (readOnly) return ctx.skip(readOnly);
    await expectRefused(root, /read-only/, "a project on a read-only mount (tmpfs remounted `ro`)");
  } finally {
    await unmount(root);
    await rm(root, { recursive: true, force: true });
  }
});

it("a full disk: one line, nothing uploaded", async (ctx) => {
  const root = await mkdtemp(join(tmpdir(), "rbxassets-rel-full-"));
  try {
    const why = await mountTmpfs(root, "64k");
    if (why) return ctx.skip(why);
    await project(root);
    // Fill what is left of it.
    for (let i = 0; ; i++) {
      try {
        await writeFile(join(root, `filler-${i}`), Buffer.alloc(4096));
      } catch {
        break;
      }
    }
    await expectRefused(root, /disk is full/, "a full disk (a 64 KiB tmpfs, filled)");
  } finally {
    await unmount(root);
    await rm(root, { recursive: true, force: true });
  }
});
