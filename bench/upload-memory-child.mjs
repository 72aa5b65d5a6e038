// Child of bench/client.mjs: the peak RSS this fresh process adds while uploading one file.
// argv[2]: "path" (node client, streamed from disk) or "buffer" (file read into memory, sent by global fetch).
import { readFile } from "node:fs/promises";
import { createAssetsClient } from "../packages/core/dist/index.js";
import { createNodeAssetsClient } from "../packages/core/dist/node/index.js";

const { BENCH_URL: baseUrl, BENCH_KEY: apiKey, BENCH_FILE: path } = process.env;
const mode = process.argv[2];
const request = {
  assetType: "Model",
  displayName: "big",
  description: "",
  creationContext: { creator: { userId: "1" } },
};
const client =
  mode === "path"
    ? createNodeAssetsClient({ baseUrl, apiKey, rateLimit: false })
    : createAssetsClient({ baseUrl, apiKey, rateLimit: false });
const upload =
  mode === "path"
    ? () => client.createAsset({ request, file: { path } })
    : async () => client.createAsset({ request, file: { data: await readFile(path), fileName: "big.glb" } });

// Warm up (module loading, connection pool) with a small upload, then settle the heap.
await client.createAsset({
  request,
  file: { data: new Uint8Array([0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0]), fileName: "s.glb" },
});
globalThis.gc();
await new Promise((r) => setTimeout(r, 50));
globalThis.gc();
const baseline = process.memoryUsage.rss();
let peak = baseline;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 1);
await upload();
peak = Math.max(peak, process.memoryUsage.rss());
clearInterval(timer);
process.stdout.write(JSON.stringify({ addedBytes: peak - baseline }));
