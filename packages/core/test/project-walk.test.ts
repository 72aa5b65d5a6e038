import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scanPaths } from "../src/node/scan.js";
import { fixture, writeFiles } from "./pipeline-fixtures.js";
import { tempProject } from "./pipeline-project.js";

let project: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  project = await tempProject("rbxassets-walk-");
});
afterEach(() => project.dispose());

const rel = (files: string[]) => files.map((f) => f.slice(project.root.length + 1).replaceAll("\\", "/"));

describe("the project walk", () => {
  it("honours .gitignore at every level, never enters node_modules or .git, and is silent about non-assets", async () => {
    execFileSync("git", ["init", "-q", project.root]);
    await writeFiles(project.root, {
      ".gitignore": "dist/\n*.tmp.png\nbuild\n",
      "assets/a.png": fixture("png", 1),
      "assets/b.tmp.png": fixture("png", 2),
      "assets/keep/.gitignore": "*.png\n!wanted.png\n",
      "assets/keep/wanted.png": fixture("png", 3),
      "assets/keep/unwanted.png": fixture("png", 4),
      "dist/bundle.png": fixture("png", 5),
      "build/x.png": fixture("png", 6),
      "node_modules/pkg/icon.png": fixture("png", 7),
      ".git/info/exclude": "secret.png\n",
      "secret.png": fixture("png", 8),
      "src/index.js": "export {};\n",
      "src/deep/util.ts": "export {};\n",
      "README.md": "# hi\n",
    });
    const scan = await scanPaths(project.root, ["."]);
    expect(rel(scan.files)).toEqual(["assets/a.png", "assets/keep/wanted.png"]);
    expect(scan.skipped).toEqual([]);
    expect(scan.missing).toEqual([]);
  });

  it("reads .gitignore files above the project root up to the repository's top", async () => {
    execFileSync("git", ["init", "-q", project.root]);
    await writeFiles(project.root, {
      ".gitignore": "generated/\n",
      "game/assets/a.png": fixture("png", 1),
      "game/generated/b.png": fixture("png", 2),
    });
    const root = join(project.root, "game");
    const scan = await scanPaths(root, ["."]);
    expect(scan.files.map((f) => f.slice(root.length + 1))).toEqual(["assets/a.png"]);
  });

  it("still reports a named non-asset, and takes a named file even when .gitignore lists it", async () => {
    await writeFiles(project.root, {
      ".gitignore": "dist/\n",
      "dist/out.png": fixture("png", 1),
      "notes.txt": "hello",
    });
    const scan = await scanPaths(project.root, ["dist/out.png", "notes.txt", "."]);
    expect(rel(scan.files)).toEqual(["dist/out.png"]);
    expect(scan.skipped).toEqual([{ file: "notes.txt", reason: ".txt is not an uploadable asset type" }]);
  });
});
