// `rbxassets sync --watch` as a user runs it: the built binary, files added, changed and deleted, then a
// stop in the middle of an upload.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseLockfile } from "@rbxassets/core/node";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli, startCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png } from "./helpers/files.js";

let emulator: RunningEmulator;
/** An emulator whose uploads stay pending for a minute: a stop then lands in the middle of one. */
let slow: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
  slow = await startTestEmulator({ operations: { pendingPolls: 1_000_000, pendingMs: 60_000 } });
});

afterAll(async () => {
  await emulator?.close();
  await slow?.close();
});

/** Resolves with the match once the process's stderr matches `pattern` (after what was seen before). */
function stderrWatcher(child: ReturnType<typeof startCli>["child"]) {
  let text = "";
  let seen = 0;
  const waiters: Array<() => void> = [];
  child.stderr?.on("data", (chunk: string) => {
    text += chunk;
    for (const waiter of waiters) waiter();
  });
  return {
    get text() {
      return text;
    },
    next(pattern: RegExp): Promise<RegExpMatchArray> {
      return new Promise((resolve, reject) => {
        let settled = false;
        const check = () => {
          if (settled) return;
          const match = pattern.exec(text.slice(seen));
          if (match) {
            settled = true;
            seen += (match.index ?? 0) + match[0].length;
            resolve(match);
          } else if (child.exitCode !== null) {
            settled = true;
            reject(new Error(`exited before ${pattern}:\n${text}`));
          }
        };
        waiters.push(check);
        child.on("close", check);
        check();
      });
    },
  };
}

const config = JSON.stringify({
  inputs: { ui: { include: "assets/ui/**/*.png", output: { luau: "src/UI.luau", ts: "src/ui.ts" } } },
});

test("sync --watch: added, changed and deleted files update the modules, one line per change", async () => {
  const root = await makeProject({
    "rbxassets.config.json": config,
    "assets/ui/play.png": png(101),
    "other/not-in-an-input.png": png(109),
  });
  const running = startCli(["sync", "--watch"], { cwd: root, env: cliEnv(emulator), timeoutMs: 90_000 });
  const stderr = stderrWatcher(running.child);
  await stderr.next(/watching ui for changes \(Ctrl-C to stop\)\n/);
  const module = () => readFile(join(root, "src/UI.luau"), "utf8");
  expect(await module()).toMatch(/\tplay = "rbxassetid:\/\/\d+",/);

  await writeFile(join(root, "assets/ui/stop.png"), png(102));
  const added = await stderr.next(/added {5}assets\/ui\/stop\.png -> (rbxassetid:\/\/\d+)\n/);
  await stderr.next(/wrote {5}src\/UI\.luau\n/);
  expect(await module()).toContain(`\tstop = "${added[1]}",`);

  await writeFile(join(root, "assets/ui/play.png"), png(103));
  const changed = await stderr.next(/changed {3}assets\/ui\/play\.png -> (rbxassetid:\/\/\d+)\n/);
  await stderr.next(/wrote {5}src\/UI\.luau\n/);
  expect(await module()).toContain(`\tplay = "${changed[1]}",`);

  // A broken file: one line naming its path once (bug I), with the problem and the fix.
  await writeFile(join(root, "assets/ui/bad.png"), Buffer.from("\x89PNG\r\n\x1a\nnot a png at all"));
  const failed = await stderr.next(/failed {4}(.*)\n/);
  expect(failed[1]).toMatch(/^assets\/ui\/bad\.png: the content is not a valid \.png file .* — re-export/);
  expect(failed[1]!.split("bad.png")).toHaveLength(2);
  await rm(join(root, "assets/ui/bad.png"));
  await stderr.next(/removed {3}assets\/ui\/bad\.png/);

  await rm(join(root, "assets/ui/stop.png"));
  await stderr.next(/removed {3}assets\/ui\/stop\.png \(left the modules\)\n/);
  await stderr.next(/wrote {5}src\/UI\.luau\n/);
  expect(await module()).not.toContain("stop");
  expect(await readFile(join(root, "src/ui.ts"), "utf8")).not.toContain("stop");

  // The input's last file goes: the modules empty out (the watch goes on).
  await rm(join(root, "assets/ui/play.png"));
  await stderr.next(/removed {3}assets\/ui\/play\.png \(left the modules\)\n/);
  await stderr.next(/wrote {5}src\/UI\.luau\n/);
  expect(await module()).toMatch(/\nreturn \{\}\n$/);
  // An empty input syncs nothing (never the whole project).
  const lock = parseLockfile(await readFile(join(root, "rbxassets.lock.json"), "utf8")).assets;
  expect([...lock.keys()].some((file) => file.startsWith("other/"))).toBe(false);

  // Stopped by Ctrl-C: exits as shells report a SIGINT.
  running.child.kill("SIGINT");
  const result = await running.done;
  expect(result.code, stderr.text).toBe(130);
});

test("sync --watch stopped in the middle of an upload leaves a consistent lockfile", async () => {
  const root = await makeProject({ "rbxassets.config.json": config, "assets/ui/play.png": png(111) });
  const synced = await runCli(["sync"], { cwd: root, env: cliEnv(emulator) });
  expect(synced.code, synced.stderr).toBe(0);
  const before = parseLockfile(await readFile(join(root, "rbxassets.lock.json"), "utf8")).assets;

  const running = startCli(["sync", "--watch"], { cwd: root, env: cliEnv(slow), timeoutMs: 90_000 });
  const stderr = stderrWatcher(running.child);
  await stderr.next(/watching ui for changes/);
  const creates = slow.stats().creates;
  await writeFile(join(root, "assets/ui/new.png"), png(112));
  // Stop once the upload is on the wire (its operation stays pending), so the stop lands mid-upload.
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (slow.stats().creates > creates) {
        clearInterval(poll);
        resolve();
      }
    }, 20);
  });
  running.child.kill("SIGKILL");
  await running.done;

  const after = parseLockfile(await readFile(join(root, "rbxassets.lock.json"), "utf8")).assets;
  expect(after.get("assets/ui/play.png")).toEqual(before.get("assets/ui/play.png"));
  // The unfinished upload is either absent or complete; a fresh sync finishes the job.
  const again = await runCli(["sync", "--json"], { cwd: root, env: cliEnv(emulator) });
  expect(again.code, again.stderr).toBe(0);
  expect(await readFile(join(root, "src/UI.luau"), "utf8")).toMatch(/\tnew = "rbxassetid:\/\/\d+",/);
});
