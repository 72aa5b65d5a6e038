// The TUI's home screen driven with keys: the task list, moving and coming back, quitting, missing settings.
import { describe, expect, test } from "vitest";
import { closeTuiAfterEach, renderApp, setup } from "./helpers/tui-session.js";
import { KEYS, type RenderedApp } from "./tui-helpers.js";

closeTuiAfterEach();
let app: RenderedApp | undefined;

describe("home", () => {
  test("lists every task with key hints, and q quits with 0", async () => {
    const e = await setup();
    app = renderApp(e.ctx);
    const frame = await app.waitFor("What would you like to do?");
    for (const label of [
      "Upload files",
      "Sync a folder",
      "Look up an asset",
      "Browse assets",
      "Versions and rollback",
      "Archive or restore",
      "Edit metadata",
      "Watch an operation",
      "Quit",
    ]) {
      expect(frame).toContain(label);
    }
    expect(frame).toContain("↑↓ move · enter choose · q quit");
    expect(frame).toContain("user:1");
    expect(frame).not.toContain(e.emulator.apiKey);
    for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    expect(frame.split("\n").length).toBeLessThanOrEqual(24);
    await app.press("q");
    expect(await app.waitForExit()).toBe(0);
    // Nothing running, nothing unsaved: no question, and the menu does not stay on the terminal.
    expect(app.output()).not.toContain("Quit rbxassets?");
    expect(app.frame()).not.toContain("What would you like to do?");
  });

  test("arrows move, Enter opens, Esc comes back", async () => {
    const e = await setup();
    app = renderApp(e.ctx);
    await app.waitFor("What would you like to do?");
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor("Asset id:");
    expect(app.frame()).toContain("Look up an asset");
    await app.press(KEYS.escape);
    await app.waitFor("What would you like to do?");
    // Home comes back with the focus where it was left.
    expect(app.frame()).toContain("❯ Look up an asset");
    await app.press(...Array(5).fill(KEYS.down), KEYS.enter);
    await app.waitFor("Operation id:");
    await app.press(KEYS.escape);
    await app.waitFor("What would you like to do?");
  });

  test("Ctrl-C with nothing running exits at once with 130", async () => {
    const e = await setup();
    app = renderApp(e.ctx);
    await app.waitFor("What would you like to do?");
    await app.press(KEYS.ctrlC);
    expect(await app.waitForExit()).toBe(130);
  });

  test("warns when credentials or creator are missing", async () => {
    const e = await setup();
    const { createServiceContext } = await import("../src/services/context.js");
    const bare = await createServiceContext({ root: e.root, baseUrl: e.emulator.url, env: {} });
    app = renderApp(bare);
    const frame = await app.waitFor("Not set");
    expect(frame).toContain("RBXASSETS_API_KEY");
    expect(frame).toContain("RBXASSETS_CREATOR");
  });
});
