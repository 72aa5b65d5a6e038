// Strict tsc (skipLibCheck off) in the CommonJS app ("type": "commonjs"): TypeScript compiled as CommonJS
// reads the packages' `exports` and their ESM types with `"module": "nodenext"` (TypeScript 5.8+), the mode
// that knows Node 22.18+ require()s ESM; the READMEs say so. `commonjs` finds no types (TS2307) and `node16`
// refuses the import (TS1479).

import type { ProjectConfig } from "@rbxassets/cli";
import { type AssetsClient, createAssetsClient } from "@rbxassets/core";
import { createPipeline, defineConfig, type Pipeline } from "@rbxassets/core/node";
import { startEmulator } from "@rbxassets/emulator";
import rollupPlugin from "@rbxassets/rollup-plugin";
import webpack from "@rbxassets/unplugin/webpack";
import vitePlugin from "@rbxassets/vite-plugin";

const config: ProjectConfig = defineConfig({ inputs: { ui: { include: "ui/*.png" } } });
const client: AssetsClient = createAssetsClient({ apiKey: "k", env: {} });
const pipeline: Pipeline = createPipeline({ root: "." });
export const entries = [config, client, pipeline, startEmulator, rollupPlugin(), webpack(), vitePlugin()];
