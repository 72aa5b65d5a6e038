// One sync of `<root>/images` through the pipeline, in a process of its own so that its peak RSS is its
// own: prints one JSON line { ms, maxRssMb, uploaded, unchanged, failed }. Used by bench/scale.mjs.
import { performance } from "node:perf_hooks";
import { createNodeAssetsClient, createPipeline } from "../packages/core/dist/node/index.js";

const [root] = process.argv.slice(2);
// Sampled, to tell the JS heap from buffers and native memory in the peak.
const peak = { heapUsed: 0, external: 0, arrayBuffers: 0 };
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], usage[key]);
}, 100);
const started = performance.now();
// Rate limits off on both sides: the client would otherwise pace itself to the spec's budget (the real
// service's), and this measures the pipeline, not the limit. Warm runs build no client (no request).
const client = process.env.RBXASSETS_API_KEY
  ? createNodeAssetsClient({ rateLimit: false, userAgent: "rbxassets-bench" })
  : undefined;
const report = await createPipeline({ root, ...(client ? { client } : {}) }).sync(["images"]);
const ms = performance.now() - started;
clearInterval(sampler);
const mb = (bytes) => Math.round(bytes / 2 ** 20);
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapUsedMb: mb(peak.heapUsed),
    peakExternalMb: mb(peak.external),
    peakArrayBuffersMb: mb(peak.arrayBuffers),
    uploaded: report.uploaded.length,
    unchanged: report.unchanged.length,
    failed: report.failed.length,
    firstFailure: report.failed[0]?.reason,
  }),
);
