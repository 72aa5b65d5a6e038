// The built binary in tmux, for batches: gitignored files kept out of the upload picker, the name field's
// limit and default names, CJK names aligned, check-only totals that agree with the CLI with a broken file,
// a sync with nothing to do, and a server killed mid-sync (said once, with its URL; the batch stops).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getAsset } from "../src/services/assets.js";
import type { ServiceContext } from "../src/services/context.js";
import { listLockedAssets } from "../src/services/lockfile.js";
import { runCli } from "./helpers/cli.js";
import { emulatorEnv, serviceContextFor } from "./helpers/emulator.js";
import { type EmulatorProcess, startEmulatorProcess } from "./helpers/emulator-process.js";
import { makeProject, png } from "./helpers/files.js";
import { skipTmux, TmuxTerminal, tmuxInstalled } from "./helpers/tmux.js";

const LONG = `${"a".repeat(49)} b.png`;
const CJK = "漢字の名前.png";

describe.skipIf(!tmuxInstalled || skipTmux)("the TUI's batches in tmux", () => {
  const term = new TmuxTerminal(`rbxassets-tui-batches-${process.pid}`);
  let emulator: EmulatorProcess;
  let root: string;
  let ctx: ServiceContext;
  let env: Record<string, string>;

  beforeAll(async () => {
    // Operations take a couple of polls: a sync is still running when its server goes away.
    // In a process of its own, to be killed mid-sync.
    emulator = await startEmulatorProcess({ operations: { pendingPolls: 2 } });
    const files: Record<string, Buffer | string> = {
      ".gitignore": "dist/\n",
      "dist/junk.png": png(99),
      "many/broken.png": "this is not a png",
      [LONG]: png(50),
      "b.png": png(51),
      [CJK]: png(52),
    };
    for (let i = 1; i <= 8; i++) files[`many/${String(i).padStart(2, "0")}.png`] = png(i);
    root = await makeProject(files);
    ctx = await serviceContextFor(emulator, root);
    env = emulatorEnv(emulator);
  });

  afterAll(async () => {
    term.kill();
    emulator?.kill();
  });

  test("picker, names, totals, nothing to do, and a server killed mid-sync", {
    timeout: 180_000,
  }, async () => {
    term.start({ cwd: root, env });
    await term.waitFor("What would you like to do?");

    // The picker walks as sync does: dist/ is gitignored, so dist/junk.png is not offered.
    await term.keys("Enter");
    await term.waitFor(/0 of \d+ selected/);
    await term.keys("/");
    await term.type("junk");
    await term.waitFor(/0 of \d+ match/);
    await term.keys("C-u");
    await term.type("b.png");
    await term.keys("Enter");
    await term.waitFor(/2 of \d+ match/);
    await term.keys("Space", "Down", "Space");
    await term.waitFor(/2 of \d+ selected/);
    // Esc clears the kept filter (the whole list is back); only then `/`, or the two read as Alt-/.
    await term.keys("Escape");
    await term.waitFor("many/01.png");
    await term.keys("/");
    await term.type("漢");
    await term.keys("Enter", "Space");
    await term.waitFor(/3 of \d+ selected/);
    await term.keys("Enter");

    // The name field shows its limit; a default name cut from a long file name has no trailing space.
    let shown = await term.waitFor(`Name: ${"a".repeat(49)}`);
    expect(shown).toContain("Up to 50 characters · 49/50");
    for (let i = 0; i < 3; i++) {
      await term.keys("Enter");
      await term.waitFor("Description:");
      await term.keys("Enter");
    }
    shown = await term.waitFor("Ready to upload 3 file(s)");
    // CJK names take two columns a character: the type column stays aligned.
    const rows = shown.split("\n").filter((line) => / Image +"/.test(line));
    expect(rows).toHaveLength(3);
    const columns = rows.map((line) => stringWidth(line.slice(0, line.indexOf(" Image "))));
    expect(new Set(columns).size).toBe(1);
    await term.keys("Enter");
    shown = await term.waitFor("Upload finished", 40_000);
    expect(shown).toContain("3/3 files · 100%");
    const locked = await listLockedAssets(ctx);
    const long = locked.find((entry) => entry.file === LONG);
    expect((await getAsset(ctx, long!.assetId)).displayName).toBe("a".repeat(49));

    // Check only, with a broken file: the TUI's totals are the CLI's.
    await term.keys("Enter");
    await term.waitFor("What would you like to do?");
    await term.chunk("Down", "Enter");
    await term.waitFor("Folder:");
    await term.keys("Enter");
    await term.waitFor("Check only");
    await term.chunk("Down", "Enter");
    shown = await term.waitFor(/files checked · 100%/, 40_000);
    const cli = await runCli(["sync", "--check"], { cwd: root, env });
    const [, upToDate, toUpload, failed, skipped] =
      /(\d+) up to date, (\d+) to upload, (\d+) failed, (\d+) skipped/.exec(cli.stdout)!.map(Number);
    const all = upToDate! + toUpload! + failed! + skipped!;
    expect(shown).toContain(`${all}/${all} files checked · 100%`);
    expect(shown).toMatch(new RegExp(`= ${upToDate} unchanged`));
    expect(shown).toMatch(new RegExp(`✖ ${failed} failed`));
    expect(failed).toBe(1);

    // Upload them, then sync again: nothing to do is a summary, not a line per unchanged file.
    await term.keys("Enter");
    await term.waitFor("What would you like to do?");
    await term.chunk("Enter");
    await term.waitFor("Folder:");
    await term.keys("Enter");
    await term.waitFor("Upload new and changed files");
    await term.keys("Enter");
    await term.waitFor("Sync finished", 60_000);
    term.run("clear-history", "-t", term.session);
    await term.keys("Enter");
    await term.waitFor("What would you like to do?");
    await term.chunk("Enter");
    await term.waitFor("Folder:");
    await term.keys("Enter");
    await term.waitFor("Upload new and changed files");
    await term.keys("Enter");
    shown = await term.waitFor("Sync finished", 60_000);
    expect(shown).toMatch(new RegExp(`0 uploaded · = ${all - 1} unchanged`));
    expect(
      term
        .screen({ history: true })
        .split("\n")
        .filter((line) => line.startsWith("= ")),
    ).toEqual([]);
    // The bar follows the width: 30 cells at 60 columns, 40 again once wider.
    expect(/[█░]+/.exec(shown)?.[0].length).toBe(40);
    term.resize(60, 24);
    await term.waitFor(/^[█░]{30} /m);
    term.resize(100, 24);
    await term.waitFor(/^[█░]{40} /m);
    term.resize(80, 24);

    // A server killed mid-sync: one line naming the URL, the batch stopped, not a failure per file.
    await mkdir(join(root, "more"));
    for (let i = 1; i <= 40; i++) await writeFile(join(root, "more", `${i}.png`), png(200 + i));
    term.run("clear-history", "-t", term.session);
    await term.keys("Enter");
    await term.waitFor("What would you like to do?");
    await term.chunk("Enter");
    await term.waitFor("Folder:");
    await term.keys("C-u");
    await term.type("more");
    await term.keys("Enter");
    await term.waitFor("Upload new and changed files");
    await term.keys("Enter");
    await term.waitFor(/Syncing more\//);
    emulator.kill();
    shown = await term.waitFor("Sync stopped: the API cannot be reached.", 60_000);
    const host = new URL(emulator.url).host;
    const everything = term.screen({ history: true });
    const naming = everything
      .split("\n")
      .filter((line) => line.includes(host) && line.includes("cannot be reached"));
    expect(naming).toHaveLength(1);
    expect(shown).toMatch(/RBXASSETS_API_URL/);
    const failedCount = Number(/✖ (\d+) failed/.exec(shown)?.[1]);
    expect(failedCount).toBeLessThanOrEqual(16);
    expect(Number(/(\d+) more files? not uploaded/.exec(shown)?.[1])).toBeGreaterThanOrEqual(40 - 17);
    expect(everything).not.toContain("Waiting for the rate limit");
    await term.keys("Enter");
    await term.waitFor("What would you like to do?");
    await term.keys("q");
    await term.waitFor("EXIT=0");
  });
});
