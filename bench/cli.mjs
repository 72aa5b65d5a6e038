// node bench/cli.mjs — start-up cost of the `rbxassets` command (build packages/cli-ink first):
//  1. `rbxassets --version`: answered by bin/rbxassets.js alone (goal: median under 150 ms)
//  2. `rbxassets get <id>` against the emulator: program, services, core client and one request
// Each figure is the median (and min/max) wall time of RUNS child processes, after one warm-up run; bare
// `node -e ''` is measured too, as the floor no command can go below.
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAssetsClient } from "../packages/core/dist/index.js";
import { startEmulator } from "../packages/emulator/dist/index.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const BIN = fileURLToPath(new URL("../packages/cli-ink/bin/rbxassets.js", import.meta.url));
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360f8cf00000301010018dd8db40000000049454e44ae426082",
  "hex",
);

// Asynchronous spawn: the emulator answers from this same process, so its event loop must keep running.
function time(argv, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`node ${argv.join(" ")} failed: ${stderr.trim()}`));
    });
  });
}

async function measure(label, argv, env = {}) {
  await time(argv, env); // warm-up: file system caches
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await time(argv, env));
  samples.sort((a, b) => a - b);
  const median = (samples[Math.floor((RUNS - 1) / 2)] + samples[Math.ceil((RUNS - 1) / 2)]) / 2;
  console.log(
    `${label.padEnd(22)} median ${median.toFixed(0).padStart(4)} ms   min ${samples[0].toFixed(0)} ms   max ${samples.at(-1).toFixed(0)} ms`,
  );
  return median;
}

const emulator = await startEmulator({ rateLimits: false, operations: { pendingPolls: 0, pendingMs: 0 } });
try {
  const dir = await mkdtemp(join(tmpdir(), "rbxassets-bench-"));
  await writeFile(join(dir, "a.png"), PNG);
  const client = createAssetsClient({ baseUrl: emulator.url, apiKey: emulator.apiKey });
  const operation = await client.createAsset({
    request: {
      assetType: "Image",
      displayName: "bench",
      description: "",
      creationContext: { creator: { userId: "1" } },
    },
    file: { data: PNG, fileName: "a.png" },
  });
  const done = await client.waitForOperation(operation);
  if (done.status !== "succeeded") throw new Error(`setup upload ${done.status}`);

  console.log(`rbxassets start-up, ${RUNS} runs each (Node ${process.version}, ${cpus().length} CPUs)`);
  await measure("node -e '' (baseline)", ["-e", ""]);
  const version = await measure("--version", [BIN, "--version"]);
  await measure(`get ${done.asset.assetId}`, [BIN, "get", done.asset.assetId, "--json"], {
    RBXASSETS_API_URL: emulator.url,
    RBXASSETS_API_KEY: emulator.apiKey,
    CI: "true",
  });
  console.log(`--version goal: median under 150 ms: ${version < 150 ? "met" : "NOT met"}`);
} finally {
  await emulator.close();
}
