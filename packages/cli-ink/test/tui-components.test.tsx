// The view components on their own, rendered with ink-testing-library.
import { stripVTControlCharacters } from "node:util";
import { AssetsApiError } from "@rbxassets/core";
import { render } from "ink-testing-library";
import { describe, expect, test } from "vitest";
import { AssetCard } from "../src/tui/components/asset-card.js";
import { Confirm } from "../src/tui/components/confirm.js";
import { ErrorBox } from "../src/tui/components/error-box.js";
import { KeyHints } from "../src/tui/components/key-hints.js";
import { Menu } from "../src/tui/components/menu.js";
import { FinishedLine, ProgressPanel } from "../src/tui/components/progress-panel.js";
import { initialProgress, type ProgressAction, progressReducer } from "../src/tui/state/progress.js";
import { afterEscape, KEYS } from "./tui-helpers.js";

/** A real API error, as the client throws it (errors are classified by class, not by name). */
const apiError = (message: string, status: number) =>
  new AssetsApiError({ message, status, operationId: "Assets_GetAsset", body: undefined });

const plain = (frame: string | undefined) => stripVTControlCharacters(frame ?? "");
const turn = async () => {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => setTimeout(resolve, 5));
};

describe("KeyHints", () => {
  test("lists each key and its action on one line", () => {
    const { lastFrame } = render(
      <KeyHints
        hints={[
          ["↑↓", "move"],
          ["esc", "back"],
        ]}
      />,
    );
    expect(plain(lastFrame())).toBe("↑↓ move · esc back");
  });
});

describe("ErrorBox", () => {
  test("says what happened and what to do next", () => {
    const error = apiError("Asset not found", 404);
    const frame = plain(render(<ErrorBox error={error} />).lastFrame());
    expect(frame).toContain("The API answered 404");
    expect(frame).toContain("Asset not found");
    expect(frame).toContain("→ Check the id");
  });
});

describe("Confirm", () => {
  const setup = () => {
    const calls: string[] = [];
    const app = render(
      <Confirm
        message="Archive asset 1?"
        onConfirm={() => calls.push("yes")}
        onCancel={() => calls.push("no")}
      />,
    );
    return { app, calls };
  };

  test("defaults to No, so Enter alone does not confirm", async () => {
    const { app, calls } = setup();
    expect(plain(app.lastFrame())).toContain("Archive asset 1?");
    expect(plain(app.lastFrame())).toContain("y/N");
    await turn();
    app.stdin.write(KEYS.enter);
    await turn();
    expect(calls).toEqual(["no"]);
  });

  test("y confirms; Esc cancels", async () => {
    const yes = setup();
    await turn();
    yes.app.stdin.write("y");
    await turn();
    expect(yes.calls).toEqual(["yes"]);
    const esc = setup();
    await turn();
    esc.app.stdin.write(KEYS.escape);
    await afterEscape();
    await turn();
    await turn();
    expect(esc.calls).toEqual(["no"]);
  });
});

describe("Menu", () => {
  test("starts on the initial value, shows what is scrolled away, and reports every Enter", async () => {
    const chosen: string[] = [];
    const options = Array.from({ length: 10 }, (_, i) => ({ label: `Option ${i}`, value: String(i) }));
    const app = render(
      <Menu options={options} initialValue="6" visibleCount={4} onSelect={(v) => chosen.push(v)} />,
    );
    const frame = plain(app.lastFrame());
    expect(frame).toContain("↑ 3 more");
    expect(frame).toContain("❯ Option 6");
    expect(frame).toContain("↓ 3 more");
    await turn();
    app.stdin.write(KEYS.enter);
    await turn();
    app.stdin.write(KEYS.enter);
    await turn();
    app.stdin.write(KEYS.down);
    await turn();
    app.stdin.write(KEYS.enter);
    await turn();
    expect(chosen).toEqual(["6", "6", "7"]);
  });
});

describe("ProgressPanel", () => {
  test("finished files above, live counts, bar and running files below", () => {
    const actions: ProgressAction[] = [
      { type: "scan", files: 4 },
      { type: "start", file: "a.png", action: "upload" },
      { type: "start", file: "b.png", action: "upload" },
      {
        type: "done",
        asset: {
          file: "a.png",
          assetId: "101",
          assetType: "Image",
          status: "uploaded",
          moderation: "Approved",
        },
      },
      { type: "failed", file: "c.png", reason: "c.png: the file is too large — shrink it" },
    ];
    const state = actions.reduce(progressReducer, initialProgress(0));
    // Finished files are printed by the app's one <Static>: here they sit above the live area as there.
    const frame = plain(
      render(
        <>
          {state.finished.map((item) => (
            <FinishedLine key={item.key} item={item} />
          ))}
          <ProgressPanel state={state} now={2_000} />
        </>,
      ).lastFrame(),
    );
    const lines = frame.split("\n");
    expect(lines[0]).toBe("✔ a.png → 101 Image (Approved)");
    expect(lines[1]).toBe("✖ c.png");
    expect(lines[2]).toBe("  the file is too large — shrink it");
    expect(frame).toContain("Uploading b.png (upload)");
    expect(frame).toContain("2/4 files · 50%");
    expect(frame).toContain("✔ 1 uploaded · ✖ 1 failed");
    expect(frame).toContain("1.0 files/s · 0:02 elapsed · about 0:02 left");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe("AssetCard", () => {
  test("shows an asset in a few lines, with both spellings of type and moderation", () => {
    const frame = plain(
      render(
        <AssetCard
          asset={{
            assetId: "77",
            displayName: "Sword",
            assetType: "ASSET_TYPE_MODEL",
            revisionId: "3",
            state: "Archived",
            moderationResult: { moderationState: "MODERATION_STATE_APPROVED" },
            creationContext: { creator: { groupId: "9" } },
            previews: [{ asset: "assets/5" }],
            githubSocialLink: { uri: "https://github.com/me" },
          }}
        />,
      ).lastFrame(),
    );
    expect(frame).toContain("Sword #77");
    expect(frame).toContain("Model · Archived · moderation Approved · version 3");
    expect(frame).toContain("rbxassetid://77 · group:9");
    expect(frame).toContain("Previews      5");
    expect(frame).toContain("github https://github.com/me");
  });
});
