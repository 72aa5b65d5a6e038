import { describeError } from "./errors.js";
import { createOutput, type Output } from "./output.js";
import { rateLimitNotice } from "./rate-limit-notice.js";
import type { ServiceContext } from "./services/context.js";

/** Options every command accepts (commander's names for the global flags). */
export interface GlobalOptions {
  apiKeyFile?: string;
  apiUrl?: string;
  creator?: string;
  json?: boolean;
  cwd?: string;
  root?: string;
}

/** What a command implementation gets: where to write, its service context (made on first use), a signal. */
export interface CommandEnv {
  out: Output;
  globals: GlobalOptions;
  context(): Promise<ServiceContext>;
  /**
   * The hard abort: on the first Ctrl-C (SIGINT) or SIGTERM, or for a command with a graceful stop, on
   * the second (the process then exits at once).
   */
  signal: AbortSignal;
  /** The graceful stop (commands run with `graceful`): the first Ctrl-C or SIGTERM. */
  stop: AbortSignal;
}

/** The exit code shells report for a process ended by this signal. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/** The exit code a command asks for. */
export type CommandResult = number;

/**
 * Runs one command implementation: sets up output and signals, turns any failure into one line on stderr
 * (`rbxassets: <reason>`) and an exit code.
 */
export async function runCommand(
  globals: GlobalOptions,
  body: (env: CommandEnv) => Promise<CommandResult>,
  options: {
    handleSignals?: boolean;
    stderrNotices?: boolean;
    /**
     * The first Ctrl-C stops gracefully (`stop`: uploads already sent are finished and recorded; the
     * command says how many); a second one exits at once, leaving the journal to the next run.
     */
    graceful?: boolean;
  } = {},
): Promise<number> {
  const out = createOutput({ json: globals.json === true });
  const controller = new AbortController();
  const stopper = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) process.exit(SIGNAL_EXIT[signal] ?? 130);
    received = signal;
    const reason = new DOMException("Aborted", "AbortError");
    if (options.graceful) {
      stopper.abort(reason);
      return;
    }
    out.log("stopping… (press Ctrl-C again to quit at once)");
    stopper.abort(reason);
    controller.abort(reason);
  };
  const handleSignals = options.handleSignals !== false;
  if (handleSignals) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  let context: Promise<ServiceContext> | undefined;
  /** Where the API is looked for, once the context knows: a failure to reach it names the place. */
  let apiUrl: string | undefined;
  const env: CommandEnv = {
    out,
    globals,
    signal: controller.signal,
    stop: stopper.signal,
    context: () => {
      context ??= import("./services/context.js").then(async ({ createServiceContext }) => {
        const ctx = await createServiceContext({
          root: globals.cwd ?? globals.root ?? process.cwd(),
          ...(globals.apiKeyFile !== undefined ? { apiKeyFile: globals.apiKeyFile } : {}),
          ...(globals.apiUrl !== undefined ? { baseUrl: globals.apiUrl } : {}),
          ...(globals.creator !== undefined ? { creator: globals.creator } : {}),
        });
        out.redactWith(ctx.redact);
        // The TUI draws its own waits: lines on stderr would tear its screen.
        if (options.stderrNotices !== false) ctx.onClientEvent(rateLimitNotice((line) => out.log(line)));
        // Said even under the TUI (once, before it draws): a key in clear text is worth a line.
        ctx.onClientEvent((event) => {
          if (event.type === "insecureTransport")
            out.error(`warning: the API key is sent over plain http to ${event.host}; use https`);
        });
        apiUrl = ctx.apiUrl;
        return ctx;
      });
      return context;
    },
  };
  try {
    const code = await body(env);
    // A run stopped by a signal exits as shells report it (130 for Ctrl-C), whatever it finished.
    return received && options.graceful ? (SIGNAL_EXIT[received] ?? code) : code;
  } catch (error) {
    const { message, exitCode } = describeError(error, { apiUrl });
    // A project file's problems are listed one per line, each naming its key (all of them, not the first).
    const lines =
      error instanceof Error && error.name === "ProjectFileError" ? error.message.split("\n") : [message];
    for (const line of lines) out.error(line);
    return received && options.graceful ? (SIGNAL_EXIT[received] ?? exitCode) : exitCode;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
