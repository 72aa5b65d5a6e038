import rollupPlugin from "@rbxassets/rollup-plugin";
// Types and ids from the "/host" entry, which needs no rollup types: Vite 8 apps have no rollup installed.
import { type RbxassetsApi, type RbxassetsOptions, RESOLVED_VIRTUAL_ID } from "@rbxassets/rollup-plugin/host";
import type { Plugin } from "vite";

export type { AssetMap, RbxassetsApi } from "@rbxassets/rollup-plugin/host";
export { VIRTUAL_ID } from "@rbxassets/rollup-plugin/host";

export interface ViteRbxassetsOptions extends RbxassetsOptions {
  /**
   * What `vite` (the dev server) does with an import whose content is not in the lockfile.
   * `"upload"` (default): the same as a build — upload it once, record it, serve its id.
   * `"lockfile-only"`: never touch the network; such an import fails with the command that fixes it.
   */
  dev?: "upload" | "lockfile-only";
}

export type RbxassetsVitePlugin = Plugin & { api: RbxassetsApi };

/**
 * Vite plugin: the Rollup plugin, run before Vite's own asset handling (`enforce: "pre"`), plus what only
 * the dev server needs: the project root from Vite's config, the `dev` policy, and reloading importers of
 * `virtual:rbxassets` when the lockfile changes. Asset files themselves are module files: when one changes,
 * Vite invalidates it, the plugin resolves it again, and its importers update (or the page reloads).
 */
export default function rbxassets(options: ViteRbxassetsOptions = {}): RbxassetsVitePlugin {
  const { dev = "upload", ...shared } = options;
  const base = rollupPlugin(shared);
  const api = base.api;
  return {
    // The hooks are Rollup's; Vite 6-8 run them as they are (cast: Vite 8 types them against Rolldown).
    ...(base as unknown as Plugin),
    name: base.name,
    enforce: "pre",
    api,

    configResolved(config) {
      api.configure({
        root: config.root,
        command: config.command,
        resolution: config.command === "serve" ? dev : "upload",
      });
    },

    hotUpdate({ file, modules }) {
      if (!api.isLockfile(file)) return;
      const virtual = this.environment.moduleGraph.getModuleById(RESOLVED_VIRTUAL_ID);
      if (!virtual) return;
      return [...modules, virtual];
    },
  };
}
