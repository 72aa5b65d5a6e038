// The TUI's moves between screens and rows, as pure state: the navigation stack, id parsing, the menu window.
import { describe, expect, test } from "vitest";
import { hiddenRows, initialMenu, menuReducer } from "../src/tui/state/menu.js";
import {
  currentRoute,
  initialNavigation,
  navigationReducer,
  parseAssetId,
  parseOperationId,
} from "../src/tui/state/navigation.js";

describe("navigation", () => {
  test("push, replace and back keep home at the bottom", () => {
    let state = navigationReducer(initialNavigation, {
      type: "push",
      route: { name: "ask-asset", purpose: "versions" },
    });
    state = navigationReducer(state, { type: "replace", route: { name: "versions", assetId: "42" } });
    expect(state.stack).toEqual([{ name: "home" }, { name: "versions", assetId: "42" }]);
    state = navigationReducer(state, { type: "back" });
    expect(currentRoute(state)).toEqual({ name: "home" });
    expect(navigationReducer(state, { type: "back" })).toBe(state);
  });

  test("home clears the stack", () => {
    const deep = { stack: [{ name: "home" }, { name: "browse" }, { name: "asset", assetId: "1" }] } as const;
    expect(navigationReducer({ stack: [...deep.stack] }, { type: "home" })).toEqual(initialNavigation);
  });

  test.each([
    ["123", "123"],
    [" rbxassetid://456 ", "456"],
    ["assets/789", "789"],
    ["https://create.roblox.com/store/asset/1818/Name", "1818"],
    ["abc", undefined],
    ["", undefined],
  ])("parseAssetId(%j) is %j", (text, id) => {
    expect(parseAssetId(text)).toBe(id);
  });

  test("parseOperationId accepts an id or its path", () => {
    expect(parseOperationId("operations/9d7a8c7e-1f2b-4c3d")).toBe("9d7a8c7e-1f2b-4c3d");
    expect(parseOperationId("not an id")).toBeUndefined();
  });
});

describe("menu", () => {
  test("starts on the given row, scrolled so that it shows", () => {
    const state = initialMenu(20, 5, 12);
    expect(state).toMatchObject({ focus: 12, from: 8 });
    expect(hiddenRows(state)).toEqual({ above: 8, below: 7 });
  });

  test("moves within bounds and scrolls the window along", () => {
    let state = initialMenu(10, 3);
    state = menuReducer(state, { type: "previous" });
    expect(state).toMatchObject({ focus: 0, from: 0 });
    for (let i = 0; i < 4; i++) state = menuReducer(state, { type: "next" });
    expect(state).toMatchObject({ focus: 4, from: 2 });
    state = menuReducer(state, { type: "last" });
    expect(state).toMatchObject({ focus: 9, from: 7 });
    state = menuReducer(state, { type: "page-up" });
    expect(state).toMatchObject({ focus: 6, from: 6 });
    expect(menuReducer(state, { type: "first" })).toMatchObject({ focus: 0, from: 0 });
    expect(initialMenu(0, 5)).toMatchObject({ focus: 0, from: 0 });
  });
});
