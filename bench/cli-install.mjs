// node bench/cli-install.mjs — what `npm install @rbxassets/cli` brings into a project (build packages/*
// first): every package is packed as for publishing and the CLI's tarball installed with
// `npm install --engine-strict` into an empty app outside the repo. Reports the packages installed (each
// once) and the size of node_modules, for the CLI alone, with the optional @rbxassets/emulator, and for
// the client alone (`@rbxassets/core`, whose sharp and chokidar are optional peers: goal under 10 MB).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, measureInstall, npmInstall, packAll } from "../scripts/lib/tarballs.mjs";

const packs = await mkdtemp(join(tmpdir(), "rbxassets-packs-"));
const tarballs = await packAll(packs);
const rows = [];
for (const [label, dependencies] of [
  ["`@rbxassets/cli`", ["@rbxassets/cli"]],
  ["`@rbxassets/cli` + `@rbxassets/emulator`", ["@rbxassets/cli", "@rbxassets/emulator"]],
  ["`@rbxassets/core` alone (the client; goal < 10 MB)", ["@rbxassets/core"]],
]) {
  const app = await createApp({ tarballs, dependencies });
  const output = await npmInstall(app);
  const { packages, bytes } = await measureInstall(app);
  const warnings = output.split("\n").filter((line) => /\bwarn\b/i.test(line)).length;
  rows.push(`| ${label} | ${packages} | ${(bytes / 1e6).toFixed(1)} MB | ${warnings} |`);
  await rm(app, { recursive: true, force: true });
}
await rm(packs, { recursive: true, force: true });

console.log(`Node ${process.version}, npm install --engine-strict of the packed tarballs:\n`);
console.log("| install | packages | node_modules | npm warnings |");
console.log("|---|---|---|---|");
for (const row of rows) console.log(row);
