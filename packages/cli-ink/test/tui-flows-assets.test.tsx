// The TUI's lookup and browse screens driven with keys: an asset by id, errors explained in place, browsing.
import { describe, expect, test } from "vitest";
import { uploadFile } from "../src/services/assets.js";
import { listLockedAssets } from "../src/services/lockfile.js";
import { png } from "./helpers/files.js";
import { closeTuiAfterEach, renderApp, setup } from "./helpers/tui-session.js";
import { KEYS, type RenderedApp, startTuiEnv } from "./tui-helpers.js";

closeTuiAfterEach();
let app: RenderedApp | undefined;

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
