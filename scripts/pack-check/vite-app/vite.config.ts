// Type-checked by tsconfig.node.json with Vite 8 and no rollup installed.
import rbxassets from "@rbxassets/vite-plugin";
import { defineConfig } from "vite";

export default defineConfig({ plugins: [rbxassets({ manifest: true })] });
