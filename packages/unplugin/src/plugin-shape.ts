// The plugin object's public type, written without rollup's declarations: rollup is an optional peer
// (Vite 8 and Rolldown users have none installed), so dist/*.d.ts must never import "rollup". The shape
// is structurally a Rollup, Rolldown and Vite plugin; the implementation is checked against Rollup's own
// `Plugin` type in factory.ts.
import type { RbxassetsApi } from "./host-api.js";

export const PLUGIN_NAME = "rbxassets" as const;

// biome-ignore lint/suspicious/noExplicitAny: the bundler owns each hook's `this` and arguments; `any` keeps the object assignable to Rollup's, Rolldown's and Vite's Plugin types without importing them
type Hook = (this: any, ...args: any[]) => any;

export interface RbxassetsPlugin {
  name: "rbxassets";
  api: RbxassetsApi;
  buildStart: Hook;
  resolveId: Hook;
  load: Hook;
  buildEnd: Hook;
  renderChunk: Hook;
  generateBundle: Hook;
}
