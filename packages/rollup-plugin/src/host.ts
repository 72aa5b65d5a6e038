// @rbxassets/rollup-plugin/host: what the Vite plugin (or any tool built on this plugin) needs, without
// rollup's types (none of @rbxassets/unplugin's declarations import them either).
export type {
  AssetMap,
  HostSettings,
  RbxassetsApi,
  RbxassetsOptions,
  ResolutionMode,
} from "@rbxassets/unplugin";
export { RESOLVED_VIRTUAL_ID, VIRTUAL_ID } from "@rbxassets/unplugin";
