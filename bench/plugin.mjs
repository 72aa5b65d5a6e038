// node bench/plugin.mjs — the Vite plugin's cost on a build where every import is already in the lockfile:
//  an app importing 1,000 tiny distinct PNGs, built with @rbxassets/vite-plugin and without it (Vite's own
//  asset handling: here, data URLs), several alternating runs each. Prints the ratio of median wall times
//  (goal <= 1.1) and the requests the plugin builds made (goal 0).
// Needs built packages: pnpm --filter @rbxassets/vite-plugin... build (or pnpm build).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { crc32, deflateSync } from "node:zlib";
import { createNodeAssetsClient, createPipeline } from "../packages/core/dist/node/index.js";
import { startEmulator } from "../packages/emulator/dist/index.js";
import rbxassets from "../packages/vite-plugin/dist/index.js";

const COUNT = Number(process.env.BENCH_COUNT ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CREATOR = "user:1";

const require = createRequire(new URL("../packages/vite-plugin/package.json", import.meta.url));
const vitePackage = require.resolve("vite/package.json");
const vite = await import(pathToFileURL(join(vitePackage, "..", "dist/node/index.js")).href);

/** A 2x2 RGB PNG whose colour encodes `n`: every file has its own content (and its own asset). */
function png(n) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8;
  header[9] = 2;
  const rgb = [n & 0xff, (n >> 8) & 0xff, 0x80];
  const rows = Buffer.from([0, ...rgb, ...rgb, 0, ...rgb, ...rgb]);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function generateApp(root) {
  await mkdir(join(root, "src/images"), { recursive: true });
  const names = Array.from({ length: COUNT }, (_, i) => `img-${String(i).padStart(4, "0")}`);
  await Promise.all(names.map((name, i) => writeFile(join(root, `src/images/${name}.png`), png(i))));
  const imports = names.map((name, i) => `import i${i} from "./images/${name}.png";`).join("\n");
  const list = names.map((_, i) => `i${i}`).join(", ");
  await writeFile(join(root, "src/main.js"), `${imports}\nglobalThis.images = [${list}];\n`);
  await writeFile(
    join(root, "index.html"),
    '<!doctype html><html><body><script type="module" src="/src/main.js"></script></body></html>\n',
  );
}

async function build(root, plugins) {
  const started = performance.now();
  await vite.build({
    root,
    configFile: false,
    envFile: false,
    logLevel: "silent",
    build: { write: false, modulePreload: { polyfill: false } },
    plugins,
  });
  return performance.now() - started;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const root = await mkdtemp(join(tmpdir(), "rbxassets-bench-plugin-"));
const emulator = await startEmulator({ rateLimits: false, operations: { pendingPolls: 0, pendingMs: 0 } });
try {
  await generateApp(root);
  // Record every image in the lockfile once (the state of a project whose assets were all uploaded before).
  // The emulator runs without rate limits here, so the client's own limiter (the spec's 120 creates a
  // minute, which it keeps to when a server sends no rate-limit headers) is turned off too.
  const setup = await createPipeline({
    root,
    creator: CREATOR,
    client: createNodeAssetsClient({ baseUrl: emulator.url, apiKey: emulator.apiKey, rateLimit: false }),
  }).sync(["src/images"]);
  if (setup.uploaded.length !== COUNT) {
    throw new Error(
      `setup uploaded ${setup.uploaded.length} of ${COUNT} files: ${JSON.stringify(setup.failed.slice(0, 3))} ${JSON.stringify(setup.unchanged.slice(0, 2))}`,
    );
  }
  emulator.resetStats();

  // The plugin builds point at the emulator without credentials: any request would show in its stats.
  const env = { RBXASSETS_API_URL: emulator.url, RBXASSETS_CREATOR: CREATOR };
  const withPlugin = [];
  const without = [];
  await build(root, [rbxassets({ env })]); // warm-up (file cache, JIT)
  await build(root, []);
  for (let run = 0; run < RUNS; run++) {
    withPlugin.push(await build(root, [rbxassets({ env })]));
    without.push(await build(root, []));
  }
  const requests = Object.values(emulator.stats().requests).reduce((sum, n) => sum + n, 0);
  const ratio = median(withPlugin) / median(without);
  const ms = (values) => values.map((v) => v.toFixed(0)).join(" ");
  console.log(
    `vite ${vite.version}, ${COUNT} PNG imports, all in the lockfile, ${RUNS} runs each (${cpus().length} CPUs)`,
  );
  console.log(`  with plugin    median ${median(withPlugin).toFixed(0)} ms   [${ms(withPlugin)}]`);
  console.log(`  without plugin median ${median(without).toFixed(0)} ms   [${ms(without)}]`);
  console.log(`  ratio ${ratio.toFixed(3)} (goal <= 1.1)   requests ${requests} (goal 0)`);
} finally {
  await emulator.close();
  await rm(root, { recursive: true, force: true });
}
