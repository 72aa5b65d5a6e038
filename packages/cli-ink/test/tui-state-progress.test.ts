// Work the TUI runs, as pure state: the progress reducer (counts, rate, time left, stops), the task registry.
import { describe, expect, test } from "vitest";
import {
  completedCount,
  etaMs,
  initialProgress,
  outcomeOf,
  type ProgressAction,
  type ProgressState,
  percentDone,
  progressReducer,
  ratePerSecond,
} from "../src/tui/state/progress.js";
import { TaskRegistry } from "../src/tui/state/tasks.js";

describe("progress", () => {
  const run = (actions: ProgressAction[], start = initialProgress(0)): ProgressState =>
    actions.reduce(progressReducer, start);

  test("counts finished files in order, and warnings apart", () => {
    const state = run([
      { type: "scan", files: 4 },
      { type: "start", file: "a.png", action: "upload" },
      { type: "start", file: "b.png", action: "upload" },
      { type: "done", asset: { file: "a.png", assetId: "1", status: "uploaded", warning: "big" } },
      { type: "failed", file: "b.png", reason: "b.png: too large — shrink it" },
      { type: "done", asset: { file: "c.png", assetId: "3", status: "reused" } },
    ]);
    expect(state.phase).toBe("running");
    expect(state.running).toEqual([]);
    expect(state.finished.map((f) => [f.file, f.outcome])).toEqual([
      ["a.png", "uploaded"],
      ["a.png", "warning"],
      ["b.png", "failed"],
      ["c.png", "reused"],
    ]);
    expect(new Set(state.finished.map((f) => f.key)).size).toBe(4);
    expect(completedCount(state)).toBe(3);
    expect(percentDone(state)).toBe(75);
  });

  test("rate and time left come from the clock passed in", () => {
    const state = run([
      { type: "scan", files: 10 },
      { type: "done", asset: { file: "a", status: "uploaded" } },
      { type: "done", asset: { file: "b", status: "updated" } },
    ]);
    // Two files in 4 s is too little to say a rate (none before 10 files or 10 s): the clock is at 20 s.
    expect(ratePerSecond(state, 4_000)).toBeUndefined();
    expect(ratePerSecond(state, 20_000)).toBe(0.1);
    expect(etaMs(state, 20_000)).toBe(80_000);
    expect(ratePerSecond(initialProgress(0, 3), 1_000)).toBeUndefined();
    expect(etaMs(initialProgress(0, 3), 1_000)).toBeUndefined();
  });

  test("a stop request ends as aborted with what was not done", () => {
    const state = run([
      { type: "scan", files: 3 },
      { type: "stop-requested" },
      { type: "finish", at: 5, notDone: ["c"] },
    ]);
    expect(state.phase).toBe("aborted");
    expect(state.notDone).toEqual(["c"]);
    expect(state.finishedAt).toBe(5);
    expect(run([{ type: "crash", at: 1, error: new Error("x") }]).phase).toBe("crashed");
  });

  test.each([
    ["uploaded", "uploaded"],
    ["updated", "updated"],
    ["unchanged", "unchanged"],
    ["reused", "reused"],
    ["pending", "pending"],
  ] as const)("status %s is shown as %s", (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});

describe("task registry", () => {
  test("abortAll aborts running work and waits for it to settle", async () => {
    const tasks = new TaskRegistry();
    const order: string[] = [];
    const task = tasks.run(
      (signal) =>
        new Promise<string>((resolve) => {
          signal.addEventListener("abort", () => {
            // Like the pipeline: finish recording, then resolve.
            setTimeout(() => {
              order.push("recorded");
              resolve("aborted");
            }, 1);
          });
        }),
    );
    expect(tasks.size).toBe(1);
    await tasks.abortAll();
    order.push("exited");
    expect(order).toEqual(["recorded", "exited"]);
    await expect(task.promise).resolves.toBe("aborted");
    expect(tasks.size).toBe(0);
  });

  test("stopAll tells graceful work to stop and aborts the rest (a watch that knows no stop)", async () => {
    const tasks = new TaskRegistry();
    const seen: string[] = [];
    const settle = (name: string) => (signal: AbortSignal, stop: AbortSignal) =>
      new Promise<void>((resolve) => {
        signal.addEventListener("abort", () => {
          seen.push(`${name} aborted`);
          resolve();
        });
        stop.addEventListener("abort", () => {
          seen.push(`${name} stopped`);
          resolve();
        });
      });
    tasks.run(settle("sync"), { graceful: true });
    tasks.run(settle("watch"));
    await tasks.stopAll();
    expect(seen.sort()).toEqual(["sync stopped", "watch aborted"]);
    expect(tasks.size).toBe(0);
  });
});
