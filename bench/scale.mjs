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
import { deflateSync } from "node:zlib";
import { startEmulator } from "../packages/emulator/dist/index.js";

const FILES = Number(process.argv[2] ?? 10_000);
const CHILD = fileURLToPath(new URL("./scale-child.mjs", import.meta.url));

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data) {
  let c = 0xffffffff;
  for (const byte of data) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}
/** A distinct 2x2 PNG per seed. */
function png(seed) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.from([0, seed & 0xff, (seed >> 8) & 0xff, (seed >> 16) & 0xff, 1, 2, 3]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat([row, row]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

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
