// The plugin tests share one harness: the Vite plugin runs the same projects as the Rollup one.
export * from "../../rollup-plugin/test/helpers.js";
