// `rollup -c` prints one summary line about the build's assets through Rollup's logger (`this.info`),
// and nothing when the build uploaded nothing.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rollupBuild } from "./build.js";
import { useEmulator } from "./helpers.js";

const ctx = useEmulator();

const TWO =
  'export { default as red } from "./images/red.png";\nexport { default as crate } from "./models/crate.rbxm";\n';

describe("build summary", () => {
  it("one info line with uploaded / updated / from the lockfile, then none for a build from the lockfile", async () => {
    const root = await ctx.project({ "src/main.js": TWO });
    const first = await rollupBuild(root, { env: ctx.env() });
    expect(first.infos.map((log) => [log.plugin, log.message])).toEqual([
      ["rbxassets", "[plugin rbxassets] 2 assets uploaded, 0 updated, 0 from the lockfile"],
    ]);

    const again = await rollupBuild(root, { env: ctx.env() });
    expect(again.infos).toEqual([]);

    // A changed model is updated in place; the image comes from the lockfile.
    await writeFile(
      join(root, "src/models/crate.rbxm"),
      Buffer.concat([Buffer.from("<roblox!\x89\xff\r\n\x1a\n", "latin1"), Buffer.alloc(40, 7)]),
    );
    const changed = await rollupBuild(root, { env: ctx.env() });
    expect(changed.infos.map((log) => log.message)).toEqual([
      "[plugin rbxassets] 0 assets uploaded, 1 updated, 1 from the lockfile",
    ]);
  });
});
