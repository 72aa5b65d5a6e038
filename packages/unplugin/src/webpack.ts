// @rbxassets/unplugin/webpack: `plugins: [rbxassets()]` in webpack.config.js. Typed without webpack's
// declarations, so that the types need no webpack installed to load (any webpack 5 compiler fits).
import { rbxassetsUnplugin } from "./instance.js";
import type { RbxassetsOptions } from "./options.js";

export type { RbxassetsOptions } from "./options.js";

/** A webpack 5 plugin. */
export interface RbxassetsWebpackPlugin {
  // biome-ignore lint/suspicious/noExplicitAny: webpack's Compiler, without importing its types
  apply(compiler: any): void;
}

export default function rbxassets(options?: RbxassetsOptions): RbxassetsWebpackPlugin {
  return rbxassetsUnplugin.webpack(options);
}
