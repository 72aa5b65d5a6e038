// One sync of `<root>/images` through the pipeline, in a process of its own so that its peak RSS is its
// own: prints one JSON line { ms, maxRssMb, uploaded, unchanged, failed }. Used by bench/scale.mjs.
import { performance } from "node:perf_hooks";
import { createPipeline } from "../packages/core/dist/node/index.js";

const [root] = process.argv.slice(2);
const started = performance.now();
const report = await createPipeline({ root }).sync(["images"]);
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    uploaded: report.uploaded.length,
    unchanged: report.unchanged.length,
    failed: report.failed.length,
    firstFailure: report.failed[0]?.reason,
  }),
);
