import { defaultServerUrl } from "@rbxassets/core";
import { Argument, Command, Option } from "commander";
import { colorsOn, failurePrefix } from "./color.js";
import { type CommandEnv, type CommandResult, type GlobalOptions, runCommand } from "./command-env.js";
import { commanderMessage, ExitCode, errorDocument, exitCodeFor } from "./errors.js";
import type { Define } from "./program-args.js";
import { examples } from "./program-args.js";
import { defineAssetCommands } from "./program-assets.js";
import { definePermissionCommands } from "./program-permissions.js";
import { defineProjectCommands } from "./program-project.js";
import { terminalSupportsPrompting } from "./prompt.js";
import type { Route } from "./tui/state/navigation.js";

/** Commands whose first Ctrl-C stops gracefully (uploads already sent are finished and recorded). */
const GRACEFUL_COMMANDS = new Set(["sync", "upload"]);

/** What the program reports back to `main` once commander is done. */
export interface ProgramState {
  exitCode: number;
}

type Handler = (env: CommandEnv, args: string[], options: Record<string, unknown>) => Promise<CommandResult>;

/**
 * Command implementations load on demand, so `--help` and a typo cost commander and core's spec facts (the
 * choices and limits the help texts quote), never a command's own modules.
 */
const commands: Record<string, () => Promise<{ run: Handler }>> = {
  upload: () => import("./commands/upload.js"),
  get: () => import("./commands/get.js"),
  update: () => import("./commands/update.js"),
  archive: () => import("./commands/archive.js"),
  restore: () => import("./commands/restore.js"),
  versions: () => import("./commands/versions.js"),
  version: () => import("./commands/version.js"),
  rollback: () => import("./commands/rollback.js"),
  operation: () => import("./commands/operation.js"),
  sync: () => import("./commands/sync.js"),
  init: () => import("./commands/init.js"),
  emulator: () => import("./commands/emulator.js"),
  lockfile: () => import("./commands/lockfile.js"),
  completion: () => import("./commands/completion.js"),
  grant: () => import("./commands/grant.js"),
  quota: () => import("./commands/quota.js"),
};

/** The whole command line: global flags, one subcommand per interface command, help with examples. */
export function createProgram(state: ProgramState, version: string): Command {
  const program = new Command("rbxassets")
    .description(
      "Upload and manage Roblox assets (Open Cloud Assets API). Without arguments on a terminal: the interactive UI.",
    )
    .version(version, "-V, --version")
    .option(
      "--api-key-file <path>",
      "read the Open Cloud API key from this file (keeps it out of shell history)",
    )
    .option("--api-url <url>", `API base URL (env RBXASSETS_API_URL; default ${defaultServerUrl})`)
    .option("--creator <creator>", "owner of new assets: user:<id> or group:<id> (env RBXASSETS_CREATOR)")
    .option("--json", "print the result as one JSON document on stdout")
    .option("-C, --cwd <dir>", "project root: where .env and the lockfile live, and relative paths start")
    .addOption(new Option("--root <dir>", "same as --cwd").hideHelp())
    .configureOutput({
      // Commander's own failures become our one-line `rbxassets: <reason>`.
      outputError: (text, write) =>
        write(`${failurePrefix(colorsOn(process.stderr))} ${commanderMessage(text)}\n`),
    })
    .configureHelp({ styleTitle: (title) => `\x1b[1m${title}\x1b[22m` }) // stripped unless colour is on
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `
Configuration: flags win over environment variables, which win over a .env file in the project root.
  RBXASSETS_API_KEY      Open Cloud API key (or --api-key-file)
  RBXASSETS_OAUTH_TOKEN  OAuth2 access token
  RBXASSETS_CREATOR      user:<id> or group:<id>
  RBXASSETS_API_URL      API base URL (point it at \`rbxassets emulator\` to work offline)
  RBXASSETS_TIMEOUT_S    a request with no progress for this many seconds fails (default 60)
${examples(
  "rbxassets upload images/logo.png --wait",
  "rbxassets get 1234567890 --json",
  "rbxassets sync assets --ts src/assets.ts",
  "rbxassets emulator --port 4010",
)}`,
    );

  const define: Define = (name, configure) => {
    const command = configure(program.command(name));
    // A command missing what it needs, run by a person at a terminal, opens the TUI on the screen that asks
    // for it; anywhere else the usual one-line usage error names the missing argument.
    const route = tuiRouteForMissingArgument[name];
    if (route) {
      // commander calls missingArgument (untyped in its declarations) when a required argument is absent.
      const checked = command as Command & { missingArgument(argument: string): never };
      const usageError = checked.missingArgument.bind(command);
      checked.missingArgument = (argument: string): never => {
        if (terminalSupportsPrompting()) throw new OpenTuiInstead(route);
        return usageError(argument);
      };
    }
    command.action(async (...received: unknown[]) => {
      const self = received.at(-1) as Command;
      const options = self.opts();
      const globals = self.optsWithGlobals<GlobalOptions>();
      // A variadic argument (`sync [dir...]`) arrives as one array: spread it, never join it into a string.
      const args = self.processedArgs.flatMap((arg: unknown) =>
        Array.isArray(arg) ? arg.map(String) : arg === undefined ? [] : [String(arg)],
      );
      state.exitCode = await runCommand(
        globals,
        async (env) => {
          const implementation = await commands[name]!();
          return implementation.run(env, args, options);
        },
        // Uploads stop gracefully: what the service accepted is finished and recorded.
        { graceful: GRACEFUL_COMMANDS.has(name) },
      );
    });
  };

  defineAssetCommands(define);
  defineProjectCommands(define);
  definePermissionCommands(define);

  define("completion", (c) =>
    c
      .addArgument(new Argument("<shell>", "bash, zsh or fish").choices(["bash", "zsh", "fish"]))
      .description("print a shell completion script for rbxassets (see the README to install it)")
      .addHelpText(
        "after",
        examples("source <(rbxassets completion bash)", "rbxassets completion fish | source"),
      ),
  );

  // Only the bare program takes no command: that opens the TUI (or, without a terminal, prints help).
  program.allowExcessArguments(true).action(async () => {
    if (program.args.length > 0) {
      program.error(`unknown command '${program.args[0]}' (see rbxassets --help)`, {
        exitCode: ExitCode.usage,
      });
    }
    const globals = program.opts<GlobalOptions>();
    const { terminalSupportsPrompting } = await import("./prompt.js");
    if (!terminalSupportsPrompting()) {
      program.outputHelp({ error: true });
      const report = { message: "no command given: run one of the commands above", rule: "usage" };
      state.exitCode = exitCodeFor(report.rule);
      // The one-line reason every failure ends with, and for a script that asked for --json its document.
      process.stderr.write(`${failurePrefix(colorsOn(process.stderr))} ${report.message}\n`);
      if (globals.json) process.stdout.write(`${errorDocument({ ...report, exitCode: state.exitCode })}\n`);
      return;
    }
    state.exitCode = await openTui(globals);
  });
  return program;
}

/** Where the TUI starts when a command is run on a terminal without its argument. */
const tuiRouteForMissingArgument: Record<string, Route> = {
  upload: { name: "upload" },
  get: { name: "ask-asset", purpose: "asset" },
  update: { name: "ask-asset", purpose: "edit" },
  archive: { name: "ask-asset", purpose: "archive" },
  restore: { name: "ask-asset", purpose: "archive" },
  versions: { name: "ask-asset", purpose: "versions" },
  version: { name: "ask-asset", purpose: "versions" },
  rollback: { name: "ask-asset", purpose: "versions" },
  operation: { name: "operation" },
};

/** Thrown by a command's argument check to hand the run over to the TUI (see `main`). */
export class OpenTuiInstead extends Error {
  constructor(readonly route: Route) {
    super("open the TUI");
  }
}

/** Runs the TUI (from `route` when given) and resolves to its exit code. */
export function openTui(globals: GlobalOptions, route?: Route): Promise<number> {
  // The TUI handles Ctrl-C itself (raw mode), so no signal handlers of ours; loaded only here, so that
  // plain commands never pay for React and Ink.
  return runCommand(
    globals,
    async (env) => {
      const ctx = await env.context();
      const { runTui } = await import("./tui/app.js");
      return runTui(ctx, route ? { initialRoute: route } : {});
    },
    { handleSignals: false, stderrNotices: false },
  );
}
