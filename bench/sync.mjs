// Sync benchmark: a cold sync of 500 small images against the emulator with its rate limits on (time
// scaled), compared with the bound those limits set; and a warm sync of 1,000 files already in the
// lockfile (no credentials, so no request can be made). Run after a build: `node bench/sync.mjs`.
// The pipeline runs with its defaults but for concurrency (see CONCURRENCY).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  createNodeAssetsClient,
  createPipeline,
  hashFile,
  serializeLockfile,
} from "../packages/core/dist/node/index.js";
import { operations } from "../packages/spec/dist/index.js";
import { png } from "./png.mjs";

const COLD_FILES = 500;
const WARM_FILES = 1000;
const TIME_SCALE = 30;
// Files in flight must cover the create rate times each file's time (create + polls of its operation).
// The time scale makes the rate 30 times the real one (60/s) but not the round trips, so the default (16,
// ample at the real 2/s) would be the bound here; 64 covers ~1 s per file.
const CONCURRENCY = 64;
// The emulator answers done:false to this many polls of an operation, done:true to the next one.
const PENDING_POLLS = 1;

async function project(count, prefix) {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(join(root, "images"), { recursive: true });
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      writeFile(join(root, "images", `${String(i).padStart(4, "0")}.png`), png(i + 1)),
    ),
  );
  return root;
}

/**
 * The emulator in its own process (as a real server would be), so that its work does not share our event
 * loop. Stats come from its `/_emulator/stats` endpoint.
 */
async function startEmulatorProcess(options) {
  const script = `
    import { startEmulator } from ${JSON.stringify(new URL("../packages/emulator/dist/index.js", import.meta.url).href)};
    const emulator = await startEmulator(${JSON.stringify(options)});
    process.stdout.write(JSON.stringify({ url: emulator.url, apiKey: emulator.apiKey }) + "\\n");
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  while (!output.includes("\n")) {
    const [chunk] = await Promise.race([once(child.stdout, "data"), once(child, "exit").then(() => [null])]);
    if (chunk === null) throw new Error("the emulator process exited");
    output += chunk;
  }
  const { url, apiKey } = JSON.parse(output);
  const origin = new URL(url).origin;
  return {
    url,
    apiKey,
    stats: async () => (await fetch(`${origin}/_emulator/stats`)).json(),
    close: async () => {
      child.kill();
      await once(child, "exit");
    },
  };
}

const sum = (record) => Object.values(record).reduce((a, b) => a + b, 0);

/**
 * The least time `count` requests of one operation take under its (scaled) fixed windows of `max` requests
 * each, counted from the first request: the window opened by the first request takes `max` of them, each
 * later window opens when the previous one ends, so the last request goes at floor((count - 1) / max) * W.
 * `fluidMs` is the same count at the average rate (count / max * W): it ignores that the budget comes in
 * whole windows, so a sync cannot reach it.
 */
function windowBound(id, count) {
  const { max, windowSeconds } = operations[id].rateLimit.apiKey;
  const windowMs = (windowSeconds * 1000) / TIME_SCALE;
  return {
    max,
    windowMs,
    count,
    fixedMs: Math.floor((count - 1) / max) * windowMs,
    fluidMs: (count / max) * windowMs,
  };
}

async function cold() {
  const emulator = await startEmulatorProcess({
    rateLimits: { timeScale: TIME_SCALE },
    operations: { pendingPolls: PENDING_POLLS, pendingMs: 0 },
  });
  const root = await project(COLD_FILES, "rbxassets-bench-cold-");
  try {
    let lastCreateMs = 0;
    // The quickest round trip of each operation seen: what the bound adds for the requests in series.
    const roundTrip = {
      Assets_CreateAsset: Number.POSITIVE_INFINITY,
      Assets_GetOperation: Number.POSITIVE_INFINITY,
    };
    const client = createNodeAssetsClient({
      apiKey: emulator.apiKey,
      baseUrl: emulator.url,
      env: {},
      onEvent: (event) => {
        if (event.type !== "response" || !(event.operationId in roundTrip)) return;
        roundTrip[event.operationId] = Math.min(roundTrip[event.operationId], event.durationMs);
        if (event.operationId === "Assets_CreateAsset") lastCreateMs = performance.now() - started;
      },
    });
    const pipeline = createPipeline({
      root,
      client,
      concurrency: CONCURRENCY,
      env: { RBXASSETS_CREATOR: "user:1" },
    });
    const started = performance.now();
    const report = await pipeline.sync(["."]);
    const elapsedMs = performance.now() - started;
    const stats = await emulator.stats();
    const polls = COLD_FILES * (PENDING_POLLS + 1);
    const creates = windowBound("Assets_CreateAsset", COLD_FILES);
    const gets = windowBound("Assets_GetOperation", polls);
    // The last file's create and its polls come one after the other, after the last window opened.
    const tailMs = roundTrip.Assets_CreateAsset + (PENDING_POLLS + 1) * roundTrip.Assets_GetOperation;
    const boundMs = Math.max(creates.fixedMs, gets.fixedMs) + tailMs;
    return {
      uploaded: report.uploaded.length,
      failed: report.failed.length,
      elapsedMs,
      lastCreateMs,
      createsBound: creates,
      getsBound: gets,
      tailMs,
      boundMs,
      ratio: elapsedMs / boundMs,
      fluidMs: Math.max(creates.fluidMs, gets.fluidMs),
      creates: stats.creates,
      polls: stats.requests.Assets_GetOperation ?? 0,
      throttled: stats.responses["429"] ?? 0,
    };
  } finally {
    await emulator.close();
    await rm(root, { recursive: true, force: true });
  }
}

async function warm() {
  const emulator = await startEmulatorProcess({ rateLimits: false });
  const root = await project(WARM_FILES, "rbxassets-bench-warm-");
  try {
    const assets = new Map();
    for (let i = 0; i < WARM_FILES; i++) {
      const file = `images/${String(i).padStart(4, "0")}.png`;
      assets.set(file, {
        assetId: String(1000 + i),
        assetType: "Image",
        hash: await hashFile(join(root, file)),
        creator: "user:1",
      });
    }
    await writeFile(join(root, "rbxassets.lock.json"), serializeLockfile(assets));
    const before = sum((await emulator.stats()).requests);
    // No credentials at all: a request is impossible, and none is needed.
    const pipeline = createPipeline({ root, env: { RBXASSETS_API_URL: emulator.url } });
    const started = performance.now();
    const report = await pipeline.sync(["."]);
    const elapsedMs = performance.now() - started;
    return {
      unchanged: report.unchanged.length,
      failed: report.failed.length,
      elapsedMs,
      requests: sum((await emulator.stats()).requests) - before,
    };
  } finally {
    await emulator.close();
    await rm(root, { recursive: true, force: true });
  }
}

const c = await cold();
const w = await warm();
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ms = (n) => `${Math.round(n)} ms`;
const windows = (b) => `floor((${b.count} - 1) / ${b.max}) * ${b.windowMs} ms = ${s(b.fixedMs)}`;
console.log(
  `cold sync: ${COLD_FILES} images, rate limits on (timeScale ${TIME_SCALE}), concurrency ${CONCURRENCY}\n` +
    "rate-limit bound = max over operations of floor((N - 1) / L) * W (N requests, L per fixed window of W)\n" +
    "                   + the last file's requests in series (1 create + the polls of its operation)\n" +
    `  creates: ${windows(c.createsBound)}; polls: ${windows(c.getsBound)}\n` +
    `  + ${ms(c.tailMs)} (quickest round trips: 1 create + ${PENDING_POLLS + 1} polls) = ${s(c.boundMs)}` +
    ` (at the average rate N / L * W instead: ${s(c.fluidMs)}, ratio ${(c.elapsedMs / c.fluidMs).toFixed(3)})`,
);
console.table({
  "cold sync": {
    files: c.uploaded,
    failed: c.failed,
    elapsed: `${s(c.elapsedMs)} (last create at ${s(c.lastCreateMs)})`,
    "rate-limit bound": s(c.boundMs),
    "ratio (goal <= 1.1)": c.ratio.toFixed(3),
    requests: `${c.creates} creates, ${c.polls} polls, ${c.throttled} 429s`,
  },
  "warm sync": {
    files: w.unchanged,
    failed: w.failed,
    elapsed: `${s(w.elapsedMs)} (goal < 1 s)`,
    "rate-limit bound": "-",
    "ratio (goal <= 1.1)": "-",
    requests: `${w.requests} (goal 0)`,
  },
});
