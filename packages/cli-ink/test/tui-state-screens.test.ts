// Reducers of the TUI's step-by-step screens: the upload wizard, version paging and rollback, metadata edits.
import { describe, expect, test } from "vitest";
import {
  changesFrom,
  draftFromAsset,
  editReducer,
  initialEdit,
  parsePreviews,
  parseSocial,
  validateField,
} from "../src/tui/state/metadata.js";
import {
  defaultDisplayName,
  initialUpload,
  type UploadAction,
  uploadReducer,
} from "../src/tui/state/upload.js";
import {
  initialVersions,
  pageLabel,
  pageToken,
  type VersionsAction,
  versionsReducer,
} from "../src/tui/state/versions.js";

describe("upload wizard", () => {
  const files = [
    { file: "art/Hero Idle.png", assetTypes: ["Image"] },
    { file: "models/tree.rbxm", assetTypes: ["Model", "Animation"] },
  ];
  const run = (actions: UploadAction[], start = initialUpload) => actions.reduce(uploadReducer, start);

  test("asks the type only when there is a choice, with defaults", () => {
    let state = run([{ type: "pick", files }]);
    expect(state.step).toEqual({ kind: "details", index: 0, field: "name" });
    expect(state.drafts[0]).toMatchObject({ displayName: "Hero Idle", assetType: "Image", description: "" });
    state = run(
      [
        { type: "set-name", value: "Hero" },
        { type: "set-description", value: "The hero" },
      ],
      state,
    );
    expect(state.step).toEqual({ kind: "details", index: 1, field: "type" });
    state = run(
      [
        { type: "set-type", assetType: "Animation" },
        { type: "set-name", value: "tree" },
        { type: "set-description", value: "" },
      ],
      state,
    );
    expect(state.step).toEqual({ kind: "review" });
    expect(state.drafts.map((d) => [d.assetType, d.displayName, d.description])).toEqual([
      ["Image", "Hero", "The hero"],
      ["Animation", "tree", ""],
    ]);
    expect(uploadReducer(state, { type: "start" }).step).toEqual({ kind: "running" });
  });

  test("rejects an empty pick, an empty name and a long description in place", () => {
    expect(run([{ type: "pick", files: [] }]).error).toMatch(/at least one/);
    const named = run([
      { type: "pick", files },
      { type: "set-name", value: "  " },
    ]);
    expect(named.error).toMatch(/display name is empty/);
    expect(named.step).toEqual({ kind: "details", index: 0, field: "name" });
    const long = run([
      { type: "pick", files },
      { type: "set-name", value: "x" },
      { type: "set-description", value: "d".repeat(1001) },
    ]);
    expect(long.error).toMatch(/1000/);
  });

  test("tab takes the defaults for the rest; Esc walks back to the picker", () => {
    const state = run([{ type: "pick", files }, { type: "defaults-for-rest" }]);
    expect(state.step).toEqual({ kind: "review" });
    const steps = [state];
    for (let i = 0; i < 4; i++) steps.push(uploadReducer(steps.at(-1)!, { type: "back" }));
    expect(steps.map((s) => s.step)).toEqual([
      { kind: "review" },
      { kind: "details", index: 1, field: "description" },
      { kind: "details", index: 1, field: "name" },
      { kind: "details", index: 1, field: "type" },
      { kind: "details", index: 0, field: "description" },
    ]);
  });

  test("default names drop the folder and extension and fit 50 characters", () => {
    expect(defaultDisplayName("a/b/Sword.v2.fbx")).toBe("Sword.v2");
    expect(defaultDisplayName(`${"n".repeat(60)}.png`)).toHaveLength(50);
  });
});

describe("versions", () => {
  const run = (actions: VersionsAction[], start = initialVersions) => actions.reduce(versionsReducer, start);
  const rows = (from: number) => [
    { number: from, moderation: "Approved", creator: "user:1", published: undefined },
  ];

  test("pages forward with tokens and back without refetching tokens", () => {
    let state = run([{ type: "loaded", request: 0, rows: rows(12), nextPageToken: "t1" }]);
    state = run([{ type: "next-page" }], state);
    expect(state.mode.kind).toBe("loading");
    expect(pageToken(state)).toBe("t1");
    state = run([{ type: "loaded", request: state.request, rows: rows(4), nextPageToken: undefined }], state);
    expect(pageLabel(state)).toBe("Page 2 · rows 9–9");
    expect(run([{ type: "next-page" }], state)).toBe(state);
    state = run([{ type: "previous-page" }], state);
    expect(pageToken(state)).toBeUndefined();
    expect(state.pageIndex).toBe(0);
  });

  test("drops answers to stale requests", () => {
    const state = run([
      { type: "reload" },
      { type: "loaded", request: 0, rows: rows(1), nextPageToken: undefined },
    ]);
    expect(state.mode.kind).toBe("loading");
  });

  test("rollback goes through a confirmation, and reloads the first page afterwards", () => {
    let state = run([
      { type: "loaded", request: 0, rows: rows(3), nextPageToken: undefined },
      { type: "ask-rollback", version: 2 },
    ]);
    expect(state.mode).toEqual({ kind: "confirm", version: 2 });
    expect(run([{ type: "cancel" }], state).mode).toEqual({ kind: "list" });
    state = run([{ type: "rollback-started" }, { type: "rolled-back", newVersion: 4 }], state);
    expect(state.mode).toEqual({ kind: "rolled-back", version: 2, newVersion: 4 });
    state = run([{ type: "dismiss" }], state);
    expect(state.mode.kind).toBe("loading");
    expect(state.pageTokens).toEqual([undefined]);
  });
});

describe("metadata", () => {
  const asset = {
    displayName: "Sword",
    description: "Sharp",
    icon: "assets/10",
    previews: [{ asset: "assets/11", altText: "Side" }],
    githubSocialLink: { uri: "https://github.com/me" },
  };

  test("the draft shows the asset's values as text", () => {
    expect(draftFromAsset(asset)).toEqual({
      displayName: "Sword",
      description: "Sharp",
      icon: "10",
      previews: "11:Side",
      social: "github=https://github.com/me",
    });
  });

  test("only changed fields are sent", () => {
    const original = draftFromAsset(asset);
    expect(changesFrom(original, original)).toEqual({});
    const draft = {
      ...original,
      description: "Blunt",
      previews: "11:Side, 12",
      social: "github=https://github.com/me twitch=https://twitch.tv/me",
    };
    expect(changesFrom(original, draft)).toEqual({
      description: "Blunt",
      previews: ["11:Side", "12"],
      social: { twitch: "https://twitch.tv/me" },
    });
  });

  test("each field is checked with a message that says how to fix it", () => {
    expect(validateField("displayName", "")).toMatch(/display name is empty/);
    expect(validateField("icon", "abc")).toMatch(/asset id/);
    expect(validateField("icon", "", "10")).toMatch(/not supported/);
    expect(validateField("social", "myspace=https://x")).toMatch(/use one of/);
    expect(validateField("social", "github=ftp://x")).toMatch(/http/);
    expect(parseSocial("a=https://a b=https://b")).toMatchObject({ ok: false });
    expect(parseSocial("github=https://1 twitch=https://2 discord=https://3 roblox=https://4")).toMatchObject(
      { ok: false },
    );
    expect(parsePreviews("rbxassetid://5:Front view, 6")).toEqual({ ok: true, value: ["5:Front view", "6"] });
  });

  test("the edit reducer keeps an invalid value out of the draft", () => {
    let state = editReducer(initialEdit, { type: "loaded", asset });
    state = editReducer(state, { type: "edit", field: "icon" });
    state = editReducer(state, { type: "submit-field", value: "nope" });
    expect(state.mode).toMatchObject({
      kind: "editing",
      field: "icon",
      error: expect.stringMatching(/asset id/),
    });
    state = editReducer(state, { type: "submit-field", value: "rbxassetid://99" });
    expect(state.mode).toEqual({ kind: "fields" });
    expect(changesFrom(state.original, state.draft)).toEqual({ icon: "99" });
  });
});
