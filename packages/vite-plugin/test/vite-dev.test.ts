import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { ViteDevServer } from "vite";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import rbxassets, { type ViteRbxassetsOptions } from "../src/index.js";
import { readLockfile, useEmulator, writeProjectFile } from "./helpers.js";
import { devServerConfig } from "./vite-config.js";
import { VITE_VERSIONS, type ViteApi } from "./vite-versions.js";

const ctx = useEmulator();

describe.each(VITE_VERSIONS)("%s dev server", (_name, loadVite) => {
  let vite: ViteApi;
  let server: ViteDevServer | undefined;
  beforeAll(async () => {
    vite = await loadVite();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function startServer(root: string, options: ViteRbxassetsOptions) {
    server = await vite.createServer(devServerConfig(root, rbxassets(options)));
    return server;
  }

  /** Resolves with the next HMR payload the server sends to browsers. */
  function nextHotPayload(dev: ViteDevServer): Promise<{ type: string }> {
    const hot = dev.environments.client.hot;
    const send = hot.send.bind(hot);
    return new Promise((resolve) => {
      hot.send = ((...args: Parameters<typeof send>) => {
        hot.send = send;
        resolve(args[0] as unknown as { type: string });
        return send(...args);
      }) as typeof send;
    });
  }

  it("serves an imported png as its id, uploading it once with the build's pipeline and lockfile", async () => {
    const root = await ctx.project({
      "src/main.js": `import red from "./images/red.png"; import crate from "./models/crate.rbxm"; export { red, crate };`,
    });
    const dev = await startServer(root, { env: ctx.env() });

    const main = await dev.transformRequest("/src/main.js");
    expect(main?.code).toContain("/src/images/red.png?import");
    const asset = await dev.transformRequest("/src/images/red.png?import");
    expect(asset?.code).toMatch(/export default "rbxassetid:\/\/\d+"/);
    const lock = await readLockfile(root);
    expect(asset?.code).toContain(`export default "rbxassetid://${lock["src/images/red.png"]?.assetId}"`);

    const ssr = (await dev.ssrLoadModule("/src/main.js")) as Record<string, string>;
    expect(ssr.red).toBe(`rbxassetid://${lock["src/images/red.png"]?.assetId}`);
    expect(ssr.crate).toBe(`rbxassetid://${(await readLockfile(root))["src/models/crate.rbxm"]?.assetId}`);
    expect(ctx.emulator.stats().creates).toBe(2);
  });

  it("re-resolves a changed asset file and reloads its importers, keeping a model's id", async () => {
    const root = await ctx.project({
      "src/main.js": `export { default as crate } from "./models/crate.rbxm";`,
    });
    const dev = await startServer(root, { env: ctx.env() });
    const first = await dev.transformRequest("/src/models/crate.rbxm?import");
    ctx.emulator.resetStats();

    const file = join(root, "src/models/crate.rbxm");
    await writeProjectFile(
      root,
      "src/models/crate.rbxm",
      Buffer.concat([await readFile(file), Buffer.from("v2")]),
    );
    const payload = nextHotPayload(dev);
    dev.watcher.emit("change", file);
    expect((await payload).type).toMatch(/^(update|full-reload)$/);

    const second = await dev.transformRequest("/src/models/crate.rbxm?import");
    expect(second?.code).toBe(first?.code);
    expect(ctx.emulator.stats().requests.Assets_UpdateAsset).toBe(1);
  });

  it("reloads importers of virtual:rbxassets when the lockfile changes", async () => {
    const root = await ctx.project({
      "src/main.js": `export { default as assets } from "virtual:rbxassets";`,
    });
    const dev = await startServer(root, { env: ctx.env() });
    const before = await dev.transformRequest("virtual:rbxassets");
    expect(before?.code).not.toContain("rbxassetid://");

    // An upload through the dev server records the id in the lockfile; the watcher reports the write.
    await dev.transformRequest("/src/images/blue.png?import");
    const payload = nextHotPayload(dev);
    dev.watcher.emit("change", join(root, "rbxassets.lock.json"));
    expect((await payload).type).toMatch(/^(update|full-reload)$/);

    const after = await dev.transformRequest("virtual:rbxassets");
    const lock = await readLockfile(root);
    expect(after?.code).toContain(
      `"src/images/blue.png": "rbxassetid://${lock["src/images/blue.png"]?.assetId}"`,
    );
  });

  it("shows a bad file's path and reason as the module's error", async () => {
    const root = await ctx.project({ "src/main.js": `export { default } from "./bad/corrupt.png";` });
    const dev = await startServer(root, { env: ctx.env() });
    const error = await dev.transformRequest("/src/bad/corrupt.png?import").then(
      () => undefined,
      (e: unknown) => e as Error & { id?: string; plugin?: string },
    );
    expect(error?.message).toMatch(/^src\/bad\/corrupt\.png: the content is not a valid \.png/);
    // The overlay shows the message: the path once (bug I), the fix once.
    expect(error?.message.split("corrupt.png")).toHaveLength(2);
    expect(error?.message.split(" — ")).toHaveLength(2);
  });

  it('with dev: "lockfile-only", serves ids from the lockfile and never makes a request', async () => {
    const root = await ctx.project({ "src/main.js": `export { default } from "./images/red.png";` });
    const upload = await startServer(root, { env: ctx.env() });
    await upload.transformRequest("/src/images/red.png?import");
    await upload.close();
    ctx.emulator.resetStats();

    const dev = await startServer(root, { env: ctx.env(), dev: "lockfile-only" });
    const known = await dev.transformRequest("/src/images/red.png?import");
    expect(known?.code).toContain(
      `"rbxassetid://${(await readLockfile(root))["src/images/red.png"]?.assetId}"`,
    );
    const error = await dev.transformRequest("/src/images/blue.png?import").then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /src\/images\/blue\.png: this content is not in rbxassets\.lock\.json .*rbxassets sync/,
    );
    // The overlay names the path once (bug I).
    expect(error?.message.split("src/images/blue.png: ")).toHaveLength(2);
    expect(ctx.requestCount()).toBe(0);
  });
});
