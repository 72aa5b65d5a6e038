// One setting, every API: RBXASSETS_API_URL names the Assets API (`https://apis.roblox.com/assets`), and the
// other Open Cloud APIs (asset permissions, v2 quotas) sit at its root, as on apis.roblox.com. So a
// stand-in (the emulator, a proxy) serves them all on one port under the same base.
import { defaultServerUrl } from "@rbxassets/spec";

/** The path the Assets server URL adds to the root (`/assets`). */
const ASSETS_PATH = new URL(defaultServerUrl).pathname.replace(/\/+$/, "");

/** The base URL of the API whose spec server is `serverUrl`, given the configured Assets base. */
export function apiBaseFor(assetsBaseUrl: string, serverUrl: string): string {
  const base = assetsBaseUrl.replace(/\/+$/, "");
  const root = base.endsWith(ASSETS_PATH) ? base.slice(0, -ASSETS_PATH.length) : base;
  return root + new URL(serverUrl).pathname.replace(/\/+$/, "");
}
