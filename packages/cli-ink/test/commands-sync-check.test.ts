// `rbxassets sync --check` compares every generated module with what a sync would write, and
// `sync --target studio` fails a file a cloud sync would refuse.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png } from "./helpers/files.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

async function project(files: Record<string, Buffer | string> = {}): Promise<string> {
  return makeProject({
    "rbxassets.config.json": JSON.stringify({
      inputs: {
        ui: {
          include: "assets/ui/**/*.png",
          output: { luau: "src/shared/UI.luau", dts: "src/shared/UI.d.ts", ts: "src/ui.ts" },
        },
      },
    }),
    "assets/ui/play.png": png(71),
    "assets/ui/stop.png": png(72),
    ...files,
  });
}

test("--check passes after a sync, and fails naming each module a Studio sync or a deletion left behind", async () => {
  const root = await project();
  const env = cliEnv(emulator);
  const synced = await runCli(["sync"], { cwd: root, env });
  expect(synced.code, synced.stderr).toBe(0);
  const passed = await runCli(["sync", "--check"], { cwd: root, env });
  expect(passed.code, passed.stderr).toBe(0);

  const content = `${root}-studio-content`;
  const studio = await runCli(["sync", "--target", "studio"], {
    cwd: root,
    env: { RBXASSETS_STUDIO_CONTENT: content },
  });
  expect(studio.code, studio.stderr).toBe(0);
  const afterStudio = await runCli(["sync", "--check"], { cwd: root, env });
  expect(afterStudio.code).not.toBe(0);
  expect(afterStudio.stderr).toContain(
    "3 generated modules not as a sync writes them: src/shared/UI.luau written by --target studio (rbxasset:// paths work only on this machine), src/shared/UI.d.ts written by --target studio",
  );
  expect(afterStudio.stderr).toMatch(/src\/ui\.ts written by --target studio .*: run rbxassets sync$/m);

  const again = await runCli(["sync"], { cwd: root, env });
  expect(again.code, again.stderr).toBe(0);
  await rm(join(root, "src/shared/UI.d.ts"));
  const deleted = await runCli(["sync", "--check"], { cwd: root, env });
  expect(deleted.code).not.toBe(0);
  expect(deleted.stderr).toContain(
    "1 generated module not as a sync writes it: src/shared/UI.d.ts missing: run rbxassets sync",
  );
  // Hand edits are stale too.
  await runCli(["sync"], { cwd: root, env });
  const luau = join(root, "src/shared/UI.luau");
  await writeFile(luau, (await readFile(luau, "utf8")).replace("play", "plays"));
  const edited = await runCli(["sync", "--check"], { cwd: root, env });
  expect(edited.stderr).toContain("src/shared/UI.luau stale");
});

test("--check with --ts and no project file checks that flat module too", async () => {
  const root = await makeProject({ "assets/play.png": png(81) });
  const env = cliEnv(emulator);
  expect((await runCli(["sync", "--ts", "src/assets.ts"], { cwd: root, env })).code).toBe(0);
  expect((await runCli(["sync", "--check", "--ts", "src/assets.ts"], { cwd: root, env })).code).toBe(0);
  await rm(join(root, "src/assets.ts"));
  const missing = await runCli(["sync", "--check", "--ts", "src/assets.ts"], { cwd: root, env });
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toContain("src/assets.ts missing");
});

test("--target studio fails a corrupt PNG with a non-zero exit, naming it, and writes the rest", async () => {
  const corrupt = Buffer.concat([png(73).subarray(0, 30), Buffer.alloc(30, 7)]);
  const root = await project({ "assets/ui/broken.png": corrupt });
  const content = `${root}-studio-content`;
  const studio = await runCli(["sync", "--target", "studio"], {
    cwd: root,
    env: { RBXASSETS_STUDIO_CONTENT: content },
  });
  expect(studio.code).not.toBe(0);
  expect(studio.stderr).toMatch(/^failed {4}assets\/ui\/broken\.png: .* — /m);
  expect(studio.stderr).toContain("copied    assets/ui/play.png");
  expect(await readFile(join(root, "src/shared/UI.luau"), "utf8")).not.toContain("broken");
});

test("--ts emits the same exports with a project file as without one", async () => {
  const withProject = await project();
  const without = await makeProject({ "assets/ui/play.png": png(71), "assets/ui/stop.png": png(72) });
  const env = cliEnv(emulator);
  for (const root of [withProject, without]) {
    const result = await runCli(["sync", "--ts", "out/assets.ts"], { cwd: root, env });
    expect(result.code, result.stderr).toBe(0);
  }
  const exports = async (root: string) =>
    (await readFile(join(root, "out/assets.ts"), "utf8"))
      .split("\n")
      .filter((line) => line.startsWith("export"));
  expect(await exports(withProject)).toEqual(["export const assets = {", "export default assets;"]);
  expect(await exports(without)).toEqual(await exports(withProject));
});
