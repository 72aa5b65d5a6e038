// The TUI's operation screen driven with keys: watching an operation to its end, an unknown one with retry.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { uploadFile } from "../src/services/assets.js";
import { makeProject, png } from "./helpers/files.js";
import { closeTuiAfterEach, renderApp, setup } from "./helpers/tui-session.js";
import { KEYS, type RenderedApp } from "./tui-helpers.js";

closeTuiAfterEach();
let app: RenderedApp | undefined;

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
