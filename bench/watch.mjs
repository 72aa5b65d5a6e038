// Watch benchmark: `sync --watch`'s cost from a changed file to its module rewritten, upload excluded.
// A project input of 300 images is synced once against the emulator; then, 15 times, one image is
// overwritten with the bytes of another image of the input (content the lockfile already has, so no
// upload), and the time from the write to the batch's module rewrite is measured. The figure includes
// the watcher's write-finish wait and the debounce (WATCH_DEBOUNCE_MS). Run after a build:
// `node bench/watch.mjs`.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  createPipeline,
  loadProject,
  syncProjectInputs,
  watchProject,
} from "../packages/core/dist/node/index.js";
import { startEmulator } from "../packages/emulator/dist/index.js";

const FILES = 300;
const CHANGES = 15;
const WATCH_DEBOUNCE_MS = 100;

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const png = (n) => Buffer.concat([PNG, Buffer.from(String(n))]);

const emulator = await startEmulator({
  rateLimits: false,
  operations: { pendingPolls: 0 },
  creator: "user:1",
});
const root = await mkdtemp(join(tmpdir(), "rbxassets-bench-watch-"));
try {
  await mkdir(join(root, "assets/ui"), { recursive: true });
  for (let i = 0; i < FILES; i++) await writeFile(join(root, `assets/ui/img${i}.png`), png(i));
  await writeFile(
    join(root, "rbxassets.config.json"),
    JSON.stringify({
      creator: "user:1",
      inputs: { ui: { include: "assets/ui/*.png", output: { luau: "src/UI.luau" } } },
    }),
  );
  const pipelineFor = () =>
    createPipeline({
      root,
      creator: "user:1",
      env: { RBXASSETS_API_KEY: emulator.apiKey, RBXASSETS_API_URL: emulator.url },
    });
  const project = await loadProject(root);
  const first = await syncProjectInputs(project, project.inputs, { pipelineFor });
  if (first.failed.length > 0) throw new Error(`initial sync failed: ${first.failed[0].reason}`);
  const createsBefore = emulator.stats().creates;

  const controller = new AbortController();
  let onBatch = () => {};
  const ready = new Promise((resolve) => {
    void watchProject({
      project,
      reload: () => loadProject(root),
      sync: (p, inputs, signal) => syncProjectInputs(p, inputs, { pipelineFor, signal }),
      onBatch: (batch) => onBatch(batch),
      onError: (error) => {
        throw error;
      },
      onReady: resolve,
      debounceMs: WATCH_DEBOUNCE_MS,
      signal: controller.signal,
    });
  });
  await ready;

  const times = [];
  for (let i = 0; i < CHANGES; i++) {
    // img<i> takes the bytes of img<i + FILES/2>: known content, so the module changes with no upload.
    const batch = new Promise((resolve) => {
      onBatch = resolve;
    });
    const started = performance.now();
    await writeFile(join(root, `assets/ui/img${i}.png`), png(i + FILES / 2));
    const done = await batch;
    if (!done.report.modules.includes("src/UI.luau")) throw new Error("the module was not rewritten");
    times.push(performance.now() - started);
  }
  controller.abort();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`files in the input:          ${FILES}`);
  console.log(
    `changes measured:            ${CHANGES} (uploads during them: ${emulator.stats().creates - createsBefore})`,
  );
  console.log(
    `change -> module rewritten:  median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}`,
  );
  console.log(`  of which debounce:         ${WATCH_DEBOUNCE_MS} ms; write-finish wait: 40 ms (+ polling)`);
} finally {
  await emulator.close();
  await rm(root, { recursive: true, force: true });
}
