// The TUI changing an asset, driven with keys: versions and rollback, archive and restore, metadata edits.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { getAsset, updateAsset, uploadFile } from "../src/services/assets.js";
import { fbx, png } from "./helpers/files.js";
import { closeTuiAfterEach, renderApp, setup } from "./helpers/tui-session.js";
import { KEYS, type RenderedApp, type TuiEnv } from "./tui-helpers.js";

closeTuiAfterEach();
let app: RenderedApp | undefined;

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
