import { readFile } from "node:fs/promises";
import { CommanderError } from "commander";
import type { GlobalOptions } from "./command-env.js";
import { describeError, ExitCode } from "./errors.js";
import { createProgram, OpenTuiInstead, openTui, type ProgramState } from "./program.js";

async function packageVersion(): Promise<string> {
  const text = await readFile(new URL("../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

/** Runs `rbxassets` with these arguments (without `node` and the script) and resolves to the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  // A reader that stops early (`rbxassets versions 1 --all | head`) closes the pipe: that ends the output,
  // quietly, instead of crashing with an unhandled EPIPE.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  });
  const state: ProgramState = { exitCode: ExitCode.ok };
  const program = createProgram(state, await packageVersion());
  try {
    await program.parseAsync([...args], { from: "user" });
    return state.exitCode;
  } catch (error) {
    if (error instanceof OpenTuiInstead) return openTui(program.opts<GlobalOptions>(), error.route);
    // exitOverride turns commander's exits into errors: help and version are successes, the rest was
    // already reported on stderr as one line.
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return ExitCode.ok;
      if (error.code === "commander.help") return ExitCode.usage;
      return ExitCode.usage;
    }
    process.stderr.write(`rbxassets: ${describeError(error).message}\n`);
    return describeError(error).exitCode;
  }
}
