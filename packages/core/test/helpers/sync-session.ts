// What the pipeline-sync files share: one emulator per file, whose key belongs to user:42 (videos cost
// VIDEO_FEE, names with "forbidden" are rejected and with "pending" reviewed), and a new project per test.
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createPipeline, type PipelineEvent, type PipelineOptions } from "../../src/node/index.js";
import { tempProject } from "../pipeline-project.js";
import { startTestEmulator } from "./emulator.js";

export let emulator: RunningEmulator;
export let project: { root: string; dispose(): Promise<void> };

/** The emulator refuses a video whose expected price is under its fee. */
export const VIDEO_FEE = 2000;

/** Starts the emulator before the calling file's tests, and gives each test a new project and fresh stats. */
export function syncSessionPerFile(): void {
  beforeAll(async () => {
    // The key belongs to the creator the project uploads for.
    emulator = await startTestEmulator({
      creator: "user:42",
      fees: { Video: VIDEO_FEE },
      operations: { pendingPolls: 0 },
      rateLimits: false,
      moderation: { rejectWords: ["forbidden"], reviewWords: ["pending"], reviewPolls: 2 },
    });
  });
  afterAll(async () => {
    await emulator.close();
  });
  beforeEach(async () => {
    project = await tempProject();
    emulator.resetStats();
  });
  afterEach(async () => {
    await project.dispose();
  });
}

export function env() {
  return {
    RBXASSETS_API_KEY: emulator.apiKey,
    RBXASSETS_API_URL: emulator.url,
    RBXASSETS_CREATOR: "user:42",
  };
}

/** A pipeline on the test's project, credentials from `env()`, that records its events. */
export function pipeline(options: PipelineOptions = {}) {
  const events: PipelineEvent[] = [];
  const p = createPipeline({ root: project.root, env: env(), onEvent: (e) => events.push(e), ...options });
  return { p, events };
}
