import type { InlineConfig, ViteDevServer } from "vite";

/**
 * The same tests run through Vite 6, 7 and 8 (the peer range). Their config and server types differ in
 * details that do not matter here, so each is used through the Vite 8 shape.
 */
export interface ViteApi {
  build(config: InlineConfig): Promise<unknown>;
  createServer(config: InlineConfig): Promise<ViteDevServer>;
  version: string;
}

export const VITE_VERSIONS: [name: string, load: () => Promise<ViteApi>][] = [
  ["vite 6", async () => (await import("vite6")) as unknown as ViteApi],
  ["vite 7", async () => (await import("vite7")) as unknown as ViteApi],
  ["vite 8", async () => (await import("vite")) as unknown as ViteApi],
];
