// The TUI's state is pure: reducers and helpers tested without a terminal.
import { AssetsApiError } from "@rbxassets/core";
import { describe, expect, test } from "vitest";
import { describeError, isAbort } from "../src/tui/state/errors.js";
import {
  assetTypeLabel,
  formatDuration,
  formatRate,
  moderationLabel,
  truncateStart,
  versionNumberOf,
} from "../src/tui/state/format.js";
import { hiddenRows, initialMenu, menuReducer } from "../src/tui/state/menu.js";
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
  currentRoute,
  initialNavigation,
  navigationReducer,
  parseAssetId,
  parseOperationId,
} from "../src/tui/state/navigation.js";
import {
  completedCount,
  etaMs,
  initialProgress,
  outcomeOf,
  type ProgressAction,
  type ProgressState,
  percentDone,
  progressReducer,
  ratePerSecond,
} from "../src/tui/state/progress.js";
import { TaskRegistry } from "../src/tui/state/tasks.js";
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

/** A real API error, as the client throws it (errors are classified by class, not by name). */
const apiError = (message: string, status: number) =>
  new AssetsApiError({ message, status, operationId: "Assets_GetAsset", body: undefined });

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

describe("format", () => {
  test("labels accept both the current and the 2023 spellings", () => {
    expect(assetTypeLabel("ASSET_TYPE_DECAL")).toBe("Decal");
    expect(assetTypeLabel("Model")).toBe("Model");
    expect(moderationLabel("MODERATION_STATE_APPROVED")).toBe("Approved");
    expect(moderationLabel(undefined)).toBe("Unknown");
  });

  test("durations, rates and paths read well in 80 columns", () => {
    expect(formatDuration(7_400)).toBe("0:07");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatRate(undefined)).toBe("–");
    expect(formatRate(0.5)).toBe("30.0 files/min");
    expect(formatRate(2.25)).toBe("2.3 files/s");
    expect(truncateStart("a/very/long/path/to/file.png", 12)).toBe("…to/file.png");
    expect(versionNumberOf("assets/1/versions/12")).toBe(12);
  });
});

describe("progress", () => {
  const run = (actions: ProgressAction[], start = initialProgress(0)): ProgressState =>
    actions.reduce(progressReducer, start);

  test("counts finished files in order, and warnings apart", () => {
    const state = run([
      { type: "scan", files: 4 },
      { type: "start", file: "a.png", action: "upload" },
      { type: "start", file: "b.png", action: "upload" },
      { type: "done", asset: { file: "a.png", assetId: "1", status: "uploaded", warning: "big" } },
      { type: "failed", file: "b.png", reason: "b.png: too large — shrink it" },
      { type: "done", asset: { file: "c.png", assetId: "3", status: "reused" } },
    ]);
    expect(state.phase).toBe("running");
    expect(state.running).toEqual([]);
    expect(state.finished.map((f) => [f.file, f.outcome])).toEqual([
      ["a.png", "uploaded"],
      ["a.png", "warning"],
      ["b.png", "failed"],
      ["c.png", "reused"],
    ]);
    expect(new Set(state.finished.map((f) => f.key)).size).toBe(4);
    expect(completedCount(state)).toBe(3);
    expect(percentDone(state)).toBe(75);
  });

  test("rate and time left come from the clock passed in", () => {
    const state = run([
      { type: "scan", files: 10 },
      { type: "done", asset: { file: "a", status: "uploaded" } },
      { type: "done", asset: { file: "b", status: "updated" } },
    ]);
    // Two files in 4 s is too little to say a rate (none before 10 files or 10 s): the clock is at 20 s.
    expect(ratePerSecond(state, 4_000)).toBeUndefined();
    expect(ratePerSecond(state, 20_000)).toBe(0.1);
    expect(etaMs(state, 20_000)).toBe(80_000);
    expect(ratePerSecond(initialProgress(0, 3), 1_000)).toBeUndefined();
    expect(etaMs(initialProgress(0, 3), 1_000)).toBeUndefined();
  });

  test("a stop request ends as aborted with what was not done", () => {
    const state = run([
      { type: "scan", files: 3 },
      { type: "stop-requested" },
      { type: "finish", at: 5, notDone: ["c"] },
    ]);
    expect(state.phase).toBe("aborted");
    expect(state.notDone).toEqual(["c"]);
    expect(state.finishedAt).toBe(5);
    expect(run([{ type: "crash", at: 1, error: new Error("x") }]).phase).toBe("crashed");
  });

  test.each([
    ["uploaded", "uploaded"],
    ["updated", "updated"],
    ["unchanged", "unchanged"],
    ["reused", "reused"],
    ["pending", "pending"],
  ] as const)("status %s is shown as %s", (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

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

describe("errors", () => {
  test("API statuses say what to do next", () => {
    const e401 = apiError("Invalid API Key", 401);
    expect(describeError(e401).hint).toMatch(/RBXASSETS_API_KEY/);
    const e404 = apiError("not found", 404);
    expect(describeError(e404).hint).toMatch(/Check the id/);
    const e429 = apiError("slow down", 429);
    expect(describeError(e429).hint).toMatch(/wait/);
  });

  test("network failures point at the API URL; secrets are redacted", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const error = new TypeError("fetch failed", { cause });
    expect(describeError(error)).toMatchObject({
      title: "Cannot reach the API",
      hint: expect.stringMatching(/RBXASSETS_API_URL/),
    });
    const leaky = new Error("bad key sk-123456");
    expect(describeError(leaky, (t) => t.replaceAll("sk-123456", "[redacted]")).message).toBe(
      "bad key [redacted]",
    );
  });

  test("an abort is not a failure", () => {
    const abort = new DOMException("stopped", "AbortError");
    expect(isAbort(abort)).toBe(true);
    expect(describeError(abort).title).toBe("Cancelled");
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

describe("task registry", () => {
  test("abortAll aborts running work and waits for it to settle", async () => {
    const tasks = new TaskRegistry();
    const order: string[] = [];
    const task = tasks.run(
      (signal) =>
        new Promise<string>((resolve) => {
          signal.addEventListener("abort", () => {
            // Like the pipeline: finish recording, then resolve.
            setTimeout(() => {
              order.push("recorded");
              resolve("aborted");
            }, 1);
          });
        }),
    );
    expect(tasks.size).toBe(1);
    await tasks.abortAll();
    order.push("exited");
    expect(order).toEqual(["recorded", "exited"]);
    await expect(task.promise).resolves.toBe("aborted");
    expect(tasks.size).toBe(0);
  });

  test("stopAll tells graceful work to stop and aborts the rest (a watch that knows no stop)", async () => {
    const tasks = new TaskRegistry();
    const seen: string[] = [];
    const settle = (name: string) => (signal: AbortSignal, stop: AbortSignal) =>
      new Promise<void>((resolve) => {
        signal.addEventListener("abort", () => {
          seen.push(`${name} aborted`);
          resolve();
        });
        stop.addEventListener("abort", () => {
          seen.push(`${name} stopped`);
          resolve();
        });
      });
    tasks.run(settle("sync"), { graceful: true });
    tasks.run(settle("watch"));
    await tasks.stopAll();
    expect(seen.sort()).toEqual(["sync stopped", "watch aborted"]);
    expect(tasks.size).toBe(0);
  });
});
