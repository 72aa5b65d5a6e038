// Temporary project folders for the pipeline tests.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseLockfile } from "../src/node/index.js";

export async function tempProject(
  prefix = "rbxassets-pipeline-",
): Promise<{ root: string; dispose(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  return { root, dispose: () => rm(root, { recursive: true, force: true, maxRetries: 10 }) };
}

export async function readLock(root: string, name = "rbxassets.lock.json") {
  return parseLockfile(await readFile(join(root, name), "utf8")).assets;
}

export function sum(record: Record<string, number>): number {
  return Object.values(record).reduce((a, b) => a + b, 0);
}
