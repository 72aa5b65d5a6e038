// The whole TUI driven with keys, against a real emulator and a real ServiceContext.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { getAsset, updateAsset, uploadFile } from "../src/services/assets.js";
import { listLockedAssets } from "../src/services/lockfile.js";
import { syncPaths } from "../src/services/sync.js";
import { fbx, makeProject, png } from "./helpers/files.js";
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

/** A Model with `versions` versions (each update of its content commits one). */
async function modelWithVersions(e: TuiEnv, versions: number): Promise<string> {
  const created = await uploadFile(e.ctx, {
    file: "tree.fbx",
    assetType: "Model",
    displayName: "Tree",
    wait: true,
  });
  const assetId = created.assetId!;
  for (let n = 2; n <= versions; n++) {
    const file = `tree-${n}.fbx`;
    await import("node:fs/promises").then((fs) => fs.writeFile(join(e.root, file), fbx(n)));
    await updateAsset(e.ctx, assetId, { file, wait: true });
  }
  return assetId;
}

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

describe("upload", () => {
  test("picks several files, infers and asks types, prompts name and description, shows progress", async () => {
    const e = await setup({
      "art/hero.png": png(1),
      "art/villain.png": png(2),
      "models/tree.fbx": fbx(1),
      "notes.txt": "not an asset",
    });
    app = renderApp(e.ctx, { name: "upload" });
    let frame = await app.waitFor("models/tree.fbx");
    expect(frame).toMatch(/art\/hero\.png\s+Image/);
    expect(frame).not.toContain("notes.txt");
    // hero and tree: space on the first, down twice, space.
    await app.press(KEYS.space, KEYS.down, KEYS.down, KEYS.space);
    await app.waitFor("2 of 3 selected");
    await app.press(KEYS.enter);

    frame = await app.waitFor("File 1 of 2");
    expect(frame).toContain("Name: hero");
    await app.press(...Array(4).fill(KEYS.backspace));
    await app.type("Hero Sprite");
    await app.press(KEYS.enter);
    await app.waitFor("Description:");
    await app.type("The hero");
    await app.press(KEYS.enter);

    frame = await app.waitFor("File 2 of 2");
    expect(frame).toContain("Name: tree");
    // Defaults for the rest.
    await app.press(KEYS.tab);
    frame = await app.waitFor("Ready to upload 2 file(s)");
    expect(frame).toMatch(/art\/hero\.png\s+Image\s+"Hero Sprite"/);
    expect(frame).toMatch(/models\/tree\.fbx\s+Model\s+"tree"/);
    await app.press(KEYS.enter);

    frame = await app.waitFor("Upload finished");
    expect(frame).toMatch(/✔ art\/hero\.png → \d+ Image/);
    expect(frame).toMatch(/✔ models\/tree\.fbx → \d+ Model/);
    expect(frame).toContain("2/2 files · 100%");
    expect(frame).toContain("✔ 2 uploaded · ✖ 0 failed");
    expect(e.emulator.stats().creates).toBe(2);
    const heroId = /art\/hero\.png → (\d+)/.exec(frame)![1]!;
    const hero = await getAsset(e.ctx, heroId, { fields: ["description"] });
    expect(hero).toMatchObject({ displayName: "Hero Sprite", description: "The hero", assetType: "Image" });

    await app.press(KEYS.enter);
    await app.waitFor("What would you like to do?");
  });

  test("the picker sorts naturally, uses the full width, and marks files already in the lockfile", async () => {
    const long = `${"deep/".repeat(20)}n3.png`;
    const e = await setup({ "n10.png": png(10), "n2.png": png(2), "n1.png": png(1), [long]: png(3) });
    const synced = await syncPaths(e.ctx, ["n2.png"]);
    const lockedId = synced.uploaded[0]!.assetId;
    app = renderApp(e.ctx, { name: "upload" }, { columns: 160, rows: 30 });
    const frame = await app.waitFor("n10.png");
    const order = ["n1.png", "n2.png", "n10.png"].map((f) => frame.indexOf(f));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // 160 columns leave the 103-column path whole (it was cut at 60).
    expect(frame).toContain(long);
    expect(frame).toMatch(/n2\.png\s+Image\s+locked/);
    expect(frame).not.toMatch(/n1\.png\s+Image\s+locked/);
    // deep/… sorts first: n2.png is the third.
    await app.press(KEYS.down, KEYS.down);
    const focused = await app.waitFor("in the lockfile as asset");
    expect(focused).toContain(
      `in the lockfile as asset ${lockedId}: picking it updates that asset if the file changed`,
    );
  });

  test("an ambiguous file asks for its type", async () => {
    const e = await setup({ "anim.rbxm": (await import("./helpers/files.js")).rbxm(1) });
    app = renderApp(e.ctx, { name: "upload" });
    await app.waitFor("anim.rbxm");
    expect(app.frame()).toContain("Model or Animation");
    await app.press(KEYS.space, KEYS.enter);
    const frame = await app.waitFor("Upload as:");
    expect(frame).toContain("Model (inferred)");
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor("Name: anim");
    expect(app.frame()).toContain("(Animation)");
  });

  test("a failing upload is shown in place with the reason as it happens, and the rest carry on", async () => {
    const e = await setup({ "a.png": png(1), "b.png": png(2) }, { operations: { pendingPolls: 3 } });
    app = renderApp(e.ctx, { name: "upload" });
    await app.waitFor("b.png");
    await app.press("a");
    await app.waitFor("2 of 2 selected");
    await app.press(KEYS.enter);
    await app.waitFor("File 1 of 2");
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitFor("File 2 of 2");
    // A name the emulator's moderation does not accept would need setup; a missing file is simpler.
    await import("node:fs/promises").then((fs) => fs.rm(join(e.root, "b.png")));
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitFor("Ready to upload");
    await app.press(KEYS.enter);
    // The failure shows while a.png is still being uploaded (its operation stays pending a while).
    const during = await app.waitFor(/✖ b\.png/);
    expect(during).not.toContain("Upload finished");
    const frame = await app.waitFor("Upload finished", 30_000);
    expect(frame).toMatch(/✔ a\.png → \d+/);
    expect(frame).toMatch(/✖ b\.png\n\s+.*does not exist/);
    expect(frame).toContain("1 file failed: see the reasons above.");
  });
});

describe("assets", () => {
  test("looks an asset up by id; a wrong id is explained in place", async () => {
    const e = await setup({ "hero.png": png(1) });
    const { assetId } = await uploadFile(e.ctx, {
      file: "hero.png",
      displayName: "Hero",
      description: "Brave",
      wait: true,
    });
    app = renderApp(e.ctx, { name: "ask-asset", purpose: "asset" });
    await app.waitFor("Asset id:");
    await app.type("nope");
    await app.press(KEYS.enter);
    await app.waitFor("is not an asset id");
    await app.press(...Array(4).fill(KEYS.backspace));
    await app.type("999999");
    await app.press(KEYS.enter);
    let frame = await app.waitFor("✖");
    expect(frame).toContain("The API answered 404");
    expect(frame).toContain("→ Check the id");
    await app.press(KEYS.escape);
    await app.waitFor("What would you like to do?");

    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor("Asset id:");
    await app.type(`rbxassetid://${assetId}`);
    await app.press(KEYS.enter);
    frame = await app.waitFor(`Hero #${assetId}`);
    expect(frame).toContain("Image · Active · moderation Approved · version 1");
    expect(frame).toContain("Brave");
    expect(frame).toContain("Versions and rollback");
  });

  test("a refused key and an unreachable API are explained, without the key", async () => {
    const e = await setup();
    const { createServiceContext } = await import("../src/services/context.js");
    const wrongKey = "sk-wrong-key-0123456789";
    const refused = await createServiceContext({
      root: e.root,
      baseUrl: e.emulator.url,
      apiKey: wrongKey,
      env: {},
    });
    app = renderApp(refused, { name: "asset", assetId: "1" });
    let frame = await app.waitFor("✖");
    expect(frame).toContain("The API answered 401");
    expect(frame).toContain("Check RBXASSETS_API_KEY");
    expect(app.output()).not.toContain(wrongKey);
    app.unmount();

    const closed = await startTuiEnv();
    await closed.close();
    const unreachable = await createServiceContext({
      root: e.root,
      baseUrl: closed.emulator.url,
      apiKey: "k-123456",
      env: {},
    });
    app = renderApp(unreachable, { name: "asset", assetId: "1" });
    frame = await app.waitFor("✖", 30_000);
    expect(frame).toContain("Cannot reach the API");
    expect(frame).toContain("RBXASSETS_API_URL");
    // r retries in place.
    await app.press("r");
    await app.waitFor("Fetching asset 1");
  });

  test("browses the lockfile after a sync and opens an asset", async () => {
    const e = await setup({ "ui/a.png": png(1), "ui/b.png": png(2) });
    app = renderApp(e.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Upload new and changed files");
    await app.press(KEYS.enter);
    let frame = await app.waitFor("Sync finished");
    expect(frame).toMatch(/✔ ui\/a\.png → \d+ Image/);
    expect(frame).toContain("✔ 2 uploaded");
    const locked = await listLockedAssets(e.ctx);
    expect(locked.map((l) => l.file)).toEqual(["ui/a.png", "ui/b.png"]);
    await app.press(KEYS.escape);
    await app.waitFor("What would you like to do?");

    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    frame = await app.waitFor("2 assets");
    expect(frame).toMatch(new RegExp(`ui/a\\.png\\s+Image\\s+${locked[0]!.assetId}`));
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor(`#${locked[1]!.assetId}`);
    await app.press(KEYS.escape);
    await app.waitFor("2 assets");
  });

  test("an empty lockfile says how to fill it", async () => {
    const e = await setup();
    app = renderApp(e.ctx, { name: "browse" });
    await app.waitFor("The lockfile has no assets yet");
  });
});

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

describe("versions", () => {
  test("pages through versions and rolls back after confirmation", async () => {
    const e = await setup({ "tree.fbx": fbx(1) });
    const assetId = await modelWithVersions(e, 10);
    app = renderApp(e.ctx, { name: "versions", assetId });
    let frame = await app.waitFor("Page 1");
    expect(frame).toContain('Versions of "Tree"');
    expect(frame).toMatch(/Version 10\s+Approved\s+user:1\s+\(current\)/);
    expect(frame).toContain("Version 3");
    expect(frame).not.toContain("Version 2 ");
    expect(frame).toContain("older →");
    await app.press("n");
    frame = await app.waitFor("Page 2");
    expect(frame).toMatch(/Version 2\s/);
    expect(frame).toMatch(/Version 1\s/);
    expect(frame).toContain("← newer");

    // Enter on version 2, then cancel: nothing is rolled back.
    await app.press(KEYS.enter);
    frame = await app.waitFor("Roll back asset");
    expect(frame).toContain(`Roll back asset ${assetId} to version 2?`);
    await app.press("n");
    await app.waitFor("Page 2");
    expect(e.emulator.stats().requests.Assets_RollbackAssetVersion ?? 0).toBe(0);

    await app.press(KEYS.enter);
    await app.waitFor("Roll back asset");
    await app.press("y");
    frame = await app.waitFor("Rolled back");
    expect(frame).toContain("✔ Rolled back to version 2: it is now version 11, the current one.");
    expect(e.emulator.stats().requests.Assets_RollbackAssetVersion).toBe(1);
    const asset = await getAsset(e.ctx, assetId);
    expect(asset.revisionId).toBe("11");
    await app.press(KEYS.enter);
    frame = await app.waitFor("Page 1");
    expect(frame).toMatch(/Version 11\s+Approved\s+user:1\s+\(current\)/);
  });
});

describe("archive and restore", () => {
  test("archives after confirmation, then restores", async () => {
    const e = await setup({ "hero.png": png(1) });
    const { assetId } = await uploadFile(e.ctx, { file: "hero.png", displayName: "Hero", wait: true });
    app = renderApp(e.ctx, { name: "asset", assetId: assetId! });
    await app.waitFor("Hero #");
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    let frame = await app.waitFor("Proceed?");
    expect(frame).toContain(`Archive "Hero" (${assetId})?`);
    await app.press(KEYS.escape);
    await app.waitFor("Hero #");
    expect((await getAsset(e.ctx, assetId!)).state).toBe("Active");

    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor("Proceed?");
    await app.press("y");
    await app.waitFor("is now Archived");
    expect((await getAsset(e.ctx, assetId!)).state).toBe("Archived");
    await app.press(KEYS.enter);
    frame = await app.waitFor("Hero #");
    expect(frame).toContain("Image · Archived");
    expect(frame).toContain("Restore");

    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor(`Restore "Hero"`);
    await app.press("y");
    await app.waitFor("is now Active");
    expect((await getAsset(e.ctx, assetId!)).state).toBe("Active");
  });
});

describe("edit metadata", () => {
  test("edits several fields and saves only what changed", async () => {
    const e = await setup({ "hero.png": png(1), "icon.png": png(2) });
    const { assetId } = await uploadFile(e.ctx, { file: "hero.png", displayName: "Hero", wait: true });
    const icon = await uploadFile(e.ctx, { file: "icon.png", displayName: "Icon", wait: true });
    app = renderApp(e.ctx, { name: "edit", assetId: assetId! });
    let frame = await app.waitFor("Save (no changes yet)");
    expect(frame).toMatch(/Name\s+Hero/);

    // Description
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor("Description:");
    await app.type("Our brave hero");
    await app.press(KEYS.enter);
    // Icon: an invalid value first.
    frame = await app.waitFor("Save 1 change");
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor("Icon:");
    await app.type("not-an-id");
    await app.press(KEYS.enter);
    await app.waitFor("The icon must be an asset id");
    await app.press(...Array(9).fill(KEYS.backspace));
    await app.type(icon.assetId!);
    await app.press(KEYS.enter);
    // Social links
    await app.waitFor("Save 2 changes");
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor("Social links:");
    await app.type("github=https://github.com/hero");
    await app.press(KEYS.enter);
    frame = await app.waitFor("Save 3 changes");
    expect(frame).toMatch(/Description\s+Our brave hero \*/);

    await app.press(KEYS.down, KEYS.enter);
    frame = await app.waitFor("✔ Saved");
    // The fields now show what is stored, with nothing left to save.
    expect(frame).toMatch(/Social links\s+github=https:\/\/github\.com\/hero\n/);
    expect(frame).toContain("Save (no changes yet)");
    const asset = await getAsset(e.ctx, assetId!, {
      fields: ["description", "icon", "githubSocialLink", "displayName"],
    });
    expect(asset).toMatchObject({
      displayName: "Hero",
      description: "Our brave hero",
      icon: `assets/${icon.assetId}`,
      githubSocialLink: { uri: "https://github.com/hero" },
    });
  });
});

describe("operations", () => {
  test("watches an operation until it finishes", async () => {
    const e = await setup({}, { operations: { pendingPolls: 3 } });
    // Outside the project, an upload returns its pending operation (one inside is waited for and recorded).
    const outside = await makeProject({ "hero.png": png(1) });
    const started = await uploadFile(e.ctx, { file: join(outside, "hero.png"), displayName: "Hero" });
    expect(started.done).toBe(false);
    app = renderApp(e.ctx, { name: "operation" });
    await app.waitFor("Operation id:");
    await app.type(started.operationId!);
    await app.press(KEYS.enter);
    const frame = await app.waitFor(`Operation ${started.operationId} finished`, 20_000);
    expect(frame).toContain("Hero #");
    expect(frame).toContain("rbxassetid://");
  });

  test("an unknown operation is an error in place, with retry", async () => {
    const e = await setup();
    app = renderApp(e.ctx, { name: "operation", operationId: "00000000-0000-4000-8000-000000000000" });
    const frame = await app.waitFor("✖");
    expect(frame).toContain("404");
    expect(frame).toContain("r retry");
  });
});
