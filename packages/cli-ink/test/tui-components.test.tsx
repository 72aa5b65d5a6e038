// The view components on their own, rendered with ink-testing-library.
import { stripVTControlCharacters } from "node:util";
import { AssetsApiError } from "@rbxassets/core";
import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { describe, expect, test } from "vitest";
import { AssetCard } from "../src/tui/components/asset-card.js";
import { Confirm } from "../src/tui/components/confirm.js";
import { ErrorBox } from "../src/tui/components/error-box.js";
import { KeyHints } from "../src/tui/components/key-hints.js";
import { Menu } from "../src/tui/components/menu.js";
import { FinishedLine, ProgressPanel } from "../src/tui/components/progress-panel.js";
import { truncateEnd, truncateStart } from "../src/tui/state/format.js";
import { fitHints } from "../src/tui/state/hints.js";
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
    expect(plain(lastFrame())).toBe("↑↓ move · esc back · ? help");
  });
});

describe("fitHints", () => {
  const hints = [
    ["↑↓", "move"],
    ["enter", "roll back to"],
    ["←/p →/n", "page"],
    ["r", "reload"],
    ["esc", "back"],
    ["?", "help"],
  ] as const;
  test("drops the least used first and never the way out or help", () => {
    expect(fitHints(hints, 200).hints).toHaveLength(6);
    const at50 = fitHints(hints, 50);
    expect(at50.hints.map(([key]) => key)).toEqual(["↑↓", "enter", "esc", "?"]);
    expect(at50.actions).toBe(true);
    const at20 = fitHints(hints, 20);
    expect(at20.hints.map(([key]) => key)).toEqual(["esc", "?"]);
    // Too narrow even for those two with words: the keys stay, the words go.
    const at8 = fitHints(hints, 8);
    expect(at8).toEqual({
      hints: [
        ["esc", "back"],
        ["?", "help"],
      ],
      actions: false,
    });
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
          <ProgressPanel state={state} now={10_000} />
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
    expect(frame).toContain("12.0 files/min · 0:10 elapsed · about 0:10 left");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe("ProgressPanel counts and rate", () => {
  test("files that are not assets count in the total: never more done than there are", () => {
    const actions: ProgressAction[] = [
      { type: "scan", files: 2, others: 2 },
      { type: "skipped", file: "notes.txt", reason: "not an asset type" },
      { type: "skipped", file: "readme.md", reason: "not an asset type" },
      { type: "done", asset: { file: "a.png", assetId: "1", status: "uploaded" } },
      { type: "done", asset: { file: "b.png", assetId: "2", status: "uploaded" } },
      { type: "finish", at: 1_000 },
    ];
    const state = actions.reduce(progressReducer, initialProgress(0));
    const frame = plain(render(<ProgressPanel state={state} now={1_000} />).lastFrame());
    expect(frame).toContain("4/4 files · 100%");
  });

  test("no rate for a couple of files in a couple of seconds; a rate once it means something", () => {
    const two: ProgressAction[] = [
      { type: "scan", files: 2 },
      { type: "done", asset: { file: "a.png", assetId: "1", status: "uploaded" } },
      { type: "done", asset: { file: "b.png", assetId: "2", status: "uploaded" } },
    ];
    const state = two.reduce(progressReducer, initialProgress(0));
    const early = plain(render(<ProgressPanel state={state} now={2_170} />).lastFrame());
    expect(early).not.toMatch(/files\/(min|s)/);
    expect(early).toContain("– · 0:02 elapsed · estimating time left");
    const later = plain(render(<ProgressPanel state={state} now={12_000} />).lastFrame());
    expect(later).toContain("10.0 files/min");
  });
});

describe("truncation", () => {
  test("cuts whole characters by display width, never inside one", () => {
    const rockets = "🚀".repeat(50);
    for (const width of [1, 2, 7, 20, 33]) {
      for (const cut of [truncateEnd(rockets, width), truncateStart(rockets, width)]) {
        expect(stringWidth(cut)).toBeLessThanOrEqual(width);
        // No lone surrogate: a cut inside a 🚀 would leave half of it.
        expect(/[\uD800-\uDFFF]/u.test(cut.replaceAll("🚀", ""))).toBe(false);
        expect(cut.replaceAll("🚀", "").replace("…", "")).toBe("");
      }
    }
    expect(truncateEnd(rockets, 7)).toBe("🚀🚀🚀…");
    expect(truncateStart(`dir/${"漢".repeat(10)}.png`, 11)).toBe("…漢漢漢.png");
    expect(truncateEnd("short", 10)).toBe("short");
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
