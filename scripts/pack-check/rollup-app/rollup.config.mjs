import rbxassets from "@rbxassets/rollup-plugin";

export default {
  input: "src/main.js",
  output: { dir: "dist", format: "es" },
  plugins: [rbxassets({ manifest: "asset-ids.json" })],
};
