import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real webpack, rspack, esbuild and Rolldown builds: each starts a compiler.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
