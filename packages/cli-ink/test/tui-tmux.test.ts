// The built binary in a real terminal: tmux gives it an 80x24 pseudo-terminal, send-keys types, and
// capture-pane reads the screen. The outcome is checked on the emulator through the API.
import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { startEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getAsset, updateAsset, uploadFile } from "../src/services/assets.js";
import type { ServiceContext } from "../src/services/context.js";
import { emulatorEnv, serviceContextFor } from "./helpers/emulator.js";
import { fbx, makeProject, png } from "./helpers/files.js";
import { skipTmux, TmuxTerminal, tmuxInstalled } from "./helpers/tmux.js";

const term = new TmuxTerminal(`rbxassets-tui-test-${process.pid}`);
const tmux = (...args: string[]) => term.run(...args);
const screen = () => term.screen();
const waitForScreen = (text: string | RegExp, timeoutMs?: number) => term.waitFor(text, timeoutMs);
const keys = (...names: string[]) => term.keys(...names);
const chunk = (...names: string[]) => term.chunk(...names);
const typeText = (text: string) => term.type(text);

/** The TUI's node process: the pane runs a shell, whose child it is. */
function tuiPid(): number {
  const shell = tmux("display-message", "-p", "-t", term.session, "#{pane_pid}").trim();
  const children = spawnSync("cat", [`/proc/${shell}/task/${shell}/children`], { encoding: "utf8" }).stdout;
  const pid = Number(children.trim().split(/\s+/)[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no TUI process under the pane's shell ${shell}`);
  return pid;
}

/** Peak resident memory of a process so far, in MB (VmHWM in /proc/<pid>/status). */
async function peakMemoryMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb / 1024;
}

/** Menu rows on screen: each starts with the focus mark or two spaces, then text. */
function menuRows(shown: string): string[] {
  return shown.split("\n").filter((line) => /^(❯ | {2})\S/.test(line));
}

if (!tmuxInstalled && !skipTmux) {
  test("tmux is installed for the real-terminal test", () => {
    throw new Error(
      "tmux is not installed: install it (apt-get install tmux), or set RBXASSETS_SKIP_TMUX=1 to skip",
    );
  });
}

describe.skipIf(!tmuxInstalled || skipTmux)("the TUI in a real 80x24 terminal (tmux)", () => {
  let emulator: RunningEmulator;
  let ctx: ServiceContext;
  let root: string;
  let modelId: string;
  let tmuxEnv: Record<string, string> = {};

  beforeAll(async () => {
    emulator = await startEmulator({ operations: { pendingPolls: 0, pendingMs: 0 } });
    root = await makeProject({ "sprites/hero.png": png(7), "tree.fbx": fbx(1) });
    ctx = await serviceContextFor(emulator, root);
    // A model with three versions to roll back.
    const created = await uploadFile(ctx, {
      file: "tree.fbx",
      assetType: "Model",
      displayName: "Tree",
      wait: true,
    });
    modelId = created.assetId!;
    for (const n of [2, 3]) {
      await writeFile(join(root, `tree-${n}.fbx`), fbx(n));
      await updateAsset(ctx, modelId, { file: `tree-${n}.fbx`, wait: true });
    }
    tmuxEnv = emulatorEnv(emulator);
    // A private tmux server: its environment is ours (no CI, which would turn prompting off).
    term.start({ cwd: root, env: tmuxEnv });
  });

  afterAll(async () => {
    term.kill();
    await emulator?.close();
  });

  test("uploads a file, rolls back a model, and quits with 0", async () => {
    let shown = await waitForScreen("What would you like to do?");
    expect(shown).toContain("Upload files");
    expect(shown).not.toContain(emulator.apiKey);

    // Upload: pick the png, keep the type, rename it, no description.
    await keys("Enter");
    shown = await waitForScreen("sprites/hero.png");
    expect(shown).toMatch(/sprites\/hero\.png\s+Image/);
    // Files are listed sorted: the png comes first, with the focus.
    expect(shown).toContain("❯ sprites/hero.png");
    await keys("Space");
    await waitForScreen("1 of 4 selected");
    await keys("Enter");
    await waitForScreen("Name: hero");
    await keys("BSpace", "BSpace", "BSpace", "BSpace");
    await typeText("Tmux Hero");
    await keys("Enter");
    await waitForScreen("Description:");
    await keys("Enter");
    await waitForScreen("Ready to upload 1 file(s)");
    await keys("Enter");
    shown = await waitForScreen("Upload finished");
    const heroId = /sprites\/hero\.png → (\d+) Image/.exec(shown)?.[1];
    expect(heroId).toBeDefined();
    await expect(getAsset(ctx, heroId!)).resolves.toMatchObject({
      displayName: "Tmux Hero",
      assetType: "Image",
    });

    // Back home, then Versions and rollback for the model.
    await keys("Enter");
    await waitForScreen("What would you like to do?");
    await keys("Down", "Down", "Down", "Down", "Enter");
    await waitForScreen("Asset id:");
    await typeText(modelId);
    await keys("Enter");
    shown = await waitForScreen("Page 1");
    expect(shown).toMatch(/Version 3\s+Approved\s+user:1\s+\(current\)/);
    await keys("Down", "Down");
    await waitForScreen(/❯ Version 1\s/);
    await keys("Enter");
    await waitForScreen(`Roll back asset ${modelId} to version 1?`);
    await keys("y");
    shown = await waitForScreen("Rolled back");
    expect(shown).toContain("it is now version 4");
    expect(emulator.stats().requests.Assets_RollbackAssetVersion).toBe(1);
    await expect(getAsset(ctx, modelId)).resolves.toMatchObject({ revisionId: "4" });

    // Every line fits the 80-column terminal (tmux would wrap longer ones onto extra rows).
    for (const line of screen().split("\n")) expect(line.length).toBeLessThanOrEqual(80);

    // Esc back home, q quits with 0.
    await keys("Escape");
    await waitForScreen("What would you like to do?");
    await keys("q");
    await waitForScreen("EXIT=0");
    expect(emulator.stats().creates).toBe(2);
  });

  test("a whole session: upload, sync twice, look up, edit, resize and quit, in bounded memory", async () => {
    const project = await makeProject({ "alpha.png": png(11), "beta.png": png(12), "gamma.png": png(13) });
    term.start({ cwd: project, env: tmuxEnv });
    await waitForScreen("What would you like to do?");
    const pid = tuiPid();

    // Upload alpha.png with its default name.
    await keys("Enter");
    await waitForScreen("0 of 3 selected");
    await keys("Space", "Enter");
    await waitForScreen("Name: alpha");
    await keys("Enter");
    await waitForScreen("Description:");
    await keys("Enter");
    await waitForScreen("Ready to upload 1 file(s)");
    await keys("Enter");
    let shown = await waitForScreen("Upload finished");
    const alphaId = /alpha\.png → (\d+) Image/.exec(shown)?.[1];
    expect(alphaId).toBeDefined();

    // Back, then Sync (where Ink 6 ran out of memory): alpha is known from the lockfile.
    await keys("Enter");
    await waitForScreen("What would you like to do?");
    await keys("Down", "Enter");
    await waitForScreen("Folder:");
    await keys("Enter");
    await waitForScreen("Upload new and changed files");
    await keys("Enter");
    shown = await waitForScreen("Sync finished");
    expect(shown).toMatch(/2 uploaded · = 1 unchanged/);
    expect(emulator.stats().creates).toBe(2 + 3);

    // Back, and sync again: nothing left to upload. Home kept its focus on Sync.
    await keys("Enter");
    await waitForScreen("What would you like to do?");
    await keys("Enter");
    await waitForScreen("Folder:");
    await keys("Enter");
    await waitForScreen("Upload new and changed files");
    await keys("Enter");
    shown = await waitForScreen("Sync finished");
    expect(shown).toMatch(/0 uploaded · = 3 unchanged/);
    expect(emulator.stats().creates).toBe(2 + 3);

    // Look up: the id and its Enter in one chunk, as a paste without bracketed paste arrives.
    await keys("Enter");
    await waitForScreen("What would you like to do?");
    await keys("Down", "Enter");
    await waitForScreen("Asset id:");
    await chunk(alphaId!, "Enter");
    await waitForScreen(`alpha #${alphaId}`);

    // Edit metadata: three Backspaces in one chunk, then Ctrl-U and a paste with its Enter.
    await keys("Down", "Enter");
    await waitForScreen("Save (no changes yet)");
    await keys("Enter");
    await waitForScreen("Name: alpha");
    await chunk("BSpace", "BSpace", "BSpace");
    await typeText("ien");
    await keys("Enter");
    await waitForScreen(/Name\s+alien \*/);
    await keys("Down", "Enter");
    await waitForScreen("Description:");
    await typeText("junk");
    await keys("C-u");
    await chunk("A crate", "Enter");
    await waitForScreen("Save 2 changes");
    await keys("Down", "Down", "Down", "Down", "Enter");
    await waitForScreen("✔ Saved");
    await expect(getAsset(ctx, alphaId!, { fields: ["displayName", "description"] })).resolves.toMatchObject({
      displayName: "alien",
      description: "A crate",
    });

    // Back home, and the terminal resized: 60 columns, then 120; no menu row wraps.
    await keys("Escape");
    await waitForScreen(`alien #${alphaId}`);
    await keys("Escape");
    await waitForScreen("What would you like to do?");
    tmux("resize-window", "-t", term.session, "-x", "60", "-y", "24");
    shown = await waitForScreen(/❯ Look up an asset/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    shown = screen();
    for (const line of shown.split("\n")) expect(line.length).toBeLessThanOrEqual(60);
    expect(menuRows(shown)).toHaveLength(9);
    tmux("resize-window", "-t", term.session, "-x", "120", "-y", "30");
    shown = await waitForScreen("Edit metadata (name, description, icon, previews, links)");
    expect(menuRows(shown)).toHaveLength(9);

    // The whole session stayed small (the Ink 6 bug grew the heap to about 4 GB), and q quits with 0.
    const peak = await peakMemoryMb(pid);
    expect(peak).toBeLessThan(400);
    await keys("q");
    shown = await waitForScreen("EXIT=");
    expect(shown).toContain("EXIT=0");
    expect(shown).not.toContain("heap out of memory");
    tmux("resize-window", "-t", term.session, "-x", "80", "-y", "24");
  });

  test("a command run without its asset id opens the TUI where it asks for one", async () => {
    term.start({ cwd: root, env: tmuxEnv, args: ["versions"] });
    await waitForScreen("Asset id:");
    await typeText(modelId);
    await keys("Enter");
    const shown = await waitForScreen("Page 1");
    expect(shown).toMatch(/Version 4\s+Approved\s+user:1\s+\(current\)/);
    await keys("Escape");
    await waitForScreen("What would you like to do?");
    await keys("q");
    await waitForScreen("EXIT=0");
  });
});
