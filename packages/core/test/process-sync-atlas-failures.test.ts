// An atlas that was not uploaded reports its sprites as a single file's failure would be: an account refusal
// once (named by a sprite, the rest not attempted), an unwritable journal as the run's one error, and any
// other failure with its rule and fix.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  accountRefusalOf,
  createPipeline,
  isPipelineError,
  type PipelineEvent,
  type PipelineOptions,
} from "../src/node/index.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { tempProject } from "./pipeline-project.js";
import { encode, iconPixels } from "./process-fixtures.js";

const CREATOR = "user:42";
const sheet = { spritesheet: { maxSize: 64, padding: 2 } };
const ICONS = 10;

let emulator: RunningEmulator;
let project: { root: string; dispose(): Promise<void> };

beforeAll(async () => {
  emulator = await startTestEmulator({
    creator: CREATOR,
    operations: { pendingPolls: 0 },
    rateLimits: false,
    // The second atlas of the "doomed" input is rejected.
    moderation: (input) => (input.displayName.includes("doomed atlas 1") ? "Rejected" : "Approved"),
  });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  project = await tempProject("rbxassets-atlas-failures-");
  emulator.resetStats();
});
afterEach(() => project.dispose());

function pipeline(apiKey = emulator.apiKey, options: PipelineOptions = {}) {
  const events: PipelineEvent[] = [];
  const env = { RBXASSETS_API_KEY: apiKey, RBXASSETS_API_URL: emulator.url, RBXASSETS_CREATOR: CREATOR };
  const p = createPipeline({
    root: project.root,
    env,
    processing: sheet,
    onEvent: (e) => events.push(e),
    ...options,
  });
  return { p, events };
}

async function put(file: string, bytes: Uint8Array | string) {
  const path = join(project.root, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}

/** ICONS small icons (several atlases at maxSize 64) and one too wide for an atlas (uploaded alone). */
async function writeIcons(): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < ICONS; i++) {
    const size = [20, 12, 28, 16, 8, 24, 10, 18, 14, 22][i]!;
    const file = `ui/icon${String(i).padStart(2, "0")}.png`;
    await put(file, await encode(iconPixels(size, size + (i % 3), i)));
    files.push(file);
  }
  await put("ui/wide.png", await encode(iconPixels(70, 10, 9)));
  return [...files, "ui/wide.png"];
}

const creates = () => emulator.stats().requests.Assets_CreateAsset ?? 0;

describe("an atlas that was not uploaded", () => {
  it("an account refusal (wrong key) is the sync's refusal, said once by a sprite: no file fails", async () => {
    const files = await writeIcons();
    const { p, events } = pipeline("wrong-key");
    const report = await p.sync(["ui"], { input: "ui" });

    // The first write goes alone: the refused atlas is the only request.
    expect(creates()).toBeLessThanOrEqual(1);
    expect(report.refusal).toMatchObject({ reason: "invalid-key", status: 401, creator: CREATOR });
    const refused = report.refusal?.files ?? [];
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((file) => /^ui\/icon\d\d\.png$/.test(file))).toBe(true);
    // Named by a sprite of the atlas sent, not by the atlas and not as "not attempted".
    const named = report.refusal?.message.split(":")[0];
    expect(refused).toContain(named);
    expect(report.refusal?.message).toMatch(/^ui\/icon\d\d\.png: .+ — .+$/);
    expect(report.refusal?.message).not.toContain("not attempted");
    expect(report.refusal?.message).not.toContain("wrong-key");
    expect(events.filter((e) => e.type === "refused")).toEqual([expect.objectContaining({ file: named })]);
    // The sprites are refused or not attempted, never plain failures; the wide image was not sent either.
    expect(report.failed).toEqual([]);
    expect(events.filter((e) => e.type === "failed")).toEqual([]);
    expect(report.notAttempted).toContain("ui/wide.png");
    expect([...refused, ...report.notAttempted].sort()).toEqual(files.sort());
    expect(report.uploaded).toEqual([]);
  });

  it("a journal that cannot be written stops the run with its one error, not one failure per sprite", async () => {
    await writeIcons();
    // A file where the journal's folder goes: the journal cannot be made.
    await put(".rbxassets", "not a folder");
    const { p, events } = pipeline();
    const error = await p.sync(["ui"], { input: "ui" }).catch((e: unknown) => e);
    expect(isPipelineError(error)).toBe(true);
    expect(error).toMatchObject({ rule: "unwritable", file: ".rbxassets/journal" });
    expect(accountRefusalOf(error)).toBeUndefined();
    expect(events.filter((e) => e.type === "failed")).toEqual([]);
    expect(creates()).toBe(0);
  });

  it("any other failure keeps its rule and fix, its problem naming the atlas", async () => {
    await writeIcons();
    const { p, events } = pipeline();
    const report = await p.sync(["ui"], { input: "doomed" });
    expect(report.refusal).toBeUndefined();
    expect(report.failed.length).toBeGreaterThan(0);
    for (const failure of report.failed) {
      expect(failure).toMatchObject({
        rule: "moderation-rejected",
        fix: expect.stringContaining("Community Standards"),
        problem: expect.stringMatching(
          /^its atlas was not uploaded: doomed#1: moderation rejected the content/,
        ),
      });
      expect(failure.reason).toBe(`${failure.file}: ${failure.problem} — ${failure.fix}`);
    }
    const failedEvents = events.filter((e) => e.type === "failed");
    expect(failedEvents).toHaveLength(report.failed.length);
    expect(failedEvents.every((e) => e.rule === "moderation-rejected")).toBe(true);
  });
});
