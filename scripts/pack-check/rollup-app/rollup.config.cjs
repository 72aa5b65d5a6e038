// A CommonJS Rollup config: the plugin comes through require() (Node's require(esm)).
const rbxassets = require("@rbxassets/rollup-plugin").default;

module.exports = {
  input: "src/main.js",
  output: { dir: "dist-cjs", format: "es" },
  plugins: [rbxassets()],
};
