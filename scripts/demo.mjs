// pnpm demo: the main job on a fresh machine. Starts a local Assets API emulator (no Roblox account, key or
// network needed), builds examples/vite-app with @rbxassets/vite-plugin, prints each imported file with
// its rbxassetid:// reference, then builds again to show that nothing is uploaded twice.
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startEmulator } from "../packages/emulator/dist/index.js";

const exampleDir = fileURLToPath(new URL("../examples/vite-app/", import.meta.url));
const vite = await import(
  pathToFileURL(createRequire(join(exampleDir, "package.json")).resolve("vite")).href
);

const emulator = await startEmulator();
const work = await mkdtemp(join(tmpdir(), "rbxassets-demo-"));
const lockfile = join(work, "rbxassets.lock.json");
// The example's vite.config.ts reads these, as any project would from its environment or .env.
Object.assign(process.env, {
  RBXASSETS_API_URL: emulator.url,
  RBXASSETS_API_KEY: emulator.apiKey,
  RBXASSETS_CREATOR: emulator.creator,
  EXAMPLE_LOCKFILE: lockfile,
});

const totalRequests = () => Object.values(emulator.stats().requests).reduce((a, b) => a + b, 0);

async function build() {
  const before = { requests: totalRequests(), creates: emulator.stats().creates };
  const started = performance.now();
  const result = await vite.build({
    root: exampleDir,
    configFile: join(exampleDir, "vite.config.ts"),
    logLevel: "warn",
    build: { write: false },
  });
  const output = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const manifest = output.find((o) => o.type === "asset" && o.fileName.endsWith("rbxassets.json"));
  const code = output
    .filter((o) => o.type === "chunk")
    .map((o) => o.code)
    .join("\n");
  return {
    map: JSON.parse(String(manifest.source)),
    code,
    ms: performance.now() - started,
    requests: totalRequests() - before.requests,
    uploads: emulator.stats().creates - before.creates,
  };
}

try {
  console.log(`emulator: ${emulator.url}`);
  console.log("building examples/vite-app with @rbxassets/vite-plugin…\n");
  const first = await build();
  const width = Math.max(...Object.keys(first.map).map((k) => k.length));
  for (const [file, uri] of Object.entries(first.map)) {
    const inBundle = first.code.includes(`"${uri}"`) ? "in the bundle" : "NOT in the bundle";
    console.log(`  ${file.padEnd(width)}  ${uri}   (${inBundle})`);
  }
  console.log(
    `\nfirst build:  ${first.uploads} uploads, ${first.requests} requests, ${Math.round(first.ms)} ms` +
      " (ids recorded in the lockfile)",
  );
  const second = await build();
  const same = JSON.stringify(second.map) === JSON.stringify(first.map);
  console.log(
    `second build: ${second.uploads} uploads, ${second.requests} requests, ${Math.round(second.ms)} ms` +
      ` (${same ? "same ids, all from the lockfile" : "IDS CHANGED"})`,
  );
  const missing = Object.values(first.map).filter((uri) => !first.code.includes(`"${uri}"`));
  if (!same || second.requests !== 0 || missing.length > 0 || Object.keys(first.map).length === 0) {
    process.exitCode = 1;
    console.error("demo: the result is not what it should be (see above)");
  }
} finally {
  await emulator.close();
  await rm(work, { recursive: true, force: true });
}
