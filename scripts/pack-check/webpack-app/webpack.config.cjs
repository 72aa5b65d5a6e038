// A CommonJS webpack config, as most are: the plugin comes through require() (Node's require(esm)).
const { join } = require("node:path");
const rbxassets = require("@rbxassets/unplugin/webpack").default;

module.exports = {
  mode: "production",
  context: __dirname,
  entry: "./src/main.js",
  output: { path: join(__dirname, "dist"), library: { type: "commonjs2" } },
  plugins: [rbxassets({ manifest: true })],
};
