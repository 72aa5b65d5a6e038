// Strict tsc (skipLibCheck off) in an app with no rollup, Rolldown, rspack or esbuild installed: the
// plugins' declarations must load without those bundlers' types (the Rollup plugin's needed rollup).
import rollupPlugin, { type RbxassetsPlugin } from "@rbxassets/rollup-plugin";
import esbuild from "@rbxassets/unplugin/esbuild";
import rolldown from "@rbxassets/unplugin/rolldown";
import rspack from "@rbxassets/unplugin/rspack";
import webpack, { type RbxassetsOptions } from "@rbxassets/unplugin/webpack";

const options: RbxassetsOptions = { manifest: true, include: ["src/**/*.png"] };
const rollup: RbxassetsPlugin = rollupPlugin(options);
export const plugins = [rollup, rolldown(options), rspack(options), esbuild(options), webpack(options)];
