// @rbxassets/unplugin/esbuild: `plugins: [rbxassets()]` in esbuild.build(). Typed without esbuild's
// declarations, structurally an esbuild Plugin.
import { rbxassetsUnplugin } from "./instance.js";
import type { RbxassetsOptions } from "./options.js";

export type { RbxassetsOptions } from "./options.js";

/** An esbuild plugin. */
export interface RbxassetsEsbuildPlugin {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: esbuild's PluginBuild, without importing its types
  setup(build: any): void | Promise<void>;
}

export default function rbxassets(options?: RbxassetsOptions): RbxassetsEsbuildPlugin {
  return rbxassetsUnplugin.esbuild(options);
}
