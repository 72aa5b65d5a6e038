// A Rollup build grants what `rbxassets sync` grants (see the Vite and unplugin suites for the rest): the
// input's experience gets `Use` of the imported assets, said on the summary line, recorded, not sent twice;
// a key without the scope fails the build with one line.
import { createServiceContext, syncPaths } from "@rbxassets/cli";
import { expect, it } from "vitest";
import { rollupBuild } from "./build.js";
import { SECRET_KEY, useEmulator } from "./helpers.js";

const NO_GRANT_KEY = "rbxassets-rollup-no-grants-5e0a7b";
const ctx = useEmulator({
  apiKeys: [SECRET_KEY, { key: NO_GRANT_KEY, scopes: ["asset:read", "asset:write"] }],
  universes: ["1001"],
});

const CONFIG = JSON.stringify({
  inputs: { images: { include: "src/images/red.png", grant: { experiences: [1001] } } },
});
const MAIN = 'export { default as red } from "./images/red.png";\n';
const grantRequests = () => ctx.emulator.stats().requests.AssetPermissions_GrantAssetPermissions ?? 0;

it("grants the input's experience once, says so on the summary line, and a sync after sends none", async () => {
  const root = await ctx.project({ "rbxassets.config.json": CONFIG, "src/main.js": MAIN });
  const first = await rollupBuild(root, { env: ctx.env() });
  expect(first.infos.map((log) => log.message)).toEqual([
    "[plugin rbxassets] 1 asset uploaded, 0 updated, 0 from the lockfile, 1 grant",
  ]);
  expect(grantRequests()).toBe(1);
  ctx.emulator.resetStats();
  expect((await rollupBuild(root, { env: ctx.env() })).infos).toEqual([]);
  const synced = await syncPaths(await createServiceContext({ root, env: ctx.env() }), []);
  expect(synced.failed).toEqual([]);
  expect(grantRequests()).toBe(0);
});

it("a key without asset-permissions:write fails the build with one line naming the scope", async () => {
  const root = await ctx.project({ "rbxassets.config.json": CONFIG, "src/main.js": MAIN });
  const env = { ...ctx.env(), RBXASSETS_API_KEY: NO_GRANT_KEY };
  const error = await rollupBuild(root, { env }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(error?.message).toMatch(
    /^\[plugin rbxassets\] the service refused to grant \(403: [^\n]*\) — give the API key the asset-permissions API with its Write operation \(scope asset-permissions:write\) in the Creator Dashboard, then build again: the uploads are recorded, only the grants are left to send$/,
  );
  expect(error?.message).not.toContain(NO_GRANT_KEY);
  expect(grantRequests()).toBe(1);
});
