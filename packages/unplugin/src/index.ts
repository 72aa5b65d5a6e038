// @rbxassets/unplugin: one plugin for every bundler, on unplugin. Users take a bundler's entry
// (`/webpack`, `/rspack`, `/esbuild`, `/rolldown`; Rollup and Vite have packages of their own, thin shells
// over `createRollupPlugin`). No declaration here imports a bundler's types.
import { rbxassetsUnplugin } from "./instance.js";
import type { RbxassetsOptions } from "./options.js";
import type { RbxassetsPlugin } from "./plugin-shape.js";

export type { HostSettings, RbxassetsApi, ResolutionMode } from "./host-api.js";
export type { ImportMatcherOptions } from "./import-matcher.js";
export { createImportMatcher } from "./import-matcher.js";
export type { RbxassetsOptions } from "./options.js";
export { PLUGIN_NAME, type RbxassetsPlugin } from "./plugin-shape.js";
export type { AssetMap } from "./virtual-module.js";
export { RESOLVED_VIRTUAL_ID, VIRTUAL_ID } from "./virtual-module.js";

/** The Rollup plugin (what `@rbxassets/rollup-plugin` and, through it, `@rbxassets/vite-plugin` return). */
export function createRollupPlugin(options?: RbxassetsOptions): RbxassetsPlugin {
  return rbxassetsUnplugin.rollup(options) as unknown as RbxassetsPlugin;
}
