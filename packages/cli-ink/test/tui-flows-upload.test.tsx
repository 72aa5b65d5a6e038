// The TUI's upload screens driven with keys, against a real emulator: picking, naming, progress, failures.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { getAsset } from "../src/services/assets.js";
import { syncPaths } from "../src/services/sync.js";
import { fbx, png } from "./helpers/files.js";
import { closeTuiAfterEach, renderApp, setup } from "./helpers/tui-session.js";
import { KEYS, type RenderedApp } from "./tui-helpers.js";

closeTuiAfterEach();
let app: RenderedApp | undefined;

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
