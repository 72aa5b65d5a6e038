// @rbxassets/rollup-plugin/host: what the Vite plugin (or any tool built on this plugin) needs, without
// rollup's types, which the main entry's `RbxassetsPlugin` brings in.
export type { HostSettings, RbxassetsApi, ResolutionMode } from "./host-api.js";
export type { RbxassetsOptions } from "./options.js";
export type { AssetMap } from "./virtual-module.js";
export { RESOLVED_VIRTUAL_ID, VIRTUAL_ID } from "./virtual-module.js";
