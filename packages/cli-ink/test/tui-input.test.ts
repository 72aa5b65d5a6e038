// The text-field and file-picker models on their own: what a chunk of input does to a field.
import { describe, expect, test } from "vitest";
import { progressMapper } from "../src/tui/batch.js";
import { refusalFix } from "../src/tui/state/errors.js";
import {
  initialPicker,
  matchesFilter,
  pickerReducer,
  selectedFiles,
  visibleFiles,
} from "../src/tui/state/picker.js";
import { initialProgress, type ProgressAction, progressReducer } from "../src/tui/state/progress.js";
import {
  applyKeys,
  initialField,
  keysOf,
  pasteKeys,
  sanitize,
  splitChunk,
  type TextFieldState,
  visibleParts,
} from "../src/tui/state/text-field.js";

/** Feeds one chunk as Ink reports it (no key flags: raw text). */
const chunk = (state: TextFieldState, input: string, key = {}) => applyKeys(state, keysOf(input, key));

describe("text field", () => {
  test("several Backspaces in one chunk delete several characters, and store nothing", () => {
    const { state } = chunk(initialField("crate"), "\x7f\x7f\x7f");
    expect(state).toEqual({ value: "cr", cursor: 2 });
    // As Ink 8 splits them: one key each.
    let split = initialField("crate");
    for (let i = 0; i < 3; i++) split = chunk(split, "", { backspace: true }).state;
    expect(split.value).toBe("cr");
  });

  test("a paste with its Enter in one chunk submits the text without the Enter", () => {
    const { state, submitted } = chunk(initialField(), "18000000017\r");
    expect(submitted).toBe("18000000017");
    expect(state.value).toBe("18000000017");
    expect(chunk(initialField(), "123\r\n").submitted).toBe("123");
    // What follows the Enter is not typed into the field that was submitted.
    expect(chunk(initialField(), "1\r2").state.value).toBe("1");
  });

  test("a bracketed paste inserts its text on one line and never submits", () => {
    const keys = pasteKeys("line one\nline two\r\n");
    const { state, submitted } = applyKeys(initialField("> "), keys);
    expect(submitted).toBeUndefined();
    expect(state.value).toBe("> line one line two ");
  });

  test("control characters are never stored", () => {
    expect(sanitize("a\x00b\x1bc\x07d\u2028e")).toBe("abcde");
    expect(splitChunk("ab\x02c")).toEqual([{ kind: "insert", text: "abc" }]);
    // The tail of an escape sequence Ink did not resolve is dropped, not typed.
    expect(chunk(initialField(), "x\x1b[200~y").state.value).toBe("xy");
    expect(initialField("a\tb\x7f").value).toBe("a b");
  });

  test("Ctrl-U, Ctrl-W, Ctrl-K, Ctrl-A/E, Home/End and arrows edit the line", () => {
    let state = initialField("upload the crate");
    state = chunk(state, "w", { ctrl: true }).state;
    expect(state).toEqual({ value: "upload the ", cursor: 11 });
    state = chunk(state, "a", { ctrl: true }).state;
    expect(state.cursor).toBe(0);
    state = chunk(state, "", { rightArrow: true }).state;
    state = chunk(state, "X").state;
    expect(state.value).toBe("uXpload the ");
    state = chunk(state, "k", { ctrl: true }).state;
    expect(state).toEqual({ value: "uX", cursor: 2 });
    state = chunk(state, "", { home: true }).state;
    state = chunk(state, "", { delete: true }).state;
    expect(state).toEqual({ value: "X", cursor: 0 });
    state = chunk(state, "e", { ctrl: true }).state;
    state = chunk(state, "yz").state;
    state = chunk(state, "", { leftArrow: true }).state;
    state = chunk(state, "u", { ctrl: true }).state;
    expect(state).toEqual({ value: "z", cursor: 0 });
    state = chunk(state, "", { end: true }).state;
    expect(state.cursor).toBe(1);
    // The same keys as raw bytes inside one chunk.
    expect(chunk(initialField("abc def"), "\x17x\x01>").state).toEqual({ value: ">abc x", cursor: 1 });
    expect(chunk(initialField("abc"), "\x15new\r").submitted).toBe("new");
  });

  test("keys the field does not own reach the screen only", () => {
    for (const key of [{ escape: true }, { tab: true }, { upArrow: true }, { pageDown: true }]) {
      expect(keysOf("", key)).toEqual([]);
    }
    expect(keysOf("x", { ctrl: true })).toEqual([]);
  });

  test("a length limit holds for typing and pasting; code points count as one", () => {
    expect(applyKeys(initialField("abc"), pasteKeys("defgh"), 5).state.value).toBe("abcde");
    const emoji = chunk(initialField("🐉"), "", { backspace: true }).state;
    expect(emoji).toEqual({ value: "", cursor: 0 });
  });

  test("the visible part keeps the cursor in view", () => {
    const state = { value: "abcdefghij", cursor: 10 };
    expect(visibleParts(state, 5)).toEqual({ before: "ghij", under: " ", after: "" });
    expect(visibleParts({ value: "abcdefghij", cursor: 0 }, 5)).toEqual({
      before: "",
      under: "a",
      after: "bcd",
    });
  });
});

describe("file picker", () => {
  const files = Array.from({ length: 70 }, (_, i) => `sprites/icon-${String(i + 1).padStart(2, "0")}.png`);

  test("PgDn/PgUp/Home/End page through a long list", () => {
    let state = initialPicker(files, 10);
    state = pickerReducer(state, { type: "move", action: { type: "page-down" } });
    expect(state.menu.focus).toBe(10);
    state = pickerReducer(state, { type: "move", action: { type: "last" } });
    expect(state.menu).toMatchObject({ focus: 69, from: 60 });
    state = pickerReducer(state, { type: "move", action: { type: "page-up" } });
    expect(state.menu.focus).toBe(59);
    state = pickerReducer(state, { type: "move", action: { type: "first" } });
    expect(state.menu).toMatchObject({ focus: 0, from: 0 });
  });

  test("/ filters; what is chosen stays chosen when filtered out", () => {
    let state = initialPicker(files, 10);
    state = pickerReducer(state, { type: "toggle" });
    state = pickerReducer(state, { type: "filter-start" });
    state = pickerReducer(state, { type: "filter-keys", keys: keysOf("67", {}) });
    expect(visibleFiles(state)).toEqual(["sprites/icon-67.png"]);
    state = pickerReducer(state, { type: "filter-done" });
    state = pickerReducer(state, { type: "toggle" });
    expect(selectedFiles(state)).toEqual(["sprites/icon-01.png", "sprites/icon-67.png"]);
    state = pickerReducer(state, { type: "filter-clear" });
    expect(visibleFiles(state)).toHaveLength(70);
    expect(state.filtering).toBe(false);
  });

  test("a selects all the files shown, then none", () => {
    let state = initialPicker(["a.png", "b.png", "c.fbx"], 10);
    state = pickerReducer(state, { type: "filter-keys", keys: keysOf("png", {}) });
    state = pickerReducer(state, { type: "toggle-all" });
    expect(selectedFiles(state)).toEqual(["a.png", "b.png"]);
    state = pickerReducer(state, { type: "toggle-all" });
    expect(selectedFiles(state)).toEqual([]);
  });

  test("filter words match anywhere, in any order, ignoring case", () => {
    expect(matchesFilter("UI/Buttons/Play.png", "play ui")).toBe(true);
    expect(matchesFilter("UI/Buttons/Play.png", "stop")).toBe(false);
  });
});

describe("pipeline events as progress", () => {
  const asset = (file: string, status: "uploaded" | "reused", hash = "h1") =>
    ({
      file,
      assetId: "1",
      uri: "rbxassetid://1",
      assetType: "Image",
      hash,
      status,
      moderation: "Approved",
    }) as const;

  test("a reused file names the file whose asset it shares; steps that are not files give nothing", () => {
    const map = progressMapper(new Map([["h0", "old/a.png"]]));
    expect(map({ type: "done", asset: asset("a.png", "uploaded") })).toMatchObject({ type: "done" });
    expect(map({ type: "done", asset: asset("b.png", "reused") })).toMatchObject({
      asset: { file: "b.png", reusedFrom: "a.png" },
    });
    expect(map({ type: "done", asset: asset("c.png", "reused", "h0") })).toMatchObject({
      asset: { reusedFrom: "old/a.png" },
    });
    expect(map({ type: "decode", file: "x.svg" } as never)).toBeUndefined();
    expect(map({ type: "refused", file: "d.png", message: "…" } as never)).toEqual({
      type: "failed",
      file: "d.png",
      reason: "refused for the whole account: see below",
    });
  });

  test("each account-refusal reason gets the TUI's own fix", () => {
    expect(refusalFix("invalid-key")).toMatch(/RBXASSETS_API_KEY/);
    expect(refusalFix("creator-not-allowed")).toMatch(/RBXASSETS_CREATOR/);
    expect(refusalFix("user-moderated")).toMatch(/moderation/);
  });
});

describe("warnings", () => {
  test("a warning told as an event and on the result is shown once", () => {
    const state = [
      { type: "warning", file: "a.png", message: "still in review" },
      {
        type: "done",
        asset: { file: "a.png", assetId: "1", status: "uploaded", warning: "still in review" },
      },
    ].reduce((s, a) => progressReducer(s, a as ProgressAction), initialProgress(0, 1));
    expect(state.finished.filter((f) => f.outcome === "warning")).toHaveLength(1);
    expect(state.counts.warning).toBe(1);
  });
});
