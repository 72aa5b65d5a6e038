// Sums vitest's per-package "Tests  N passed | N failed" lines from a test log into one closing line.
import { readFileSync } from "node:fs";

const [file, label] = process.argv.slice(2);
// biome-ignore lint/suspicious/noControlCharactersInRegex: strips the colour codes vitest prints
const text = readFileSync(file, "utf8").replace(/\u001b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const line of text.split("\n")) {
  const match = line.match(/\bTests\s+(.*)\(\d+\)\s*$/);
  if (!match) continue;
  passed += Number(match[1].match(/(\d+) passed/)?.[1] ?? 0);
  failed += Number(match[1].match(/(\d+) failed/)?.[1] ?? 0);
  skipped += Number(match[1].match(/(\d+) skipped/)?.[1] ?? 0);
}
console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
