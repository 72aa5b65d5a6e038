// Process-stage benchmark: alpha bleeding of a large image; cold processing of 1,000 64x64 icons (decode,
// bleed, pack, render, encode), on its own and as a spritesheet sync against the emulator; a warm sync of
// those icons (goal < 1 s, 0 decodes); adding one icon to a 200-icon spritesheet (goal: at most 1 atlas
// uploaded). Run after a build: `node bench/process.mjs` (or `pnpm bench:process`).
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { alphaBleed, createPipeline } from "../packages/core/dist/node/index.js";
import { renderAtlas } from "../packages/core/dist/node/process/atlas.js";
import { encodePng } from "../packages/core/dist/node/process/codec.js";
import { processPixels } from "../packages/core/dist/node/process/image.js";
import { planLayout } from "../packages/core/dist/node/process/layout.js";
import { resolveProcessOptions } from "../packages/core/dist/node/process/options.js";
import { startEmulator } from "../packages/emulator/dist/index.js";

const ICONS = 1000;
const ICON_SIZE = 64;
const SHEET_ICONS = 200;
const BIG = 2048;

/** An icon: a distinct coloured disc on a fully transparent square (what bleeding is for). */
function iconPixels(size, seed) {
  const data = new Uint8Array(size * size * 4);
  const r = size / 2 - 3;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - size / 2 + 0.5;
      const dy = y - size / 2 + 0.5;
      if (dx * dx + dy * dy > r * r) continue;
      const i = (y * size + x) * 4;
      data.set([(seed * 37) & 255, (seed * 91 + x) & 255, (seed >> 3) & 255, 255], i);
    }
  }
  return { width: size, height: size, data };
}

async function writeIcons(root, count, from = 0) {
  await mkdir(join(root, "icons"), { recursive: true });
  for (let i = from; i < from + count; i++) {
    const bytes = await encodePng(iconPixels(ICON_SIZE, i));
    await writeFile(join(root, "icons", `icon${String(i).padStart(4, "0")}.png`), bytes);
  }
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

// 1. Alpha bleeding of one large, mostly transparent image.
const big = { width: BIG, height: BIG, data: new Uint8Array(BIG * BIG * 4) };
for (let y = 0; y < BIG; y += 128) {
  for (let x = 0; x < BIG; x += 128) big.data.set([x & 255, y & 255, 77, 255], (y * BIG + x) * 4);
}
let started = performance.now();
alphaBleed(big);
const bleedMs = performance.now() - started;
console.log(`alpha bleed ${BIG}x${BIG} (one visible pixel per 128x128 cell): ${bleedMs.toFixed(0)} ms`);

const emulator = await startEmulator({
  creator: "user:1",
  operations: { pendingPolls: 0 },
  rateLimits: false,
});
const env = {
  RBXASSETS_API_KEY: emulator.apiKey,
  RBXASSETS_API_URL: emulator.url,
  RBXASSETS_CREATOR: "user:1",
};
const sheet = { spritesheet: true };
const roots = [];
try {
  // 2a. Processing alone: decode + bleed each icon, pack, render and encode the atlases.
  const root = await mkdtemp(join(tmpdir(), "rbxassets-bench-process-"));
  roots.push(root);
  await writeIcons(root, ICONS);
  const options = resolveProcessOptions(sheet);
  const files = Array.from({ length: ICONS }, (_, i) => `icons/icon${String(i).padStart(4, "0")}.png`);
  started = performance.now();
  const images = new Map();
  for (const file of files)
    images.set(file, await processPixels(await readFile(join(root, file)), file, options));
  const decodedMs = performance.now() - started;
  const inputs = files.map((file) => ({ file, key: file, width: ICON_SIZE, height: ICON_SIZE }));
  const plan = planLayout(inputs, [], { group: "bench", ...options.spritesheet });
  for (const atlas of plan.atlases) {
    await encodePng(renderAtlas(atlas, options.spritesheet.padding, (file) => images.get(file)));
  }
  const processMs = performance.now() - started;
  console.log(
    `cold processing of ${ICONS} ${ICON_SIZE}x${ICON_SIZE} icons: ${seconds(processMs)} ` +
      `(${((processMs / ICONS) * 1000).toFixed(0)} µs per image; decode + bleed ${seconds(decodedMs)}), ` +
      `${plan.atlases.length} atlases`,
  );

  // 2b. The same as a cold spritesheet sync (emulator rate limits off).
  let decodes = 0;
  const onEvent = (event) => {
    if (event.type === "decode") decodes++;
  };
  started = performance.now();
  const cold = await createPipeline({ root, env, processing: sheet, onEvent }).sync(["icons"], {
    input: "icons",
  });
  const coldMs = performance.now() - started;
  if (cold.failed.length > 0) throw new Error(`cold sync failed: ${cold.failed[0].reason}`);
  console.log(
    `cold spritesheet sync of ${ICONS} icons: ${seconds(coldMs)}, ${decodes} decodes, ` +
      `${emulator.stats().creates} atlases uploaded`,
  );

  // 3. Warm sync: no credentials (no request possible), counting decodes.
  decodes = 0;
  emulator.resetStats();
  const warmEnv = { RBXASSETS_API_URL: emulator.url, RBXASSETS_CREATOR: "user:1" };
  started = performance.now();
  const warm = await createPipeline({ root, env: warmEnv, processing: sheet, onEvent }).sync(["icons"], {
    input: "icons",
  });
  const warmMs = performance.now() - started;
  const requests = Object.values(emulator.stats().requests).reduce((a, b) => a + b, 0);
  if (warm.unchanged.length !== ICONS) throw new Error(`warm sync resolved ${warm.unchanged.length} icons`);
  console.log(
    `warm sync of ${ICONS} icons: ${seconds(warmMs)} (goal < 1 s), ${decodes} decodes, ${requests} requests`,
  );

  // 4. One icon added to a 200-icon spritesheet.
  const small = await mkdtemp(join(tmpdir(), "rbxassets-bench-process-"));
  roots.push(small);
  await writeIcons(small, SHEET_ICONS);
  await createPipeline({ root: small, env, processing: sheet }).sync(["icons"], { input: "icons" });
  await writeIcons(small, 1, SHEET_ICONS);
  emulator.resetStats();
  decodes = 0;
  started = performance.now();
  const grown = await createPipeline({ root: small, env, processing: sheet, onEvent }).sync(["icons"], {
    input: "icons",
  });
  const grownMs = performance.now() - started;
  console.log(
    `one icon added to a ${SHEET_ICONS}-icon spritesheet: ${emulator.stats().creates} atlas uploaded ` +
      `(goal <= 1), ${grown.uploaded.length} sprites in it, ${decodes} decodes, ${seconds(grownMs)}`,
  );
} finally {
  await emulator.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
}
