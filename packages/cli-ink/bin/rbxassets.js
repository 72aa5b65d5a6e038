#!/usr/bin/env node
// Kept tiny on purpose: `--version` answers from package.json without loading the program, and everything
// else is imported only when needed (the Ink TUI only when there is a terminal to draw on).
const args = process.argv.slice(2);
// NO_COLOR wins over FORCE_COLOR (src/color.ts): said once here when both are set, so that Node, commander
// and Ink agree, and Node does not warn that it ignores NO_COLOR. NO_COLOR alone is left to each writer: the
// plain commands write no colour, and the TUI drops colours but keeps bold, dim and inverse (no-color.org).
if (process.env.NO_COLOR && process.env.FORCE_COLOR !== undefined) process.env.FORCE_COLOR = "0";
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const { readFileSync } = await import("node:fs");
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import("../dist/bin.js");
  process.exitCode = await main(args);
}
