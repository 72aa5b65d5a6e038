// Each bundler builds a small app through its entry, against the emulator: ids in the output (those the
// lockfile records), a warm build with no key that sends no request, and a failed file that fails the
// build naming its path.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { BUILDERS } from "./bundlers.js";
import { idsIn, lockfileIds, SECRET_KEY, useEmulator } from "./helpers.js";

const ctx = useEmulator();

const APP = [
  'export { default as red } from "./images/red.png";',
  'export { default as blue } from "./images/blue.png";',
  'export { default as crate } from "./models/crate.rbxm";',
  "",
].join("\n");

async function app(main = APP): Promise<string> {
  const root = await ctx.project();
  await writeFile(join(root, "src/main.js"), main);
  return root;
}

describe.each(Object.keys(BUILDERS) as (keyof typeof BUILDERS)[])("%s", (bundler) => {
  const build = BUILDERS[bundler];

  test("builds the app against the emulator: the output holds the ids the lockfile records", async () => {
    const root = await app();
    const { code, errors } = await build(root, { env: ctx.env() });
    expect(errors).toBe("");
    const ids = idsIn(code);
    expect(ids.size).toBe(3);
    expect(ids).toEqual(await lockfileIds(root));
    expect(code).not.toContain(SECRET_KEY);
    expect(ctx.emulator.stats().creates).toBe(3);
  });

  test("a warm build needs no key and sends no request", async () => {
    const root = await app();
    const cold = await build(root, { env: ctx.env() });
    expect(cold.errors).toBe("");
    ctx.emulator.resetStats();
    const warm = await build(root, { env: ctx.envWithoutCredentials() });
    expect(warm.errors).toBe("");
    expect(idsIn(warm.code)).toEqual(idsIn(cold.code));
    expect(ctx.requestCount()).toBe(0);
  });

  test("a file that fails fails the build, naming its path", async () => {
    const root = await app(`${APP}export { default as bad } from "./bad/corrupt.png";\n`);
    const { errors } = await build(root, { env: ctx.env() });
    expect(errors).toMatch(/src\/bad\/corrupt\.png: the content is not a valid \.png file .* — /);
    expect(errors).not.toContain(SECRET_KEY);
  });
});
