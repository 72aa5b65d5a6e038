import { defineConfig } from "vitest/config";

// The client and pipeline suites run twice: against the emulator's current wire, and against its legacy
// wire (the answers older live responses gave), which the test helpers read from RBXASSETS_EMULATOR_WIRE.
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: "core" } },
      {
        extends: true,
        test: {
          name: "legacy-wire",
          include: ["test/client*.test.ts", "test/pipeline*.test.ts"],
          env: { RBXASSETS_EMULATOR_WIRE: "legacy" },
        },
      },
    ],
  },
});
