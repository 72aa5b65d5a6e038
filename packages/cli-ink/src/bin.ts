import { readFile } from "node:fs/promises";
import { CommanderError } from "commander";
import { colorsOn, failurePrefix } from "./color.js";
import type { GlobalOptions } from "./command-env.js";
import {
  commanderMessage,
  describeError,
  type ErrorReport,
  ExitCode,
  errorDocument,
  exitCodeFor,
} from "./errors.js";
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
      const report = usageReport(error);
      if (error.code !== "commander.help" && wantsJson(args))
        process.stdout.write(`${errorDocument(report)}\n`);
      return report.exitCode;
    }
    const report = describeError(error);
    process.stderr.write(`${failurePrefix(colorsOn(process.stderr))} ${report.message}\n`);
    if (wantsJson(args)) process.stdout.write(`${errorDocument(report)}\n`);
    return report.exitCode;
  }
}

/** `--json` anywhere before `--`: a usage error found before the options were parsed still owes a document. */
function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).includes("--json");
}

/** A command-line error as commander words it (the line on stderr), rule `usage`, commander's code beside. */
function usageReport(error: CommanderError): ErrorReport {
  const message = commanderMessage(error.message);
  return {
    message,
    exitCode: exitCodeFor("usage"),
    rule: "usage",
    facts: { code: error.code.replace(/^commander\./, "") },
  };
}
