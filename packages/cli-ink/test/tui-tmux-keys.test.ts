// The built binary in tmux, for what only a real terminal shows: keys that arrive in one chunk, Esc on
// Home, `?` on every screen, NO_COLOR and FORCE_COLOR in what reaches the terminal, footers at 60
// columns, resizing (no stale header copies) and a 10-row terminal.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { startEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { updateAsset, uploadFile } from "../src/services/assets.js";
import { withoutColor } from "../src/tui/no-color.js";
import { emulatorEnv, serviceContextFor } from "./helpers/emulator.js";
import { fbx, makeProject, png } from "./helpers/files.js";
import { skipTmux, TmuxTerminal, tmuxInstalled } from "./helpers/tmux.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The footer's keys: the last line with ` · `, as `key action` pairs. */
function footerKeys(screen: string): string[] {
  const footer = screen
    .split("\n")
    .filter((line) => line.includes(" · ") && !line.startsWith("rbxassets"))
    .at(-1);
  return (footer ?? "").split(" · ").map((hint) => hint.trim().split(" ")[0] ?? "");
}

/** Lines of the app's header on screen (a stale copy after a resize would make two). */
const headers = (screen: string) => screen.split("\n").filter((line) => line.startsWith("rbxassets · "));

describe.skipIf(!tmuxInstalled || skipTmux)("the TUI's keys, help, colours and sizes in tmux", () => {
  const term = new TmuxTerminal(`rbxassets-tui-keys-${process.pid}`);
  let emulator: RunningEmulator;
  let root: string;
  let modelId: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    emulator = await startEmulator({ operations: { pendingPolls: 0, pendingMs: 0 } });
    root = await makeProject({ "crate.png": png(3), "tree.fbx": fbx(1) });
    const ctx = await serviceContextFor(emulator, root);
    await uploadFile(ctx, { file: "crate.png", displayName: "crate", wait: true });
    modelId = (
      await uploadFile(ctx, { file: "tree.fbx", assetType: "Model", displayName: "Tree", wait: true })
    ).assetId!;
    for (const n of [2, 3]) {
      await writeFile(join(root, `tree-${n}.fbx`), fbx(n));
      await updateAsset(ctx, modelId, { file: `tree-${n}.fbx`, wait: true });
    }
    env = emulatorEnv(emulator);
  });

  afterAll(async () => {
    term.kill();
    await emulator?.close();
  });

  test("keys in one chunk, Esc on Home, ? on every screen, NO_COLOR, 60 columns, resizing", {
    timeout: 120_000,
  }, async () => {
    term.start({ cwd: root, env: { ...env, NO_COLOR: "1" } });
    await term.waitFor("What would you like to do?");
    // NO_COLOR: styles (bold, dim, inverse) may reach the terminal, colours never.
    const coloured = term.screen({ escapes: true });
    expect(coloured).toContain("\u001B[");
    expect(withoutColor(coloured)).toBe(coloured);

    // Esc on Home does nothing: no quit, and the next key still works.
    await term.keys("Escape");
    await pause(300);
    await term.keys("Down");
    let shown = await term.waitFor("❯ Sync a folder");
    expect(shown).not.toContain("EXIT=");
    await term.keys("Up");
    await term.waitFor("❯ Upload files");

    // `?` lists the keys of each screen, every key of its footer among them; Esc closes it.
    const helpOn = async (title: string | RegExp) => {
      shown = await term.waitFor(title);
      const keys = footerKeys(shown);
      expect(keys).toContain("?");
      await term.keys("?");
      const help = await term.waitFor("Keys on this screen");
      for (const key of keys) expect(help).toContain(key);
      await term.keys("Escape");
      await term.waitFor(title);
      expect(term.screen()).not.toContain("Keys on this screen");
    };
    await helpOn("What would you like to do?");
    for (const [downs, title] of [
      [0, "0 of 4 selected"],
      [3, "crate.png"],
    ] as const) {
      await term.chunk(...Array(downs).fill("Down"), "Enter");
      await helpOn(title);
      await term.keys("Escape");
      await term.waitFor("What would you like to do?");
    }

    // Down and Enter in one chunk on Home: the second entry (the focus was kept on Browse: go up first).
    await term.chunk("Home");
    await term.waitFor("❯ Upload files");
    await term.chunk("Down", "Enter");
    shown = await term.waitFor("Folder:");
    expect(shown).toContain("Sync a folder");
    // The Ctrl-U hint says what it does; a folder that does not exist is refused at once.
    expect(shown).toContain("ctrl-u delete to start");
    await term.keys("C-u");
    await term.type("nope");
    await term.keys("Enter");
    await term.waitFor('No file or folder "nope"');
    await term.keys("Escape");
    // Home comes back with the focus where it was.
    await term.waitFor("❯ Sync a folder");

    // Versions: Down and Enter in one chunk ask about the version below the one focused before.
    await term.chunk("Down", "Down", "Down", "Enter");
    await term.waitFor("Asset id:");
    await term.type(modelId);
    await term.keys("Enter");
    shown = await term.waitFor("Page 1");
    expect(shown).toMatch(/❯ Version 3\s/);
    await helpOn("Page 1");
    await term.chunk("Down", "Enter");
    await term.waitFor(`Roll back asset ${modelId} to version 2?`);
    await term.keys("n");
    await term.waitFor(/❯ Version 2\s/);

    // 60 columns: the footer drops hints by priority, never esc or `?`; no line wraps.
    term.resize(60, 20);
    shown = await term.waitFor(/esc back · \? help\s*$/m);
    for (const line of shown.split("\n")) expect(line.length).toBeLessThanOrEqual(60);
    expect(footerKeys(shown)).toEqual(expect.arrayContaining(["↑↓", "enter", "esc", "?"]));

    // Narrower, then wider: one header, never a stale copy.
    term.resize(40, 20);
    await pause(400);
    term.resize(80, 20);
    await pause(400);
    shown = await term.waitFor(/❯ Version 2\s/);
    expect(headers(shown)).toHaveLength(1);

    // 10 rows: Home keeps its header on screen.
    await term.keys("Escape");
    await term.waitFor("What would you like to do?");
    term.resize(80, 10);
    await pause(400);
    shown = await term.waitFor("What would you like to do?");
    expect(headers(shown)).toHaveLength(1);
    await term.keys("q");
    await term.waitFor("EXIT=0");

    // FORCE_COLOR brings colours back (NO_COLOR empty counts as unset; set, it would win, as for the plain
    // commands).
    term.start({ cwd: root, env: { ...env, NO_COLOR: "", FORCE_COLOR: "1" } });
    await term.waitFor("What would you like to do?");
    const forced = term.screen({ escapes: true });
    expect(withoutColor(forced)).not.toBe(forced);
    await term.keys("q");
    await term.waitFor("EXIT=0");
  });

  test("init: a name and its Enter in one chunk, a wrong creator said, and the prompt gone once written", async () => {
    const project = await makeProject({ "assets/crate.png": png(4) });
    term.start({ cwd: project, env: { NO_COLOR: "1" }, args: ["init"] });
    await term.waitFor("Which folders hold assets?");
    // The prompt obeys NO_COLOR too.
    const styled = term.screen({ escapes: true });
    expect(withoutColor(styled)).toBe(styled);
    await term.keys("Enter");
    await term.waitFor("Where do the generated modules go?");
    await term.keys("Enter");
    await term.waitFor("Creator (user:<id>");
    // The field starts with the creator from the environment: Ctrl-U deletes it (all before the cursor).
    await term.keys("C-u");
    await term.chunk("bob", "Enter");
    await term.waitFor('"bob" is not a creator');
    // Esc on the last step steps back; Enter comes forward again with the field as it was.
    await term.keys("Escape");
    await term.waitFor("Where do the generated modules go?");
    await term.keys("Enter");
    await term.waitFor("› bob");
    await term.chunk("C-u", "user:7", "Enter");
    const shown = await term.waitFor("EXIT=0");
    expect(shown).not.toContain("Creator (user:<id>");
    expect(shown).not.toContain("enter write the file");
    const written = await readdir(project);
    const file = written.find((name) => name.startsWith("rbxassets.config"));
    expect(await readFile(join(project, file!), "utf8")).toContain("user:7");
  });
});
