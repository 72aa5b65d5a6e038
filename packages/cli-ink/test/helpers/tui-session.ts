// One TUI session per test, for the tui-flows files: `setup` starts the emulator and the project, `renderApp`
// renders the App; `closeTuiAfterEach` unmounts the last App rendered and closes the emulator after a test.
import { afterEach } from "vitest";
import { type RenderedApp, renderApp as render, startTuiEnv, type TuiEnv } from "../tui-helpers.js";

let env: TuiEnv | undefined;
let app: RenderedApp | undefined;

/** Registers the cleanup after each test of the calling file. */
export function closeTuiAfterEach(): void {
  afterEach(async () => {
    app?.unmount();
    app = undefined;
    await env?.close();
    env = undefined;
  });
}

/** An emulator and a context on a new project holding `files`, closed after the test. */
export async function setup(
  files: Record<string, Buffer | string> = {},
  options?: Parameters<typeof startTuiEnv>[1],
): Promise<TuiEnv> {
  env = await startTuiEnv(files, options);
  return env;
}

/** The App rendered as tui-helpers does; the last one rendered is unmounted after the test. */
export function renderApp(...args: Parameters<typeof render>): RenderedApp {
  app = render(...args);
  return app;
}
