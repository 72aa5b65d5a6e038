// pnpm bench:client — the client against the emulator with its rate limits on (time scaled):
//  1. create and wait for 200 assets: creates per rate-limit window as a fraction of the limit, polls per asset
//  2. the peak memory added by uploading one 20 MB file (in a child process, so the server's memory is not counted)
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { createAssetsClient } from "../packages/core/dist/index.js";
import { startEmulator } from "../packages/emulator/dist/index.js";
import { operations } from "../packages/spec/dist/index.js";

const COUNT = Number(process.env.BENCH_COUNT ?? 200);
const TIME_SCALE = 30; // one minute of rate-limit window lasts 2 s
const PROCESSES = 7; // fresh processes per way of uploading, for the memory figure
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082",
  "hex",
);

async function rateLimitRun() {
  const emulator = await startEmulator({
    rateLimits: { timeScale: TIME_SCALE },
    operations: { pendingPolls: 1, pendingMs: 0 },
  });
  const client = createAssetsClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
  const limit = operations.Assets_CreateAsset.rateLimit.apiKey;
  const windowMs = (limit.windowSeconds * 1000) / TIME_SCALE;
  const createTimes = [];
  let polls = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: COUNT }, async (_, i) => {
      const op = await client.createAsset({
        request: {
          assetType: "Image",
          displayName: `bench ${i}`,
          description: "",
          creationContext: { creator: { userId: "1" } },
        },
        file: new Blob([PNG, Buffer.from(String(i))], { type: "image/png" }),
      });
      createTimes.push(performance.now());
      const result = await client.waitForOperation(op, { initialDelayMs: 50, maxDelayMs: 500 });
      if (result.status !== "succeeded") throw new Error(`asset ${i}: ${result.status}`);
      polls += result.polls;
    }),
  );
  const elapsedMs = performance.now() - started;
  const stats = emulator.stats();
  await emulator.close();
  // Creates per window, counted from the first create; every window but the last was limited by the rate.
  const first = Math.min(...createTimes);
  const perWindow = [];
  for (const t of createTimes) {
    const w = Math.floor((t - first) / windowMs);
    perWindow[w] = (perWindow[w] ?? 0) + 1;
  }
  const full = perWindow.slice(0, -1).map((n) => (n ?? 0) / limit.max);
  const fraction = full.length ? full.reduce((a, b) => a + b, 0) / full.length : perWindow[0] / limit.max;
  return {
    assets: COUNT,
    limit: `${limit.max} creates / ${windowMs} ms (spec ${limit.max}/${limit.windowSeconds}s, time scale ${TIME_SCALE})`,
    perWindow: perWindow.map((n) => n ?? 0),
    fraction,
    pollsPerAsset: polls / COUNT,
    got429: stats.responses["429"] ?? 0,
    elapsedMs,
  };
}

async function memoryRun() {
  const emulator = await startEmulator({ rateLimits: false, operations: { pendingPolls: 0, pendingMs: 0 } });
  const dir = await mkdtemp(join(tmpdir(), "rbxassets-bench-"));
  const file = join(dir, "big.glb");
  // A 20 MB (decimal, the service's limit) file with a glb header (magic, version 2, length): the
  // emulator checks that the bytes are what the content type says.
  const size = 20_000_000 - 1024;
  const body = Buffer.alloc(size, 7);
  // A GLB header (magic, version 2, total length): the emulator checks that the bytes are what the
  // content type says.
  body.write("glTF", 0);
  body.writeUInt32LE(2, 4);
  body.writeUInt32LE(size, 8);
  await writeFile(file, body);
  // Each upload runs in a fresh process (RSS never shrinks, so a second upload in one process would hide
  // the first one's growth); several processes per way, since the figure depends on when GC runs. The
  // goal holds for the worst of them.
  const measure = async (mode) => {
    const samples = [];
    for (let i = 0; i < PROCESSES; i++) samples.push((await runChild(mode, emulator, file)).addedBytes);
    samples.sort((a, b) => a - b);
    return { median: samples[Math.floor(PROCESSES / 2)], min: samples[0], max: samples[PROCESSES - 1] };
  };
  const result = { nodePath: await measure("path"), fetchBuffer: await measure("buffer") };
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
  return result;
}

async function runChild(mode, emulator, file) {
  const child = spawn(
    process.execPath,
    ["--expose-gc", new URL("./upload-memory-child.mjs", import.meta.url).pathname, mode],
    {
      env: { ...process.env, BENCH_URL: emulator.url, BENCH_KEY: emulator.apiKey, BENCH_FILE: file },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  const code = await new Promise((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`memory child (${mode}) exited ${code}`);
  return JSON.parse(out);
}

const rl = await rateLimitRun();
const mem = await memoryRun();
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log("");
console.log("| measure | result | goal |");
console.log("|---|---|---|");
console.log(
  `| creates per window / limit (${rl.assets} assets; ${rl.limit}) | ${rl.fraction.toFixed(3)} (per window: ${rl.perWindow.join(", ")}) | >= 0.9 |`,
);
console.log(`| polls per asset | ${rl.pollsPerAsset.toFixed(2)} | |`);
console.log(`| 429 answers | ${rl.got429} | |`);
console.log(`| elapsed | ${(rl.elapsedMs / 1000).toFixed(2)} s | |`);
const runs = (r) =>
  `worst ${mb(r.max)} of ${PROCESSES} processes (median ${mb(r.median)}, best ${mb(r.min)})`;
console.log(
  `| peak RSS added uploading one 20 MB file from its path (node client, streamed, Content-Length declared) | ${runs(mem.nodePath)} | worst < 40 MB |`,
);
console.log(
  `| the same file read into a Buffer, sent by global fetch (for comparison) | ${runs(mem.fetchBuffer)} | |`,
);
