// Whole journeys through the TUI, against a real emulator: what a person does across screens, with input
// as terminals deliver it (pastes with their Enter, held Backspace, line-editing keys) and a terminal that
// changes size. What reached the service is read back through the API.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { getAsset, uploadFile } from "../src/services/assets.js";
import { createServiceContext } from "../src/services/context.js";
import { fbx, mp4, png } from "./helpers/files.js";
import { KEYS, type RenderedApp, renderApp, startTuiEnv, type TuiEnv } from "./tui-helpers.js";

let env: TuiEnv | undefined;
let app: RenderedApp | undefined;
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await env?.close();
  env = undefined;
});

async function setup(
  files: Record<string, Buffer | string> = {},
  options?: Parameters<typeof startTuiEnv>[1],
) {
  env = await startTuiEnv(files, options);
  return env;
}

const CTRL_U = "\x15";

describe("uploads are recorded", () => {
  test("a TUI upload goes into the lockfile, and a sync afterwards uploads nothing again", async () => {
    const e = await setup({ "art/hero.png": png(1), "art/villain.png": png(2) });
    app = renderApp(e.ctx, { name: "upload" });
    await app.waitFor("art/villain.png");
    await app.press("a");
    await app.waitFor("2 of 2 selected");
    await app.press(KEYS.enter);
    await app.waitFor("File 1 of 2");
    await app.press(KEYS.tab);
    await app.waitFor("Ready to upload 2 file(s)");
    await app.press(KEYS.enter);
    await app.waitFor("Upload finished");
    expect(e.emulator.stats().creates).toBe(2);
    const lock = JSON.parse(await readFile(join(e.root, "rbxassets.lock.json"), "utf8")) as unknown;
    expect(JSON.stringify(lock)).toContain("art/hero.png");
    expect(JSON.stringify(lock)).toContain("art/villain.png");

    // Back home, then a sync of the whole project: both files are known.
    await app.press(KEYS.enter);
    await app.waitFor("What would you like to do?");
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Upload new and changed files");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("Sync finished");
    expect(frame).toContain("2 unchanged");
    expect(e.emulator.stats().creates).toBe(2);
  });

  test("a new file identical to a synced one says whose asset it reuses", async () => {
    const e = await setup({ "ui/a.png": png(1) });
    await e.ctx.pipeline().sync(["."]);
    await import("node:fs/promises").then((fs) => fs.writeFile(join(e.root, "ui/copy.png"), png(1)));
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Upload new and changed files");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("Sync finished");
    expect(frame).toContain("ui/copy.png");
    expect(frame).toContain("same content as ui/a.png: reuses its asset (no upload)");
    expect(frame).not.toMatch(/= ui\/copy\.png.*unchanged/);
    expect(e.emulator.stats().creates).toBe(1);
  });
});

describe("videos", () => {
  test("the upload asks the most Robux to pay per video before it starts, and uses it", async () => {
    const e = await setup({ "intro.mp4": mp4() });
    app = renderApp(e.ctx, { name: "upload" });
    await app.waitFor("intro.mp4");
    await app.press(KEYS.space, KEYS.enter);
    await app.waitFor("File 1 of 1");
    await app.press(KEYS.tab);
    await app.waitFor("Most Robux to pay per video:");
    await app.type("lots\r");
    await app.waitFor("Type a whole number of Robux");
    await app.type("\x15" + "2000\r");
    let frame = await app.waitFor("videos at most 2000 Robux each");
    await app.press(KEYS.enter);
    frame = await app.waitFor("Upload finished");
    expect(frame).toMatch(/✔ intro\.mp4 → \d+ Video/);
    expect(e.emulator.stats().creates).toBe(1);
  });
});

describe("input as terminals send it", () => {
  test("a pasted id with its Enter in one chunk opens the asset", async () => {
    const e = await setup({ "hero.png": png(1) });
    const { assetId } = await uploadFile(e.ctx, { file: "hero.png", displayName: "Hero", wait: true });
    app = renderApp(e.ctx, { name: "ask-asset", purpose: "asset" });
    await app.waitFor("Asset id:");
    await app.type(`${assetId}\r`);
    const frame = await app.waitFor("Hero #");
    expect(frame).toContain(`Asset ${assetId}`);
  });

  test("held Backspace, Ctrl-U and a paste with Enter reach the service as typed", async () => {
    const e = await setup({ "crate.png": png(1) });
    const { assetId } = await uploadFile(e.ctx, { file: "crate.png", displayName: "crate", wait: true });
    app = renderApp(e.ctx, { name: "edit", assetId: assetId! });
    await app.waitFor("Save (no changes yet)");

    // Name: three Backspaces in one chunk, then more text.
    await app.press(KEYS.enter);
    await app.waitFor("Name:");
    await app.type("\x7f\x7f\x7f");
    await app.type("ayon");
    await app.press(KEYS.enter);
    let frame = await app.waitFor("Save 1 change");
    expect(frame).toMatch(/Name\s+crayon \*/);

    // Description: some text, Ctrl-U clears it, then a paste with its Enter in one chunk.
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor("Description:");
    await app.type("wrong words");
    await app.type(CTRL_U);
    await app.type("A wooden crate\r");
    frame = await app.waitFor("Save 2 changes");
    expect(frame).toMatch(/Description\s+A wooden crate \*/);

    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor("✔ Saved");
    const stored = await getAsset(e.ctx, assetId!, { fields: ["displayName", "description"] });
    expect(stored.displayName).toBe("crayon");
    expect(stored.description).toBe("A wooden crate");
  });
});

describe("asking before losing something", () => {
  test("Esc in Edit metadata with unsaved changes asks; Esc on home does nothing, q quits", async () => {
    const e = await setup({ "crate.png": png(1) });
    const { assetId } = await uploadFile(e.ctx, { file: "crate.png", displayName: "crate", wait: true });
    app = renderApp(e.ctx, { name: "edit", assetId: assetId! });
    await app.waitFor("Save (no changes yet)");
    await app.press(KEYS.enter);
    await app.waitFor("Name:");
    await app.type("s\r");
    await app.waitFor("Save 1 change");
    await app.press(KEYS.escape);
    await app.waitFor("Discard 1 unsaved change?");
    await app.press("n");
    await app.waitFor("Save 1 change");
    expect(app.frame()).not.toContain("Discard");
    await app.press(KEYS.escape);
    await app.waitFor("Discard 1 unsaved change?");
    await app.press("y");
    await app.waitFor("What would you like to do?");

    // Esc at home does nothing (one Esc too many must not quit): the focus moves and Home is still there.
    await app.press(KEYS.escape, KEYS.down);
    await app.waitFor("❯ Sync a folder");
    // Nothing is running and the edit is saved: q leaves at once, and leaves no menu behind.
    await app.press("q");
    expect(await app.waitForExit()).toBe(0);
    expect(app.frame()).not.toContain("What would you like to do?");
    expect(app.frame()).not.toContain("Quit rbxassets?");
    expect((await getAsset(e.ctx, assetId!)).displayName).toBe("crate");
  });

  test("without a creator, the upload screen says so before the picker", async () => {
    const e = await setup({ "a.png": png(1) });
    const ctx = await createServiceContext({
      root: e.root,
      baseUrl: e.emulator.url,
      apiKey: e.emulator.apiKey,
      env: {},
    });
    app = renderApp(ctx, { name: "upload" });
    const frame = await app.waitFor("No creator is configured");
    expect(frame).toContain("RBXASSETS_CREATOR=user:<id>");
    expect(frame).not.toContain("a.png");
    expect(frame).not.toContain("enter");
    expect(frame).toContain("esc back");
  });
});

describe("a batch stops at an account-level refusal", () => {
  test("a wrong key is said once, with its fix, and the rest is not attempted", async () => {
    const e = await setup({ "a.png": png(1), "b.png": png(2), "c.png": png(3), "d.fbx": fbx(1) });
    const wrongKey = "sk-wrong-key-0123456789";
    const refused = await createServiceContext({
      root: e.root,
      baseUrl: e.emulator.url,
      apiKey: wrongKey,
      creator: "user:1",
      env: {},
    });
    app = renderApp(refused, { name: "upload" });
    await app.waitFor("d.fbx");
    await app.press("a");
    await app.waitFor("4 of 4 selected");
    await app.press(KEYS.enter);
    await app.waitFor("File 1 of 4");
    await app.press(KEYS.tab);
    await app.waitFor("Ready to upload 4 file(s)");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("the account was refused");
    expect(frame).toMatch(/3 more files not uploaded/);
    expect(frame).toContain("Check RBXASSETS_API_KEY");
    // The last frame holds everything printed so far (Static lines included): one failure line.
    expect(frame.match(/✖ [a-d]\.(png|fbx)/g)).toHaveLength(1);
    expect(app.output()).not.toContain(wrongKey);
  });
});

describe("a sync stops at an account-level refusal", () => {
  test("the pipeline's refusal is said once in the summary with the TUI's fix", async () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`s${i}.png`, png(i + 20)]));
    const e = await setup(files);
    const refused = await createServiceContext({
      root: e.root,
      baseUrl: e.emulator.url,
      apiKey: "sk-wrong-key-0123456789",
      creator: "user:1",
      env: {},
    });
    app = renderApp(refused, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Upload new and changed files");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("the account was refused");
    expect(frame).toContain("Check RBXASSETS_API_KEY");
    expect(frame).toContain("5 more files not uploaded: fix the account, then run it again.");
    expect(frame).not.toContain("use a valid API key");
    expect(frame).not.toContain("sk-wrong-key-0123456789");
  });
});

describe("honest progress", () => {
  test("check-only counts every file it checked and is not up to date beside a failure", async () => {
    const e = await setup({ "a.png": png(1), "b.png": png(2), "fake.png": "this is not a png" });
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Check only");
    await app.press(KEYS.down, KEYS.enter);
    const frame = await app.waitFor("cannot be uploaded");
    expect(frame).toContain("3/3 files checked · 100%");
    expect(frame).toContain("2 files would be uploaded or updated; 1 file cannot be uploaded as it is.");
    expect(frame).not.toContain("up to date");
    expect(frame).toMatch(/↑ a\.png\n\s+↑ b\.png/);
    expect(e.emulator.stats().creates).toBe(0);
  });

  test("a rate-limit wait is shown as one, from the limiter", async () => {
    const files = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`f${i}.png`, png(i + 1)]));
    const e = await setup(files, {
      operations: { pendingPolls: 0 },
      rateLimits: { timeScale: 30, limits: { Assets_CreateAsset: 2 } },
    });
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Upload new and changed files");
    await app.press(KEYS.enter);
    const frame = await app.waitFor(/Waiting for the rate limit \(\d+ s\)/);
    expect(frame).toContain("paused by the rate limit");
    await app.waitFor("Sync finished", 30_000);
    expect(e.emulator.stats().creates).toBe(4);
  });
});

describe("the terminal's size", () => {
  test("60 columns, then 120: no menu row wraps, and the wider terminal shows whole labels", async () => {
    const e = await setup();
    app = renderApp(e.ctx, undefined, { columns: 60, rows: 24 });
    let frame = await app.waitFor("What would you like to do?");
    const rows = (text: string) => text.split("\n");
    for (const line of rows(frame)) expect(line.length).toBeLessThanOrEqual(60);
    // One line per choice, each starting where a menu row starts.
    const menuRows = rows(frame).filter((line) => /^(❯ | {2})\S/.test(line));
    expect(menuRows).toHaveLength(9);

    await app.resize(120, 40);
    frame = await app.waitFor("Edit metadata (name, description, icon, previews, links)");
    for (const line of rows(frame)) expect(line.length).toBeLessThanOrEqual(120);
    expect(rows(frame).filter((line) => /^(❯ | {2})\S/.test(line))).toHaveLength(9);
  });
});

describe("long lists", () => {
  test("the lockfile list filters with /, Enter keeps the filter, Esc clears it, then leaves", async () => {
    const e = await setup({ "ui/play.png": png(1), "ui/stop.png": png(2), "models/tree.fbx": fbx(1) });
    await e.ctx.pipeline().sync(["."]);
    app = renderApp(e.ctx, { name: "browse" });
    await app.waitFor("3 assets");
    await app.press("/");
    await app.type("stop");
    let frame = await app.waitFor("1 of 3 match");
    expect(frame).toContain("ui/stop.png");
    expect(frame).not.toContain("ui/play.png");
    await app.press(KEYS.enter);
    await app.waitFor("/ filter");
    await app.press(KEYS.escape);
    frame = await app.waitFor("ui/play.png");
    expect(frame).not.toContain("match");
    await app.press(KEYS.escape);
    await app.waitFor("What would you like to do?");
  });
});
