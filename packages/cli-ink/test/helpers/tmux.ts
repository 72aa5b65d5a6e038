// A real terminal for the built binary: a private tmux server (its own socket, so that parallel runs and
// other users of tmux never meet), a pane running the CLI, send-keys to type and capture-pane to read.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/rbxassets.js", import.meta.url));

export const tmuxInstalled = spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;
export const skipTmux = process.env.RBXASSETS_SKIP_TMUX === "1";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class TmuxTerminal {
  constructor(
    readonly socket: string,
    readonly session = "tui",
  ) {}

  run(...args: string[]): string {
    const result = spawnSync("tmux", ["-L", this.socket, "-f", "/dev/null", ...args], { encoding: "utf8" });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`tmux ${args.join(" ")} failed: ${result.stderr}`);
    return result.stdout;
  }

  /**
   * The pane runs `rbxassets <args>` in `cwd`, then prints `EXIT=<code>`. `env` is the whole RBXASSETS_*
   * and colour environment (the tmux server's own has no CI, which would turn prompting off).
   */
  start(options: {
    cwd: string;
    env: Record<string, string>;
    args?: string[];
    columns?: number;
    rows?: number;
  }) {
    const args = (options.args ?? []).map((a) => JSON.stringify(a)).join(" ");
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args}; echo "EXIT=$?"; sleep 300`;
    const env = Object.entries({ TERM: "xterm-256color", ...options.env }).flatMap(([k, v]) => [
      "-e",
      `${k}=${v}`,
    ]);
    const size = ["-x", String(options.columns ?? 80), "-y", String(options.rows ?? 24)];
    if (this.#started) {
      this.run("resize-window", "-t", this.session, ...size);
      this.run("respawn-pane", "-k", "-t", this.session, "-c", options.cwd, ...env, command);
      this.run("clear-history", "-t", this.session);
      return;
    }
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => k !== "CI" && !k.startsWith("RBXASSETS_") && k !== "NO_COLOR" && k !== "FORCE_COLOR",
      ),
    );
    const result = spawnSync(
      "tmux",
      [
        "-L",
        this.socket,
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        this.session,
        ...size,
        "-c",
        options.cwd,
        ...env,
        command,
      ],
      { encoding: "utf8", env: clean },
    );
    if (result.status !== 0) throw new Error(`tmux new-session failed: ${result.stderr}`);
    this.#started = true;
  }
  #started = false;

  /** The visible screen; `escapes` keeps the SGR sequences (capture-pane -e). */
  screen(options: { escapes?: boolean; history?: boolean } = {}): string {
    return this.run(
      "capture-pane",
      "-p",
      ...(options.escapes ? ["-e"] : []),
      ...(options.history ? ["-S", "-"] : []),
      "-t",
      this.session,
    );
  }

  /** Polls the pane (bounded) until it shows `text`; fails with the screen when it never does. */
  async waitFor(text: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const shown = this.screen();
      if (typeof text === "string" ? shown.includes(text) : text.test(shown)) return shown;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; screen:\n${shown}`);
      await pause(50);
    }
  }

  /** Keys by tmux name (Enter, Down, Escape…), one send-keys each, as a person types them. */
  async keys(...names: string[]): Promise<void> {
    for (const name of names) {
      this.run("send-keys", "-t", this.session, name);
      await pause(60);
    }
  }

  /** Several keys in one send-keys: they reach the program as one chunk, as a paste or a held key does. */
  async chunk(...names: string[]): Promise<void> {
    this.run("send-keys", "-t", this.session, ...names);
    await pause(60);
  }

  /** Text typed as is. */
  async type(text: string): Promise<void> {
    this.run("send-keys", "-t", this.session, "-l", text);
    await pause(60);
  }

  resize(columns: number, rows: number): void {
    this.run("resize-window", "-t", this.session, "-x", String(columns), "-y", String(rows));
  }

  kill(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-server"]);
  }
}
