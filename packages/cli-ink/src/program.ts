import {
  defaultServerUrl,
  limits,
  socialLinkKinds,
  uploadableAssetTypes,
  uploadableExtensions,
} from "@rbxassets/core";
import { Command, InvalidArgumentError, Option } from "commander";
import { type CommandEnv, type CommandResult, type GlobalOptions, runCommand } from "./command-env.js";
import { ExitCode } from "./errors.js";
import { terminalSupportsPrompting } from "./prompt.js";
import type { Route } from "./tui/state/navigation.js";

/** The asset types `upload --type` takes: the spec's, through core's spec facts. */
const UPLOAD_TYPES = uploadableAssetTypes;

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
  grant: () => import("./commands/grant.js"),
  quota: () => import("./commands/quota.js"),
};

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;

const integer =
  (what: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}.`);
    }
    return n;
  };

const assetType = (value: string): string => {
  const match = UPLOAD_TYPES.find((type) => type.toLowerCase() === value.toLowerCase());
  if (!match) throw new InvalidArgumentError(`Allowed types are ${UPLOAD_TYPES.join(", ")}.`);
  return match;
};

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const keyValue = (value: string, previous: Record<string, string> = {}): Record<string, string> => {
  const eq = value.indexOf("=");
  if (eq <= 0 || eq === value.length - 1)
    throw new InvalidArgumentError("Expected kind=uri, e.g. github=https://github.com/me.");
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1).trim() };
};

const list = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
];

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
        write(
          `rbxassets: ${text
            .replace(/^error: /, "")
            .replace(/\s*\n\s*/g, " ")
            .trim()}\n`,
        ),
    })
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
${examples(
  "rbxassets upload images/logo.png --wait",
  "rbxassets get 1234567890 --json",
  "rbxassets sync assets --ts src/assets.ts",
  "rbxassets emulator --port 4010",
)}`,
    );

  const define = (name: string, configure: (command: Command) => Command) => {
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

  define("upload", (c) =>
    c
      .argument("<file>", `the file to upload (${uploadableExtensions.join(", ")})`)
      .description("upload a file as a new asset; a file inside the project is recorded in the lockfile")
      .addOption(
        new Option(
          "--type <type>",
          `asset type: ${UPLOAD_TYPES.join("|")} (default: from the file)`,
        ).argParser(assetType),
      )
      .option(
        "--name <name>",
        `display name, at most ${limits.maxDisplayNameLength} characters (default: the file name without its extension)`,
      )
      .option("--description <text>", `description (at most ${limits.maxDescriptionLength} characters)`)
      .option(
        "--expected-price <robux>",
        "most Robux you accept to pay (Video uploads carry a fee)",
        integer("--expected-price", 0),
      )
      .option(
        "--wait",
        "wait for the upload to finish and print the asset id and moderation state (always, for a file inside the project: the lockfile records the id)",
      )
      .addHelpText(
        "after",
        examples(
          "rbxassets upload images/logo.png --wait",
          "rbxassets upload sword.rbxm --type Model --name Sword",
          "rbxassets upload intro.mp4 --expected-price 2000 --json",
        ),
      ),
  );
  define("get", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .description("show an asset")
      .option(
        "--fields <a,b>",
        "only these fields (sent as the readMask), e.g. displayName,description,icon",
        list,
      )
      .addHelpText(
        "after",
        examples("rbxassets get 1234567890", "rbxassets get 1234567890 --fields description,previews --json"),
      ),
  );
  define("update", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .description("change an asset's metadata, or its content (Models only: commits a new version)")
      .option("--file <path>", "new content (Models only)")
      .option("--name <name>", `new display name (at most ${limits.maxDisplayNameLength} characters)`)
      .option("--description <text>", `new description (at most ${limits.maxDescriptionLength} characters)`)
      .option("--icon <imageId>", "icon: a square Image asset id")
      .option(
        "--preview <imageId[:alt]>",
        "a preview Image asset id, with optional alt text (repeat for more)",
        collect,
      )
      .option(
        "--social <kind=uri>",
        `a social link, e.g. github=https://github.com/me (repeat, at most ${limits.maxSocialLinks}); kinds: ${socialLinkKinds.join(", ")}`,
        keyValue,
      )
      .option(
        "--expected-price <robux>",
        "most Robux you accept to pay for new content",
        integer("--expected-price", 0),
      )
      .option("--wait", "wait for the update to finish")
      .addHelpText(
        "after",
        examples(
          'rbxassets update 1234567890 --name "Sword (v2)" --description "Sharper"',
          "rbxassets update 1234567890 --file sword.fbx --wait",
          "rbxassets update 1234567890 --icon 222 --preview 333:Front --social github=https://github.com/me",
        ),
      ),
  );
  define("archive", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .description("archive an asset (it stops showing in experiences; `restore` undoes it)")
      .addHelpText("after", examples("rbxassets archive 1234567890")),
  );
  define("restore", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .description("restore an archived asset")
      .addHelpText("after", examples("rbxassets restore 1234567890")),
  );
  define("versions", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .description("list an asset's versions, newest first")
      .option("--all", "every version (follows page tokens)")
      .option(
        "--page-size <n>",
        `versions per page, 1-${limits.maxPageSize} (default ${limits.defaultPageSize})`,
        integer("--page-size", 1, limits.maxPageSize),
      )
      .option("--page-token <token>", "the page to show (from the previous page's nextPageToken)")
      .addHelpText(
        "after",
        examples(
          "rbxassets versions 1234567890",
          "rbxassets versions 1234567890 --page-size 2 --json",
          "rbxassets versions 1234567890 --all",
        ),
      ),
  );
  define("version", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .argument("<n>", "the version number")
      .description("show one version of an asset")
      .addHelpText("after", examples("rbxassets version 1234567890 3")),
  );
  define("rollback", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .argument("<n>", "the version to make current (committed as a new version)")
      .description("make an earlier version current again")
      .addHelpText("after", examples("rbxassets rollback 1234567890 2")),
  );
  define("operation", (c) =>
    c
      .argument("<operationId>", "the operation id printed by upload or update")
      .description("show a Create/Update operation")
      .option("--wait", "poll (with backoff) until the operation is done")
      .addHelpText("after", examples("rbxassets operation 9d7a8c7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f --wait")),
  );
  define("sync", (c) =>
    c
      .argument(
        "[input-or-path...]",
        "inputs of rbxassets.config.* or files and folders (default: every input, else the project root)",
      )
      .description("upload what is new or changed and record it in the lockfile")
      .option("--check", "upload nothing; exit 1 when something would be uploaded")
      .option(
        "--watch",
        "after syncing, re-sync the project file's inputs as their files change (Ctrl-C stops)",
      )
      .addOption(
        new Option(
          "--target <target>",
          "cloud (upload, the default) or studio (copy into Studio's content folder)",
        )
          .choices(["cloud", "studio"])
          .default("cloud"),
      )
      .option(
        "--expected-price <robux>",
        "most Robux you accept to pay per video upload (Video uploads carry a fee)",
        integer("--expected-price", 0),
      )
      .option(
        "--repack",
        "pack spritesheets afresh instead of keeping their layout (every atlas that changes is uploaded)",
      )
      .option(
        "--no-quota-check",
        "upload without first reading the audio and video upload quotas (a batch that does not fit stops before uploading)",
      )
      .option("--lockfile <path>", "lockfile path (default rbxassets.lock.json in the project root)")
      .option("--ts <out.ts>", "also write a TypeScript module mapping paths to rbxassetid:// ids")
      .option("--luau <out.luau>", "also write a Luau module mapping paths to rbxassetid:// ids")
      .addHelpText(
        "after",
        examples(
          "rbxassets sync",
          "rbxassets sync ui",
          "rbxassets sync assets --ts src/assets.ts --luau src/Assets.luau",
          "rbxassets sync --check",
        ),
      ),
  );
  define("init", (c) =>
    c
      .description(
        "write a project file (rbxassets.config.ts or .json) for this folder; never overwrites one",
      )
      .option("--yes", "take the proposals without asking (needed without a terminal)")
      .addHelpText("after", examples("rbxassets init", "rbxassets init --yes")),
  );
  define("emulator", (c) =>
    c
      .description("run the local Open Cloud Assets emulator until Ctrl-C")
      .option("--port <n>", "port to listen on (default: a free one)", integer("--port", 0, 65535))
      .option("--universe <id>", "an experience (universe id) grants may name (repeat for more)", collect)
      .addHelpText(
        "after",
        examples(
          "rbxassets emulator --port 4010",
          "RBXASSETS_API_URL=http://127.0.0.1:4010/assets RBXASSETS_API_KEY=rbxassets-emulator-key RBXASSETS_CREATOR=user:1 rbxassets upload logo.png --wait",
        ),
      ),
  );

  defineGrantAndQuota(define);

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
      state.exitCode = ExitCode.usage;
      return;
    }
    state.exitCode = await openTui(globals);
  });
  return program;
}

/** `grant` and `quota`: the asset-permissions and asset-quotas APIs. */
function defineGrantAndQuota(define: (name: string, configure: (command: Command) => Command) => void): void {
  define("grant", (c) =>
    c
      .argument("<assetId...>", "the assets (ids, rbxassetid://<id> or assets/<id>)")
      .description(
        "let experiences use assets: grant each experience Use of each asset (asset-permissions API; grants to an experience are permanent)",
      )
      .requiredOption(
        "--experience <universeId>",
        "the experience's universe id, from its settings; not a place id (repeat for more)",
        collect,
      )
      .addHelpText(
        "after",
        `\nThe API key needs the asset-permissions API with its Write operation (scope asset-permissions:write).\nExit 1 when any grant is refused; each refused asset is listed with the reason.${examples(
          "rbxassets grant 1234567890 --experience 6046911802",
          "rbxassets grant 111 222 333 --experience 6046911802 --experience 7000000001 --json",
        )}`,
      ),
  );
  define("quota", (c) =>
    c
      .description(
        "show the creator's upload quotas: used, capacity, left and when they reset (users only; Roblox publishes none for groups)",
      )
      .option(
        "--type <type>",
        "an asset type, e.g. Audio or Video (repeat for more; default Audio and Video)",
        collect,
      )
      .addHelpText("after", examples("rbxassets quota", "rbxassets quota --type Audio --json")),
  );
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
