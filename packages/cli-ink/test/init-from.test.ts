// `rbxassets init --from asphalt|tarmac|tungsten` on fixtures written from each tool's documented format
// (fixtures/migrate/README.md), then `rbxassets sync` against the emulator: nothing uploaded again, the
// modules at the same paths with the same keys and ids.
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expectOneLineFailure, json, runCli } from "./helpers/cli.js";
import { cliEnv, startTestEmulator } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { dtsKeyPaths, luauKeyMap } from "./helpers/modules.js";

const FIXTURES = fileURLToPath(new URL("fixtures/migrate/", import.meta.url));

interface SyncReport {
  uploaded: { file: string; uri: string }[];
  unchanged: { file: string; uri: string }[];
  failed: unknown[];
}

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

async function copyFixture(tool: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `rbxassets-from-${tool}-`));
  await cp(join(FIXTURES, tool), root, { recursive: true });
  return root;
}

const read = (root: string, path: string) => readFile(join(root, path), "utf8");

/** Imports, syncs, and checks: no upload, the same key → id map in every module, the same `.d.ts` keys. */
async function importAndSync(fixture: string, modules: string[]) {
  const root = await copyFixture(fixture);
  const tool = fixture.replace(/-.*$/, "");
  const before = Object.fromEntries(
    await Promise.all(modules.map(async (m) => [m, await read(root, m)] as const)),
  );
  const env = cliEnv(emulator);
  const init = await runCli(["init", "--from", tool, "--json"], { cwd: root, env });
  expect(init.code, init.stderr).toBe(0);
  const creates = emulator.stats().creates;
  const sync = await runCli(["sync", "--json"], { cwd: root, env });
  expect(sync.code, sync.stderr).toBe(0);
  const report = json<SyncReport>(sync);
  expect(report.uploaded).toEqual([]);
  expect(report.failed).toEqual([]);
  expect(emulator.stats().creates).toBe(creates);
  for (const module of modules) {
    const after = await read(root, module);
    expect(after, module).not.toBe(before[module]);
    expect(after.split("\n")[0]).toContain("@generated");
    if (module.endsWith(".d.ts")) expect(dtsKeyPaths(after), module).toEqual(dtsKeyPaths(before[module]!));
    else expect(luauKeyMap(after), module).toEqual(luauKeyMap(before[module]!));
  }
  return {
    root,
    init: json<{ inputs: { name: string; kept: number; existing: number }[]; notCarried: string[] }>(init),
  };
}

describe("init --from", () => {
  test("asphalt: inputs, creator, bleed, base names and web assets come over; sync uploads nothing", async () => {
    const { root, init } = await importAndSync("asphalt", [
      "src/shared/UI.luau",
      "src/shared/UI.d.ts",
      "src/shared/sounds.luau",
      "src/shared/sounds.d.ts",
    ]);
    expect(init.inputs).toEqual([
      { name: "ui", kept: 3, existing: 1, changed: [], unknown: [] },
      { name: "sounds", kept: 1, existing: 0, changed: [], unknown: [] },
    ]);
    const config = JSON.parse(await read(root, "rbxassets.config.json"));
    expect(config.creator).toBe("user:4242");
    expect(config.inputs.ui).toMatchObject({
      include: "assets/ui/**/*",
      alphaBleed: true,
      existing: { "legacy/badge.png": 900001 },
      output: { luau: "src/shared/UI.luau", dts: "src/shared/UI.d.ts", style: "nested", extensions: "strip" },
    });
    expect(config.inputs.sounds).toMatchObject({
      alphaBleed: false,
      output: { luau: "src/shared/sounds.luau" },
    });
    expect(await readdir(root)).not.toContain("asphalt.lock.json");
    expect(await read(root, ".gitattributes")).toBe("rbxassets.lock.json merge=rbxassets\n");
  });

  test("asphalt defaults: flat keys with extensions, Content values", async () => {
    const { root } = await importAndSync("asphalt-flat", ["src/art.luau"]);
    expect(JSON.parse(await read(root, "rbxassets.config.json")).inputs.art.output).toEqual({
      luau: "src/art.luau",
      style: "flat",
      extensions: "keep",
      keys: "input",
      content: true,
    });
  });

  test("tarmac: the manifest's ids by BLAKE3, the creator from the environment; sync uploads nothing", async () => {
    const { root } = await importAndSync("tarmac", ["src/assets.lua"]);
    const config = JSON.parse(await read(root, "rbxassets.config.json"));
    expect(config).toMatchObject({
      creator: "user:4242",
      inputs: { assets: { include: "assets/**/*.png" } },
    });
  });

  test("tungsten: ids read from its generated module; flat keys with extensions; sync uploads nothing", async () => {
    const { init } = await importAndSync("tungsten", ["src/images.luau", "src/images.d.ts"]);
    expect(init.inputs).toEqual([{ name: "images", kept: 5, existing: 1, changed: [], unknown: [] }]);
  });

  test("a file changed since asphalt uploaded it is reported, and the next sync uploads it alone", async () => {
    const root = await copyFixture("asphalt");
    await writeFile(join(root, "assets/ui/buttons/stop.png"), png(99));
    const env = cliEnv(emulator);
    const init = await runCli(["init", "--from", "asphalt"], { cwd: root, env });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(
      "ui: 2 kept their id, 1 existing (never uploaded), 1 changed since asphalt uploaded them",
    );
    expect(init.stdout).toContain("to upload: assets/ui/buttons/stop.png");
    const creates = emulator.stats().creates;
    const sync = await runCli(["sync", "--json"], { cwd: root, env });
    expect(sync.code, sync.stderr).toBe(0);
    expect(json<SyncReport>(sync).uploaded.map((a) => a.file)).toEqual(["assets/ui/buttons/stop.png"]);
    expect(emulator.stats().creates).toBe(creates + 1);
    const ui = luauKeyMap(await read(root, "src/shared/UI.luau"));
    expect(ui["buttons/play"]).toBe("rbxassetid://700001");
    expect(ui["buttons/stop"]).not.toBe("rbxassetid://700002");
    expect(ui["legacy/badge"]).toBe("rbxassetid://900001");
  });

  test("an existing asset is never uploaded, even when its file is in the input", async () => {
    const root = await copyFixture("asphalt");
    await mkdir(join(root, "assets/ui/legacy"));
    await writeFile(join(root, "assets/ui/legacy/badge.png"), png(77));
    const env = cliEnv(emulator);
    expect((await runCli(["init", "--from", "asphalt"], { cwd: root, env })).code).toBe(0);
    const creates = emulator.stats().creates;
    const sync = await runCli(["sync", "--json"], { cwd: root, env });
    expect(sync.code, sync.stderr).toBe(0);
    expect(json<SyncReport>(sync).uploaded).toEqual([]);
    expect(emulator.stats().creates).toBe(creates);
    expect(luauKeyMap(await read(root, "src/shared/UI.luau"))["legacy/badge"]).toBe("rbxassetid://900001");
  });

  test("a malformed source file: one line naming the file and the key, nothing written", async () => {
    const root = await copyFixture("asphalt");
    const text = await read(root, "asphalt.toml");
    await writeFile(join(root, "asphalt.toml"), text.replace("id = 4242", 'id = "me"'));
    const before = (await readdir(root)).sort();
    const result = await runCli(["init", "--from", "asphalt"], { cwd: root, env: cliEnv(emulator) });
    expectOneLineFailure(result, /asphalt\.toml: creator\.id: /);
    expect((await readdir(root)).sort()).toEqual(before);

    await writeFile(join(root, "asphalt.toml"), text);
    await writeFile(join(root, "asphalt.lock.toml"), "version = 2\n[inputs.ui.nothex]\nasset_id = 1\n");
    const lock = await runCli(["init", "--from", "asphalt"], { cwd: root, env: cliEnv(emulator) });
    expectOneLineFailure(lock, /asphalt\.lock\.toml: inputs\.ui\.nothex: /);
    expect((await readdir(root)).sort()).toEqual(before);
  });

  test("never overwrites an existing project file", async () => {
    const root = await copyFixture("tarmac");
    await writeFile(join(root, "rbxassets.config.json"), "{}\n");
    const result = await runCli(["init", "--from", "tarmac"], { cwd: root, env: cliEnv(emulator) });
    expectOneLineFailure(result, /rbxassets\.config\.json already exists/);
    expect(await read(root, "rbxassets.config.json")).toBe("{}\n");
    expect(await readdir(root)).not.toContain("rbxassets.lock.json");
  });
});
