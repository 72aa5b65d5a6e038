// The TUI's sync screen driven with keys, against a real emulator: check only, Esc, totals, reruns, Ctrl-C.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { getAsset } from "../src/services/assets.js";
import { listLockedAssets } from "../src/services/lockfile.js";
import { png } from "./helpers/files.js";
import { closeTuiAfterEach, renderApp, setup } from "./helpers/tui-session.js";
import { KEYS, type RenderedApp } from "./tui-helpers.js";

closeTuiAfterEach();
let app: RenderedApp | undefined;

describe("sync", () => {
  test("check only lists what would be uploaded and uploads nothing", async () => {
    const e = await setup({ "a.png": png(1), "b.png": png(2) });
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Check only");
    await app.press(KEYS.down, KEYS.enter);
    const frame = await app.waitFor(/would be uploaded|up to date/);
    expect(frame).toContain("2 files would be uploaded or updated.");
    expect(e.emulator.stats().creates).toBe(0);
  });

  test("a folder typed at once is the folder synced: the project's '.' is shown, not typed after", async () => {
    const e = await setup({ "sub/a.png": png(1), "b.png": png(2) });
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.type("sub");
    await app.press(KEYS.enter);
    await app.waitFor("Sync sub:");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("Sync finished");
    expect(frame).toContain("1/1 files · 100%");
    expect(e.emulator.stats().creates).toBe(1);
  });

  test("Esc during a sync stops it and says what is left to do", async () => {
    // More files than upload slots: a graceful stop lets those sent finish, and the rest are left to do.
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`many/f${i}.png`, png(i + 1)]));
    const e = await setup(files, { operations: { pendingPolls: 2 } });
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Upload new and changed files");
    await app.press(KEYS.enter);
    await app.waitFor(/Syncing many\/f\d+\.png/);
    await app.press(KEYS.escape);
    const frame = await app.waitFor("Sync stopped", 30_000);
    expect(frame).toMatch(/\d+ files? not done: run it again to finish them\./);
    expect(app.exitCode()).toBeUndefined();
    await app.press(KEYS.escape);
    await app.waitFor("What would you like to do?");
  });

  test("files that are not assets count in the total, so it never reads more done than there are", async () => {
    // A path named outright that is no asset is reported as skipped (a folder's walk passes over such files).
    const e = await setup({ "a.png": png(1), "notes.txt": "hi" });
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.backspace);
    await app.type("notes.txt");
    await app.press(KEYS.enter);
    await app.waitFor("Upload new and changed files");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("Sync finished");
    const [, done, total] = /(\d+)\/(\d+) files/.exec(frame) ?? [];
    expect(Number(done)).toBe(Number(total));
    expect(frame).toContain("1/1 files · 100%");
    expect(frame).toMatch(/1 skipped/);
  });

  test("the project root syncs the project file's inputs, as a bare `rbxassets sync` does", async () => {
    const config = JSON.stringify({ inputs: { ui: { include: "ui/**/*.png" } } });
    const e = await setup({ "rbxassets.config.json": config, "ui/a.png": png(1), "other/b.png": png(2) });
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Upload new and changed files");
    await app.press(KEYS.enter);
    expect(await app.waitFor("Sync finished")).toContain("✔ 1 uploaded");
    const locked = await listLockedAssets(e.ctx);
    expect(locked.map((entry) => entry.file)).toEqual(["ui/a.png"]);
  });

  test("a second sync finds everything unchanged", async () => {
    const e = await setup({ "a.png": png(1) });
    const run = async () => {
      app = renderApp(e.ctx, { name: "sync" });
      await app.waitFor("Folder:");
      await app.press(KEYS.enter);
      await app.waitFor("Upload new and changed files");
      await app.press(KEYS.enter);
      const frame = await app.waitFor("Sync finished");
      app.unmount();
      return frame;
    };
    expect(await run()).toContain("✔ 1 uploaded");
    expect(await run()).toContain("= 1 unchanged");
    expect(e.emulator.stats().creates).toBe(1);
  });

  test("Ctrl-C during a sync aborts it, waits, leaves a whole lockfile and exits 130", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`many/f${String(i).padStart(2, "0")}.png`, png(i + 1)]),
    );
    // Operations take a few polls: the sync is still running when Ctrl-C arrives.
    const e = await setup(files, { operations: { pendingPolls: 2 } });
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Upload new and changed files");
    await app.press(KEYS.enter);
    await app.waitFor(/Syncing many\/f\d+\.png/);
    await app.press(KEYS.ctrlC);
    expect(await app.waitForExit(30_000)).toBe(130);
    // The "Stopping" frame may last only a moment when the work in flight settles fast: look in every frame.
    expect(app.output()).toContain(
      "Stopping: uploads already sent are finishing… ctrl-c again to leave them to the next run",
    );
    const text = await readFile(join(e.root, "rbxassets.lock.json"), "utf8").catch(() => "{}");
    expect(() => JSON.parse(text)).not.toThrow();
    const locked = await listLockedAssets(e.ctx);
    // Every asset recorded is one the emulator created: nothing half-written, nothing invented.
    expect(locked.length).toBeLessThanOrEqual(e.emulator.stats().creates);
    for (const entry of locked)
      await expect(getAsset(e.ctx, entry.assetId)).resolves.toMatchObject({ assetId: entry.assetId });
  });
});
