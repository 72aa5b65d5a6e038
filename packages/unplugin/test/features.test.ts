// What the bundlers beyond Rollup do differently: webpack gets the manifest from buildEnd (it has no
// generateBundle), esbuild resolves `?rbxasset` itself (it has no query support), and `virtual:rbxassets`
// holds the lockfile's map as it stood when the module loaded.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "vitest";
import { BUILDERS } from "./bundlers.js";
import { idsIn, lockfileIds, useEmulator } from "./helpers.js";

const ctx = useEmulator();

test("webpack: manifest: true writes rbxassets.json next to the bundle", async () => {
  const root = await ctx.project();
  await writeFile(join(root, "src/main.js"), 'export { default as red } from "./images/red.png";\n');
  const { errors } = await BUILDERS.webpack(root, { env: ctx.env(), manifest: true });
  expect(errors).toBe("");
  const manifest = JSON.parse(await readFile(join(root, "dist/rbxassets.json"), "utf8"));
  expect(manifest).toEqual({ "src/images/red.png": [...(await lockfileIds(root))][0] });
});

test("esbuild: ?rbxasset opts in a file the include pattern leaves out", async () => {
  const root = await ctx.project();
  await writeFile(
    join(root, "src/main.js"),
    'export { default as red } from "./images/red.png";\nexport { default as blue } from "./images/blue.png?rbxasset";\n',
  );
  const { code, errors } = await BUILDERS.esbuild(root, { env: ctx.env(), include: ["src/images/red.png"] });
  expect(errors).toBe("");
  expect(idsIn(code).size).toBe(2);
});

test.each(["webpack", "rspack", "esbuild"] as const)(
  "%s: virtual:rbxassets holds the lockfile's map",
  async (bundler) => {
    const root = await ctx.project();
    await writeFile(join(root, "src/main.js"), 'export { default as red } from "./images/red.png";\n');
    expect((await BUILDERS[bundler](root, { env: ctx.env() })).errors).toBe("");
    await writeFile(join(root, "src/main.js"), 'export { default as assets } from "virtual:rbxassets";\n');
    const { code, errors } = await BUILDERS[bundler](root, { env: ctx.envWithoutCredentials() });
    expect(errors).toBe("");
    expect(code).toContain("src/images/red.png");
    expect(idsIn(code)).toEqual(await lockfileIds(root));
  },
);
