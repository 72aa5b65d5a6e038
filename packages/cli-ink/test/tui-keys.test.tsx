// Keys as a terminal delivers them: several in one chunk, `?` for help, footers at narrow widths, and the
// pure rules under them (colours taken out for NO_COLOR, totals of a project sync, a rate of real work).
import { afterEach, describe, expect, test } from "vitest";
import { uploadFile } from "../src/services/assets.js";
import { noColorRequested, withoutColor } from "../src/tui/no-color.js";
import { initialPicker, pickerReducer, visibleFiles } from "../src/tui/state/picker.js";
import { initialProgress, progressReducer, ratePerSecond } from "../src/tui/state/progress.js";
import { keysOf } from "../src/tui/state/text-field.js";
import { png } from "./helpers/files.js";
import { KEYS, type RenderedApp, renderApp, startTuiEnv, type TuiEnv } from "./tui-helpers.js";

let env: TuiEnv | undefined;
let app: RenderedApp | undefined;
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await env?.close();
  env = undefined;
});

describe("keys in one chunk", () => {
  test("Down and Enter together on Home open the second entry", async () => {
    env = await startTuiEnv({ "a.png": png(1) });
    app = renderApp(env.ctx);
    await app.waitFor("What would you like to do?");
    await app.type(`${KEYS.down}${KEYS.enter}`);
    await app.waitFor("Folder:");
    expect(app.frame()).toContain("Sync a folder");
  });
});

describe("edit metadata", () => {
  test("Back without saving leaves without asking; Esc with changes asks", async () => {
    env = await startTuiEnv({ "crate.png": png(1) });
    const { assetId } = await uploadFile(env.ctx, { file: "crate.png", displayName: "crate", wait: true });
    app = renderApp(env.ctx, { name: "edit", assetId: assetId! });
    await app.waitFor("Save (no changes yet)");
    await app.press(KEYS.enter);
    await app.waitFor("Name:");
    await app.type("s\r");
    await app.waitFor("Save 1 change");
    await app.press(KEYS.escape);
    await app.waitFor("Discard 1 unsaved change?");
    await app.press("n");
    await app.waitFor("Save 1 change");
    // End: the last row, "Back without saving".
    await app.press("\u001B[F");
    await app.waitFor("❯ Back without saving");
    await app.press(KEYS.enter);
    await app.waitFor("What would you like to do?");
    expect(app.frame()).not.toContain("Discard");
  });
});

describe("? help", () => {
  test("lists the screen's keys over it, closes on Esc, and is a character in a text field", async () => {
    env = await startTuiEnv();
    app = renderApp(env.ctx);
    await app.waitFor("? help");
    await app.press("?");
    let frame = await app.waitFor("Keys on this screen");
    expect(frame).toMatch(/enter\s+choose/);
    expect(frame).toMatch(/q\s+quit/);
    expect(frame).toMatch(/ctrl-c\s+stop running work/);
    // The menu is hidden, and its keys do nothing while help is open.
    expect(frame).not.toContain("Upload files");
    await app.press(KEYS.down, KEYS.escape);
    frame = await app.waitFor("❯ Upload files");
    expect(frame).not.toContain("Keys on this screen");
    // In a text field `?` is typed.
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor("Asset id:");
    await app.type("12?");
    frame = await app.waitFor("12?");
    expect(frame).not.toContain("Keys on this screen");
  });
});

describe("footers on a narrow terminal", () => {
  test("keep the way out at 40 columns; all hints at 100; no ? while a field takes keys", async () => {
    env = await startTuiEnv();
    app = renderApp(env.ctx, { name: "sync" }, { columns: 100, rows: 24 });
    let frame = await app.waitFor("Folder:");
    expect(frame).toContain("enter continue · ctrl-u delete to start · esc back");
    // `?` would be typed into the field: the footer does not offer it.
    expect(frame).not.toContain("? help");
    await app.resize(40, 24);
    frame = await app.waitFor(/^enter continue · esc back$/m);
    for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe("rules under the screens", () => {
  test("NO_COLOR takes colours out and keeps bold, dim and inverse; FORCE_COLOR wins", () => {
    expect(withoutColor("\u001B[1;31mhi\u001B[39;22m \u001B[38;5;12mx\u001B[39m \u001B[7mc\u001B[27m")).toBe(
      "\u001B[1mhi\u001B[39;22m x\u001B[39m \u001B[7mc\u001B[27m",
    );
    expect(withoutColor("\u001B[48;2;1;2;3mbg\u001B[49m\u001B[0m")).toBe("bg\u001B[49m\u001B[0m");
    expect(noColorRequested({ NO_COLOR: "1" })).toBe(true);
    expect(noColorRequested({ NO_COLOR: "" })).toBe(false);
    expect(noColorRequested({ NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(false);
  });

  test("the picker's filter takes a chunk with its Enter: typed, then kept", () => {
    let state = initialPicker(["a.png", "b.png", "bb.png"], 5);
    state = pickerReducer(state, { type: "filter-start" });
    state = pickerReducer(state, { type: "filter-keys", keys: keysOf("bb\r", {}) });
    expect(state.filtering).toBe(false);
    expect(visibleFiles(state)).toEqual(["bb.png"]);
  });

  test("a project sync's total is the sum of its inputs' scans", () => {
    let state = initialProgress(0);
    state = progressReducer(state, { type: "scan", files: 20 });
    state = progressReducer(state, { type: "scan", files: 1, others: 1 });
    expect(state.total).toBe(22);
  });

  test("the rate counts files that took work, not lockfile answers", () => {
    let state = initialProgress(0, 600);
    for (let i = 0; i < 500; i++)
      state = progressReducer(state, { type: "done", asset: { file: `u${i}.png`, status: "unchanged" } });
    expect(ratePerSecond(state, 20_000)).toBeUndefined();
    for (let i = 0; i < 10; i++)
      state = progressReducer(state, { type: "done", asset: { file: `n${i}.png`, status: "uploaded" } });
    expect(ratePerSecond(state, 20_000)).toBe(0.5);
  });
});
