// Clears the results of the previous run: scripts/report.mjs renders only what this run recorded.
import { mkdir, rm } from "node:fs/promises";
import { RESULTS_DIR } from "./helpers/results.js";

export default async function setup(): Promise<void> {
  await rm(RESULTS_DIR, { recursive: true, force: true });
  await mkdir(RESULTS_DIR, { recursive: true });
}
