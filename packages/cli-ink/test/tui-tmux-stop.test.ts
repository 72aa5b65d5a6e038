// The built binary in tmux: Ctrl-C while uploads are in flight, with operations that take several polls.
// The first Ctrl-C lets the uploads already sent finish and be recorded (and says how many are left); a
// second leaves at once, the journal keeping them for the next run. Either way a plain sync afterwards
// creates nothing again.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { startEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ServiceContext } from "../src/services/context.js";
import { listLockedAssets } from "../src/services/lockfile.js";
import { runCli } from "./helpers/cli.js";
import { emulatorEnv, serviceContextFor } from "./helpers/emulator.js";
import { makeProject, png } from "./helpers/files.js";
import { skipTmux, TmuxTerminal, tmuxInstalled } from "./helpers/tmux.js";

const FILES = 6;

describe.skipIf(!tmuxInstalled || skipTmux)("Ctrl-C with slow operations (tmux)", () => {
  const term = new TmuxTerminal(`rbxassets-tui-stop-${process.pid}`);
  let emulator: RunningEmulator;
  let root: string;
  let ctx: ServiceContext;
  let env: Record<string, string>;

  beforeAll(async () => {
    emulator = await startEmulator({ operations: { pendingPolls: 3 } });
    root = await makeProject({});
    ctx = await serviceContextFor(emulator, root);
    env = emulatorEnv(emulator);
  });

  afterAll(async () => {
    term.kill();
    await emulator?.close();
  });

  /** Files in `folder`, then a TUI sync of it, up to the moment every upload has been sent. */
  async function syncUntilAllSent(folder: string, seed: number): Promise<number> {
    await mkdir(join(root, folder));
    for (let i = 0; i < FILES; i++) await writeFile(join(root, folder, `${i}.png`), png(seed + i));
    const before = emulator.stats().creates;
    term.start({ cwd: root, env });
    await term.waitFor("What would you like to do?");
    await term.chunk("Down", "Enter");
    await term.waitFor("Folder:");
    await term.keys("C-u");
    await term.type(folder);
    await term.keys("Enter");
    await term.waitFor("Upload new and changed files");
    await term.keys("Enter");
    // Every create sent, none settled yet (each operation takes several polls).
    const deadline = Date.now() + 30_000;
    while (emulator.stats().creates < before + FILES) {
      if (Date.now() > deadline) throw new Error(`only ${emulator.stats().creates - before} creates sent`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return before + FILES;
  }

  test("the first Ctrl-C lets sent uploads finish; a second leaves at once; a plain sync creates nothing", async () => {
    // Once: the uploads already sent finish and are recorded, then the app exits with 130.
    const created = await syncUntilAllSent("first", 10);
    await term.keys("C-c");
    await term.waitFor(/\d+ uploads? finishing… ctrl-c again to leave them to the next run/);
    await term.waitFor("EXIT=130", 60_000);
    const locked = await listLockedAssets(ctx);
    expect(locked.filter((entry) => entry.file.startsWith("first/"))).toHaveLength(FILES);

    // Twice: the app leaves at once; the next plain sync settles what was sent, creating nothing again.
    const all = await syncUntilAllSent("second", 40);
    await term.keys("C-c");
    await term.waitFor("finishing… ctrl-c again");
    await term.keys("C-c");
    await term.waitFor("EXIT=130");
    const plain = await runCli(["sync"], { cwd: root, env, timeoutMs: 60_000 });
    expect(plain.code, plain.stderr).toBe(0);
    expect(emulator.stats().creates).toBe(all);
    expect(all).toBe(created + FILES);
    const after = await listLockedAssets(ctx);
    expect(after.filter((entry) => entry.file.startsWith("second/"))).toHaveLength(FILES);
  });
});
