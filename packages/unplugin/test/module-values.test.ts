// What an asset is at run time, in every bundler: `import` (default, and `import * as`'s default) from an ES
// module, the same in a `"type": "module"` package (Node-mode interop), and `require()` from a CommonJS
// module give the id itself, and `?sprite` the sprite object, never `{ default }`.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createPipeline } from "@rbxassets/core/node";
import { describe, expect, test } from "vitest";
import { BUILDERS, runEntry } from "./bundlers.js";
import { useEmulator } from "./helpers.js";

const ctx = useEmulator();

const ESM_ENTRY = `import red from "./images/red.png";
import * as redNamespace from "./images/red.png";
import blue from "./images/blue.png?sprite";
import * as blueNamespace from "./images/blue.png?sprite";
export const values = { red, blue };
export const fromNamespace = { red: redNamespace.default, blue: blueNamespace.default };
`;

const COMMONJS_ENTRY = `exports.values = { red: require("./images/red.png"), blue: require("./images/blue.png?sprite") };
`;

/** A project whose red.png is uploaded as an image and blue.png packed into a spritesheet, by a sync. */
async function syncedProject(): Promise<{ root: string; red: string; blue: unknown }> {
  const root = await ctx.project();
  const pipeline = createPipeline({ root, env: ctx.env() });
  const plain = await pipeline.sync(["src/images/red.png"]);
  const packed = await pipeline.sync(["src/images/blue.png"], {
    input: "icons",
    processing: { spritesheet: true },
  });
  expect([...plain.failed, ...packed.failed]).toEqual([]);
  const red = plain.uploaded[0]!;
  const blue = packed.uploaded[0]!;
  expect(blue.sprite).toBeDefined();
  ctx.emulator.resetStats();
  return {
    root,
    red: red.uri,
    blue: {
      Image: blue.uri,
      ImageRectOffset: { X: blue.sprite!.x, Y: blue.sprite!.y },
      ImageRectSize: { X: blue.sprite!.width, Y: blue.sprite!.height },
    },
  };
}

/** ES module entries: as is, and in a `"type": "module"` package (where esbuild and webpack interop as Node). */
const ESM_PROJECTS: [string, Record<string, string>][] = [
  ["an ES module", { "src/main.js": ESM_ENTRY }],
  [
    'an ES module of a "type": "module" package',
    { "src/main.js": ESM_ENTRY, "package.json": '{ "type": "module" }\n' },
  ],
];

describe.each(Object.keys(BUILDERS) as (keyof typeof BUILDERS)[])("%s", (bundler) => {
  /** Writes `files` into a synced project, builds it with no credentials and runs the bundle. */
  const build = async (root: string, files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) await writeFile(join(root, path), text);
    const { code, errors } = await BUILDERS[bundler](root, { env: ctx.envWithoutCredentials() });
    expect(errors).toBe("");
    expect(ctx.requestCount()).toBe(0);
    return runEntry(bundler, code);
  };

  test.each(ESM_PROJECTS)(
    "import from %s gives the id and the sprite, also as the namespace's default",
    async (_, files) => {
      const { root, red, blue } = await syncedProject();
      const entry = await build(root, files);
      expect(entry.values).toEqual({ red, blue });
      expect(entry.fromNamespace).toEqual({ red, blue });
    },
  );

  test("require() from a CommonJS module gives the id and the sprite themselves", async () => {
    const { root, red, blue } = await syncedProject();
    const entry = await build(root, { "src/main.js": COMMONJS_ENTRY });
    expect(entry.values).toEqual({ red, blue });
  });
});
