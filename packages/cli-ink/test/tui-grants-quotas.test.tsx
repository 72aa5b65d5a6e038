// The TUI's grant and quota views, driven with keys against a real emulator and a real ServiceContext.
import { afterEach, describe, expect, test } from "vitest";
import { uploadFile } from "../src/services/assets.js";
import { grantAssets } from "../src/services/grant.js";
import { png, wav } from "./helpers/files.js";
import { KEYS, type RenderedApp, renderApp, startTuiEnv, type TuiEnv } from "./tui-helpers.js";

let env: TuiEnv | undefined;
let app: RenderedApp | undefined;
afterEach(async () => {
  app?.unmount();
  app = undefined;
  await env?.close();
  env = undefined;
});

const emulatorOptions = {
  universes: ["6046911802", "7000000001"],
  quotas: [
    {
      creator: "user:1",
      assetType: "Audio" as const,
      capacity: 10,
      usage: 7,
      resetTime: "2099-01-01T00:00:00Z",
    },
  ],
};

describe("the asset screen and grants", () => {
  test("shows the experiences the lockfile knows, and grants a new one from the menu", async () => {
    env = await startTuiEnv({ "hero.png": png(1) }, emulatorOptions);
    const { assetId } = await uploadFile(env.ctx, { file: "hero.png", displayName: "Hero", wait: true });
    await grantAssets(env.ctx, [assetId!], ["6046911802"]);
    app = renderApp(env.ctx, { name: "asset", assetId: assetId! });
    await app.waitFor("Grant to an experience");
    let frame = await app.waitFor(/Experiences\s+6046911802/);
    expect(frame).toContain("Hero");
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitFor("Universe id:");
    await app.type("place-1");
    await app.press(KEYS.enter);
    await app.waitFor("is not a universe id");
    await app.press(...Array(7).fill(KEYS.backspace));
    await app.type("7000000001");
    await app.press(KEYS.enter);
    frame = await app.waitFor("may now use asset");
    expect(frame).toContain(`✔ Experience 7000000001 may now use asset ${assetId}`);
    await app.press(KEYS.enter);
    frame = await app.waitFor(/Experiences\s+6046911802, 7000000001/);
    expect(frame).toContain("Hero");
  });

  test("an unknown experience is explained in words", async () => {
    env = await startTuiEnv({ "hero.png": png(2) }, emulatorOptions);
    const { assetId } = await uploadFile(env.ctx, { file: "hero.png", wait: true });
    app = renderApp(env.ctx, { name: "grant", assetId: assetId! });
    await app.waitFor("Universe id:");
    await app.type("123");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("✖");
    expect(frame).toContain("experience 123: no experience has this universe id");
  });
});

describe("the sync screen and quotas", () => {
  test("shows the audio quota before a sync of a folder that holds audio", async () => {
    env = await startTuiEnv({ "sfx/click.wav": wav(), "ui/a.png": png(3) }, emulatorOptions);
    app = renderApp(env.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("Quota:");
    expect(frame).toContain("Audio 3 of 10 left this month (resets 2099-01-01)");
    expect(frame).toContain("the folder holds 1 audio file(s)");
  });

  test("says nothing of quotas for a folder without audio or video", async () => {
    env = await startTuiEnv({ "ui/a.png": png(4) }, emulatorOptions);
    app = renderApp(env.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("Upload new and changed files");
    expect(frame).not.toContain("Quota");
    expect(env.emulator.stats().requests.Cloud_ListAssetQuotas ?? 0).toBe(0);
  });

  test("a sync whose audio does not fit stops before uploading, and says why", async () => {
    env = await startTuiEnv(
      { "sfx/click.wav": wav(), "ui/b.png": png(5) },
      { ...emulatorOptions, quotas: [{ creator: "user:1", assetType: "Audio", capacity: 10, usage: 10 }] },
    );
    app = renderApp(env.ctx, { name: "sync" });
    await app.waitFor("Folder:");
    await app.press(KEYS.enter);
    await app.waitFor("Quota:");
    await app.press(KEYS.enter);
    const frame = await app.waitFor("1 audio file to upload, 0 left this month");
    expect(frame).toContain("✔ 0 uploaded");
    expect(env.emulator.stats().creates).toBe(0);
  });
});
