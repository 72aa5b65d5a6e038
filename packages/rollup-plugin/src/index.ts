import type { RbxassetsOptions } from "./options.js";
import { createRbxassetsPlugin, type RbxassetsPlugin } from "./plugin.js";

export type { HostSettings, RbxassetsApi, ResolutionMode } from "./host-api.js";
export type { ImportMatcherOptions } from "./import-matcher.js";
export { createImportMatcher } from "./import-matcher.js";
export type { RbxassetsOptions } from "./options.js";
export type { RbxassetsPlugin } from "./plugin.js";
export { PLUGIN_NAME } from "./plugin.js";
export type { AssetMap } from "./virtual-module.js";
export { RESOLVED_VIRTUAL_ID, VIRTUAL_ID } from "./virtual-module.js";

/**
 * Rollup plugin: `import icon from "./icon.png"` becomes `"rbxassetid://<id>"`, the file uploaded once per
 * content through the `@rbxassets/core` pipeline and remembered in the lockfile.
 */
export default function rbxassets(options?: RbxassetsOptions): RbxassetsPlugin {
  return createRbxassetsPlugin(options);
}
