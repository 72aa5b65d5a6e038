// Every test appends what it tried and saw as JSON rows; scripts/report.mjs renders docs/reliability.md
// from them. One file per test file, so that parallel workers never interleave lines.
import { appendFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

export const RESULTS_DIR = fileURLToPath(new URL("../../.results/", import.meta.url));

export interface ResultRow {
  area: string;
  case: string;
  runs: number;
  outcome: string;
  detail: string;
  /** Injected faults per kind, summed over the runs. */
  faults?: Record<string, number>;
  /** Content uploaded more than once, and how many such uploads the faults allow. */
  duplicates?: number;
  allowed?: number;
}

/** Temporary directories differ on every run: name them the same way so that the report stays stable. */
const TEMP = new RegExp(`${tmpdir().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/rbxassets-rel-[\\w-]+`, "g");

export function record(testFile: string, row: ResultRow): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  row.detail = row.detail.replace(TEMP, "<tmp>");
  row.outcome = row.outcome.replace(TEMP, "<tmp>");
  const name = basename(testFile).replace(/\.test\.ts$/, "");
  appendFileSync(`${RESULTS_DIR}${name}.jsonl`, `${JSON.stringify(row)}\n`);
}

export function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}
