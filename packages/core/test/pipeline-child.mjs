// A sync in its own process, for the crash-safety and concurrency tests. Reads its setup from the
// environment (RBXASSETS_* plus PIPELINE_ROOT, PIPELINE_CONCURRENCY, PIPELINE_STALL_AFTER) and prints one
// line per event on stdout ("done <file>", "stalled", "report <json>").
// PIPELINE_STALL_AFTER=N: after the Nth done event, every new request hangs before it is sent, so that a
// SIGKILL then lands at a known point (nothing sent that is not recorded).
import { createNodeAssetsClient, createPipeline, nodeFetch } from "../dist/node/index.js";

const stallAfter = process.env.PIPELINE_STALL_AFTER ? Number(process.env.PIPELINE_STALL_AFTER) : undefined;
let stalled = false;
let done = 0;

const client = createNodeAssetsClient({
  apiKey: process.env.RBXASSETS_API_KEY,
  baseUrl: process.env.RBXASSETS_API_URL,
  env: {},
  fetch: (request) => (stalled ? new Promise(() => {}) : nodeFetch(request)),
});

const pipeline = createPipeline({
  root: process.env.PIPELINE_ROOT,
  client,
  concurrency: Number(process.env.PIPELINE_CONCURRENCY ?? 4),
  onEvent(event) {
    if (event.type === "done") {
      process.stdout.write(`done ${event.asset.file}\n`);
      done += 1;
      if (stallAfter !== undefined && done >= stallAfter && !stalled) {
        stalled = true;
        process.stdout.write("stalled\n");
      }
    } else if (event.type === "failed") {
      process.stdout.write(`failed ${event.reason}\n`);
    }
  },
});

const report = await pipeline.sync(["."]);
process.stdout.write(`report ${JSON.stringify(report)}\n`);
