import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** The key the test emulator accepts: recognisable, so that any leak into output is caught. */
export const SECRET_KEY = "sk-test-SECRET-1234567890";

export const BIN = fileURLToPath(new URL("../../bin/rbxassets.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Added to a clean environment (no RBXASSETS_* from the caller's shell; CI=true, so never a prompt). */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves with stdout so far once it matches `pattern`. */
  stdoutMatching(pattern: RegExp): Promise<RegExpMatchArray>;
  done: Promise<CliResult>;
}

function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The caller's colour choice stays out too: tests compare plain text unless they set one.
    if (!key.startsWith("RBXASSETS_") && key !== "NO_COLOR" && key !== "FORCE_COLOR") env[key] = value;
  }
  env.CI = "true";
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Starts `node bin/rbxassets.js ...args`; every result is checked never to contain the secret key. */
export function startCli(args: string[], options: RunOptions = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: cleanEnv(options.env ?? {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const watchers: Array<() => void> = [];
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    for (const watcher of watchers) watcher();
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 45_000);
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher();
      expect(stdout).not.toContain(SECRET_KEY);
      expect(stderr).not.toContain(SECRET_KEY);
      resolve({ code, stdout, stderr });
    });
  });
  return {
    child,
    done,
    stdoutMatching: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) resolve(match);
          else if (child.exitCode !== null) reject(new Error(`exited before printing ${pattern}: ${stderr}`));
        };
        watchers.push(check);
        check();
      }),
  };
}

export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/** The one JSON document a `--json` command prints on stdout. */
export function json<T = Record<string, unknown>>(result: CliResult): T {
  return JSON.parse(result.stdout) as T;
}

/** A failure: non-zero exit, nothing on stdout, exactly one line on stderr that starts `rbxassets: `. */
export function expectOneLineFailure(result: CliResult, pattern?: RegExp): void {
  expect(result.code, result.stderr).not.toBe(0);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^rbxassets: \S/);
  if (pattern) expect(lines[0]).toMatch(pattern);
}
