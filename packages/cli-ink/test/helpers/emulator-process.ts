// An emulator in a process of its own, so that a test can kill it as a crash or a lost server would: its
// connections drop at once (an emulator closed in-process answers its open connections with 503s).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { startEmulator } from "@rbxassets/emulator";

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = `
import { startEmulator } from "@rbxassets/emulator";
const emulator = await startEmulator(JSON.parse(process.argv[1]));
process.stdout.write(JSON.stringify({ url: emulator.url, apiKey: emulator.apiKey }) + "\\n");
`;

export interface EmulatorProcess {
  url: string;
  apiKey: string;
  /** SIGKILL: the server is gone at once, as if it crashed. */
  kill(): void;
}

export function startEmulatorProcess(
  options: Parameters<typeof startEmulator>[0] = {},
): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", SCRIPT, JSON.stringify(options)], {
    cwd: PACKAGE_DIR,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the emulator process exited (${code}) before it listened`)));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const line = out.split("\n")[0];
      if (!out.includes("\n") || !line) return;
      const { url, apiKey } = JSON.parse(line) as { url: string; apiKey: string };
      resolve({ url, apiKey, kill: () => child.kill("SIGKILL") });
    });
  });
}
