// Runs a command (e.g. `vite build`) against a local Open Cloud Assets emulator instead of Roblox, so the
// example builds without an account. The emulator keeps its assets in .emulator/ and the build records
// their ids in rbxassets.emulator.lock.json, so that they never mix with real ones.
import { spawn } from "node:child_process";
import { startEmulator } from "@rbxassets/emulator";

const [command, ...args] = process.argv.slice(2);
const emulator = await startEmulator({ dataDir: ".emulator" });
const child = spawn(command, args, {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: {
    ...process.env,
    RBXASSETS_API_URL: emulator.url,
    RBXASSETS_API_KEY: emulator.apiKey,
    RBXASSETS_CREATOR: emulator.creator,
    EXAMPLE_LOCKFILE: "rbxassets.emulator.lock.json",
  },
});
const code = await new Promise((resolve) => child.on("close", resolve));
await emulator.close();
process.exit(code ?? 1);
