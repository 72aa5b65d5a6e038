// Files outside the project root: sync, resolve and lookup refuse them (and links out) before any request.
import { mkdir, symlink } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PipelineError } from "../src/node/index.js";
import { emulator, pipeline, project, syncSessionPerFile } from "./helpers/sync-session.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { readLock } from "./pipeline-project.js";

syncSessionPerFile();

describe("files outside the project root", () => {
  /** The project is `<tmp>/app`; `<tmp>/outside.png` is next to it. */
  async function layout() {
    const app = join(project.root, "app");
    await writeFiles(project.root, {
      "outside.png": fixture("png", 31),
      "app/inside.png": fixture("png", 32),
    });
    return { app, ...pipeline({ root: app }) };
  }
  const outsideMessage = (app: string) =>
    `../outside.png: the file is outside the project root ${app} — move it into the project, or make the project root a folder that contains it`;

  it("sync refuses a path outside the root in one line, uploads the rest, records no absolute path", async () => {
    const { app, p } = await layout();
    const report = await p.sync(["../outside.png", "inside.png"]);
    expect(report.failed).toMatchObject([{ file: "../outside.png", reason: outsideMessage(app) }]);
    expect(report.uploaded.map((a) => a.file)).toEqual(["inside.png"]);
    expect([...(await readLock(app)).keys()]).toEqual(["inside.png"]);
    expect(emulator.stats().creates).toBe(1);
  });

  it("sync of a folder outside the root does not walk it", async () => {
    const { app, p } = await layout();
    const report = await p.sync([".."]);
    expect(report.failed.map((f) => f.file)).toEqual([".."]);
    expect(report.uploaded).toEqual([]);
    expect(report.failed[0]!.reason).toContain(`outside the project root ${app}`);
    expect(emulator.stats().creates).toBe(0);
  });

  it("resolve and lookup refuse it with a PipelineError, before any request", async () => {
    const { app, p } = await layout();
    const resolved = await p.resolve("../outside.png").catch((e: unknown) => e);
    expect(resolved).toBeInstanceOf(PipelineError);
    expect((resolved as PipelineError).rule).toBe("outside-root");
    expect((resolved as Error).message).toBe(outsideMessage(app));
    await expect(p.resolve(join(project.root, "outside.png"))).rejects.toThrow(outsideMessage(app));
    await expect(p.lookup("../outside.png")).rejects.toThrow(outsideMessage(app));
    expect(emulator.stats().creates).toBe(0);
  });

  it("refuses a link inside the root whose target is outside (file or folder); links within are fine", async () => {
    const { app, p } = await layout();
    await symlink(join(project.root, "outside.png"), join(app, "link.png"));
    await mkdir(join(project.root, "shared"));
    await writeFiles(project.root, { "shared/s.png": fixture("png", 33) });
    await symlink(join(project.root, "shared"), join(app, "shared"));
    await symlink(join(app, "inside.png"), join(app, "alias.png"));
    const report = await p.sync(["link.png", "shared/s.png", "alias.png"]);
    expect(report.failed.map((f) => f.file)).toEqual(["link.png", "shared/s.png"]);
    expect(report.failed[0]!.reason).toMatch(
      /^link\.png: the file is a link to .*outside\.png, outside the project root .* — copy the file into the project instead of linking to it$/,
    );
    expect(report.uploaded.map((a) => a.file)).toEqual(["alias.png"]);
    expect([...(await readLock(app)).keys()]).toEqual(["alias.png"]);
    expect(emulator.stats().creates).toBe(1);
  });

  it("the caller words the fix (a plugin's root option, not the CLI's -C)", async () => {
    const { app } = await layout();
    const { p } = pipeline({ root: app, outsideRootFix: "set root to a folder that contains it" });
    const expected = `../outside.png: the file is outside the project root ${app} — set root to a folder that contains it`;
    await expect(p.resolve("../outside.png")).rejects.toThrow(expected);
    expect((await p.sync(["../outside.png"])).failed).toMatchObject([
      { file: "../outside.png", reason: expected },
    ]);
  });

  it("a path that only looks like it leaves (..name) is inside", async () => {
    await writeFiles(project.root, { "..dots.png": fixture("png", 34) });
    const report = await pipeline().p.sync(["..dots.png"]);
    expect(report.uploaded.map((a) => a.file)).toEqual(["..dots.png"]);
  });
});
