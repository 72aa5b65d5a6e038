// Scale benchmark: 10,000 small distinct PNGs. A cold sync against the emulator (rate limits off, operations
// done at once) measures the syncing process's peak RSS (its own process: `resourceUsage().maxRSS`); a warm
// sync then measures its time and its requests (0 expected). Run after a build: `pnpm bench:scale`.
// `node bench/scale.mjs 2000` for a quicker look.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "../packages/emulator/dist/index.js";
import { png } from "./png.mjs";

const FILES = Number(process.argv[2] ?? 10_000);
const CHILD = fileURLToPath(new URL("./scale-child.mjs", import.meta.url));

async function runChild(root, env) {
  const child = spawn(process.execPath, [CHILD, root], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (text) => {
    out += text;
  });
  const [code] = await once(child, "close");
  if (code !== 0) throw new Error(`sync child exited ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1));
}

const total = (stats) => Object.values(stats.requests).reduce((sum, n) => sum + n, 0);

const emulator = await startEmulator({
  creator: "user:1",
  rateLimits: false,
  operations: { pendingMs: 0, pendingPolls: 0 },
});
const root = await mkdtemp(join(tmpdir(), "rbxassets-bench-scale-"));
try {
  await mkdir(join(root, "images"));
  // 100 folders of 100: a real project nests, and one folder of 10k slows every tool down.
  for (let i = 0; i < FILES; i++) {
    const dir = join(root, "images", `d${Math.floor(i / 100)}`);
    if (i % 100 === 0) await mkdir(dir);
    await writeFile(join(dir, `f${i}.png`), png(i + 1));
  }
  const env = {
    RBXASSETS_API_URL: emulator.url,
    RBXASSETS_API_KEY: emulator.apiKey,
    RBXASSETS_CREATOR: "user:1",
  };
  emulator.resetStats();
  const cold = await runChild(root, env);
  const coldRequests = total(emulator.stats());
  emulator.resetStats();
  const warm = await runChild(root, env);
  const warmRequests = total(emulator.stats());
  const result = {
    files: FILES,
    cold: { ...cold, requests: coldRequests },
    warm: { ...warm, requests: warmRequests },
    machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
    loadAverage: loadavg()
      .map((n) => n.toFixed(2))
      .join(" "),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `cold: peak RSS ${cold.maxRssMb} MB (target < 250), ${cold.uploaded} uploaded in ${(cold.ms / 1000).toFixed(1)} s; warm: ${(warm.ms / 1000).toFixed(2)} s (target < 2), ${warmRequests} requests (target 0)`,
  );
} finally {
  await emulator.close();
  await rm(root, { recursive: true, force: true });
}
