// @rbxassets/unplugin/rolldown: `plugins: [rbxassets()]` in rolldown.config.js. The same hooks as the
// Rollup plugin (Rolldown runs Rollup's), typed without rolldown's or rollup's declarations.
import { rbxassetsUnplugin } from "./instance.js";
import type { RbxassetsOptions } from "./options.js";
import type { RbxassetsPlugin } from "./plugin-shape.js";

export type { RbxassetsOptions } from "./options.js";
export type { RbxassetsPlugin } from "./plugin-shape.js";

export default function rbxassets(options?: RbxassetsOptions): RbxassetsPlugin {
  return rbxassetsUnplugin.rolldown(options) as unknown as RbxassetsPlugin;
}
