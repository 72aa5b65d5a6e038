import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    globalSetup: ["test/global-setup.ts"],
    // Each test runs the built binary as a subprocess: allow for process start-up on slow machines.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
