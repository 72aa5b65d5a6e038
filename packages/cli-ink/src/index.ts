// @rbxassets/cli as a library: the services behind every command (the TUI uses them too). No UI here.

// A project file's types: `import { defineConfig } from "@rbxassets/cli"` in rbxassets.config.ts.
export { defineConfig, type ProjectConfig } from "@rbxassets/core/node";
export * from "./services/assets.js";
export * from "./services/context.js";
export * from "./services/errors.js";
export * from "./services/lockfile.js";
export * from "./services/project-sync.js";
export * from "./services/sync.js";
