// @rbxassets/unplugin/rspack: `plugins: [rbxassets()]` in rspack.config.js. Typed without rspack's
// declarations (any rspack compiler fits).
import { rbxassetsUnplugin } from "./instance.js";
import type { RbxassetsOptions } from "./options.js";

export type { RbxassetsOptions } from "./options.js";

/** An rspack plugin. */
export interface RbxassetsRspackPlugin {
  // biome-ignore lint/suspicious/noExplicitAny: rspack's Compiler, without importing its types
  apply(compiler: any): void;
}

export default function rbxassets(options?: RbxassetsOptions): RbxassetsRspackPlugin {
  return rbxassetsUnplugin.rspack(options);
}
