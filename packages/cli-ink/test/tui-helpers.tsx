// Shared by the TUI tests: a real emulator, a real ServiceContext on a temporary project, the App rendered
// with ink-testing-library, and bounded waits for text (no timed assertions).

import { EventEmitter } from "node:events";
import { stripVTControlCharacters } from "node:util";
import { type RunningEmulator, startEmulator } from "@rbxassets/emulator";
import { render } from "ink";
import { createServiceContext, type ServiceContext } from "../src/services/context.js";
import { App } from "../src/tui/app.js";
import type { Route } from "../src/tui/state/navigation.js";
import { makeProject } from "./helpers/files.js";

export const KEYS = {
  up: "\u001B[A",
  down: "\u001B[B",
  right: "\u001B[C",
  left: "\u001B[D",
  enter: "\r",
  escape: "\u001B",
  space: " ",
  tab: "\t",
  ctrlC: "\u0003",
  backspace: "\u007F",
} as const;

export interface TuiEnv {
  emulator: RunningEmulator;
  root: string;
  ctx: ServiceContext;
  close(): Promise<void>;
}

/** An emulator (operations finish at once unless told otherwise) and a context on a new project folder. */
export async function startTuiEnv(
  files: Record<string, Buffer | string> = {},
  emulatorOptions: Parameters<typeof startEmulator>[0] = {},
): Promise<TuiEnv> {
  // Operations finish without a delay in time (polls still count when the options ask for them).
  const emulator = await startEmulator({
    ...emulatorOptions,
    operations: { pendingPolls: 0, pendingMs: 0, ...emulatorOptions?.operations },
  });
  const root = await makeProject(files);
  const ctx = await createServiceContext({
    root,
    baseUrl: emulator.url,
    apiKey: emulator.apiKey,
    creator: "user:1",
    env: {},
  });
  return { emulator, root, ctx, close: () => emulator.close() };
}

/** A terminal of a given size that records what Ink writes; `resize` is what a terminal emits. */
class TestStdout extends EventEmitter {
  readonly frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = () => this.frames.at(-1);
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit("resize");
  }
}

/** Keys typed into the app: Ink reads `readable` then `read()`. */
class TestStdin extends EventEmitter {
  isTTY = true;
  #data: string | null = null;
  write = (data: string) => {
    this.#data = data;
    this.emit("readable");
    this.emit("data", data);
  };
  read = () => {
    const data = this.#data;
    this.#data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export interface TerminalSize {
  columns: number;
  rows: number;
}

export interface RenderedApp {
  /** The last frame without colours. */
  frame(): string;
  /** Every frame written so far, joined (Static output included). */
  output(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  /** Waits (bounded) until the last frame contains `text`; fails with the frame when it never does. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  exitCode(): number | undefined;
  waitForExit(timeoutMs?: number): Promise<number>;
  unmount(): void;
  /** Resizes the terminal, as a person dragging its window does. */
  resize(columns: number, rows: number): Promise<void>;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));
/**
 * Ink 8 holds a lone Esc for 20 ms (it may start an arrow key's sequence) before it reports it: a test
 * waits a little longer after one, or the next key would be read as part of the same sequence.
 */
export const ESCAPE_FLUSH_MS = 40;
export const afterEscape = () => new Promise<void>((resolve) => setTimeout(resolve, ESCAPE_FLUSH_MS));
const settle = async () => {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await tick();
};

export function renderApp(
  ctx: ServiceContext,
  initialRoute?: Route,
  size: TerminalSize = { columns: 100, rows: 30 },
): RenderedApp {
  let code: number | undefined;
  const stdout = new TestStdout(size.columns, size.rows);
  const stdin = new TestStdin();
  // What ink-testing-library does, with a terminal whose size the test chooses (and can change).
  const ink = render(
    <App
      ctx={ctx}
      onExit={(c) => {
        code = c;
      }}
      {...(initialRoute ? { initialRoute } : {})}
    />,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: new TestStdout(size.columns, size.rows) as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  const instance = {
    stdin,
    frames: stdout.frames,
    lastFrame: stdout.lastFrame,
    unmount: () => ink.unmount(),
  };
  const frame = () => stripVTControlCharacters(instance.lastFrame() ?? "");
  const matches = (text: string | RegExp) =>
    typeof text === "string" ? frame().includes(text) : text.test(frame());
  const until = async (done: () => boolean, what: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
      await tick();
    }
  };
  return {
    frame,
    output: () => stripVTControlCharacters(instance.frames.join("\n")),
    async press(...keys) {
      for (const key of keys) {
        instance.stdin.write(key);
        // Ink flushes a lone Esc after a short delay and renders after input: let both happen.
        if (key === KEYS.escape) await afterEscape();
        await tick();
        await tick();
      }
    },
    async type(text) {
      instance.stdin.write(text);
      await tick();
      await tick();
    },
    async waitFor(text, timeoutMs = 20_000) {
      await until(() => matches(text), JSON.stringify(String(text)), timeoutMs);
      // The frame is written on commit, but input hooks subscribe in passive effects that React runs on a
      // later turn: a key sent in this very turn would reach no one. Let those effects run first.
      await settle();
      return frame();
    },
    exitCode: () => code,
    async waitForExit(timeoutMs = 20_000) {
      await until(() => code !== undefined, "exit", timeoutMs);
      return code!;
    },
    unmount: () => instance.unmount(),
    async resize(columns, rows) {
      stdout.resize(columns, rows);
      await settle();
      await tick();
    },
  };
}
