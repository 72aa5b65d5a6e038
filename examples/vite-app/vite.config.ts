import rbxassets from "@rbxassets/vite-plugin";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [
    rbxassets({
      // Credentials come from RBXASSETS_API_KEY and RBXASSETS_CREATOR (environment or .env), never from here.
      // `pnpm build` points the build at a local emulator and keeps its ids in a separate lockfile.
      lockfile: process.env.EXAMPLE_LOCKFILE ?? "rbxassets.lock.json",
      manifest: true,
    }),
  ],
});
