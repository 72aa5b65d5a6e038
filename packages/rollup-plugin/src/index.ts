import { createRollupPlugin, type RbxassetsOptions, type RbxassetsPlugin } from "@rbxassets/unplugin";

export type {
  AssetMap,
  HostSettings,
  ImportMatcherOptions,
  RbxassetsApi,
  RbxassetsOptions,
  RbxassetsPlugin,
  ResolutionMode,
} from "@rbxassets/unplugin";
export { createImportMatcher, PLUGIN_NAME, RESOLVED_VIRTUAL_ID, VIRTUAL_ID } from "@rbxassets/unplugin";

/**
 * Rollup plugin: `import icon from "./icon.png"` becomes `"rbxassetid://<id>"`, the file uploaded once per
 * content through the `@rbxassets/core` pipeline and remembered in the lockfile. A thin shell over
 * `@rbxassets/unplugin`'s factory, which webpack, rspack, esbuild and Rolldown use too.
 */
export default function rbxassets(options?: RbxassetsOptions): RbxassetsPlugin {
  return createRollupPlugin(options);
}
