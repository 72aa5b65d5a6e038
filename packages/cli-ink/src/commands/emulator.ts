import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { loadEmulator } from "../load-emulator.js";

/** Runs the local emulator until SIGINT/SIGTERM (the env's signal), then closes it. */
export async function run(
  env: CommandEnv,
  _args: string[],
  options: { port?: number; universe?: string[] },
): Promise<CommandResult> {
  const { startEmulator } = await loadEmulator();
  // The emulator's defaults are the realistic ones: operations take about a second, as live ones do.
  const emulator = await startEmulator({
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.universe?.length ? { universes: options.universe } : {}),
  });
  // The emulator's key is public (it only opens this local server), so printing it is fine. The creator
  // is the key's owner: uploads for anyone else are refused, as live.
  const info = { url: emulator.url, apiKey: emulator.apiKey, creator: emulator.creator };
  // As VAR=value lines, ready to paste into a .env file or a shell.
  env.out.result(
    info,
    () =>
      `RBXASSETS_API_URL=${emulator.url}\nRBXASSETS_API_KEY=${emulator.apiKey}\nRBXASSETS_CREATOR=${emulator.creator}`,
  );
  env.out.log(`emulator listening on ${emulator.url}; press Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    if (env.signal.aborted) resolve();
    else env.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await emulator.close();
  env.out.log("emulator stopped");
  return ExitCode.ok;
}
