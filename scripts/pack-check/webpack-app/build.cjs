// Builds with webpack's Node API and the CommonJS config (no webpack-cli needed); exits 1 on errors.
const webpack = require("webpack");

webpack(require("./webpack.config.cjs")).run((error, stats) => {
  if (error || stats.hasErrors()) {
    console.error(error ?? stats.toString("errors-only"));
    process.exit(1);
  }
});
