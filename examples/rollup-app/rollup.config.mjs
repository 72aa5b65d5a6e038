import rbxassets from "@rbxassets/rollup-plugin";

/** @type {import("rollup").RollupOptions} */
export default {
  input: "src/main.js",
  output: { dir: "dist", format: "es" },
  plugins: [
    rbxassets({
      // Credentials come from RBXASSETS_API_KEY and RBXASSETS_CREATOR (environment or .env), never from here.
      // `pnpm build` points the build at a local emulator and keeps its ids in a separate lockfile.
      lockfile: process.env.EXAMPLE_LOCKFILE ?? "rbxassets.lock.json",
      manifest: "asset-ids.json",
    }),
  ],
};
