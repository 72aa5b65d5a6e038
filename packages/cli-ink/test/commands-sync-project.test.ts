// `rbxassets sync` in a real project: what the walk enters and what it says.
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, stat, symlink } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, expect, test } from "vitest";
import { json, runCli } from "./helpers/cli.js";
import { CREATOR, cliEnv, requestCount, startTestEmulator } from "./helpers/emulator.js";
import { makeProject, png, wav } from "./helpers/files.js";

interface Report {
  uploaded: { file: string; uri: string }[];
  unchanged: { file: string; uri: string }[];
  skipped: unknown[];
  failed: unknown[];
  modules?: string[];
}

/** A project whose rbxassets.config.ts imports defineConfig from @rbxassets/cli, as a user's would. */
async function tsProject(files: Record<string, Buffer | string>): Promise<string> {
  const root = await makeProject({
    "package.json": JSON.stringify({ type: "module" }),
    "rbxassets.config.ts": `import { defineConfig } from "@rbxassets/cli";

export default defineConfig({
  inputs: {
    ui: {
      include: "assets/ui/**/*.png",
      output: { luau: "src/shared/UI.luau", dts: "src/shared/UI.d.ts" },
    },
    sounds: {
      include: ["assets/sounds/*.wav"],
      output: { ts: "src/sounds.ts", style: "flat" },
    },
  },
});
`,
    ...files,
  });
  await mkdir(join(root, "node_modules/@rbxassets"), { recursive: true });
  await symlink(
    fileURLToPath(new URL("..", import.meta.url)),
    join(root, "node_modules/@rbxassets/cli"),
    "dir",
  );
  return root;
}

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

test("a bare sync in a git project skips .gitignore'd output, node_modules and .git, and says nothing of source files", async () => {
  const root = await makeProject({
    ".gitignore": "dist/\n*.log\n",
    "assets/icon.png": png(41),
    "assets/ui/button.png": png(42),
    "dist/assets/icon-3f2a.png": png(43),
    "dist/index.js": "console.log(1);\n",
    "node_modules/some-lib/logo.png": png(44),
    "src/main.js": "export {};\n",
    "src/types.ts": "export {};\n",
    "package.json": "{}\n",
    "debug.png.log": "x",
  });
  execFileSync("git", ["init", "-q", root]);
  const creates = emulator.stats().creates;
  const result = await runCli(["sync", "--json"], { cwd: root, env: cliEnv(emulator) });
  expect(result.code, result.stderr).toBe(0);
  const report = json<{ uploaded: { file: string }[]; skipped: unknown[] }>(result);
  expect(report.uploaded.map((a) => a.file).sort()).toEqual(["assets/icon.png", "assets/ui/button.png"]);
  expect(report.skipped).toEqual([]);
  expect(emulator.stats().creates).toBe(creates + 2);
  expect(result.stderr).not.toMatch(/skipped|not an uploadable|\.js|\.ts|dist|node_modules/);
});

test("a bare sync with a project file syncs every input and writes their modules; a second run rewrites nothing", async () => {
  const root = await tsProject({
    "assets/ui/play.png": png(51),
    "assets/ui/buttons/stop.png": png(52),
    "assets/sounds/click.wav": wav(),
    "assets/other/not-in-an-input.png": png(53),
  });
  const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });
  const first = await cli("sync", "--json");
  expect(first.code, first.stderr).toBe(0);
  const report = json<Report>(first);
  expect(report.uploaded.map((a) => a.file).sort()).toEqual([
    "assets/sounds/click.wav",
    "assets/ui/buttons/stop.png",
    "assets/ui/play.png",
  ]);
  expect(report.modules).toEqual(["src/shared/UI.luau", "src/shared/UI.d.ts", "src/sounds.ts"]);
  expect(first.stderr).toContain("wrote     src/shared/UI.luau");
  const play = report.uploaded.find((a) => a.file === "assets/ui/play.png")!.uri;
  const luau = await readFile(join(root, "src/shared/UI.luau"), "utf8");
  expect(luau).toContain(`\tplay = "${play}",`);
  expect(luau).toMatch(/\tbuttons = \{\n\t\tstop = "rbxassetid:\/\/\d+",\n\t\},/);
  expect(await readFile(join(root, "src/shared/UI.d.ts"), "utf8")).toContain(`readonly play: "${play}";`);
  expect(await readFile(join(root, "src/sounds.ts"), "utf8")).toContain('click: "rbxassetid://');

  const before = (await stat(join(root, "src/shared/UI.luau"))).mtimeMs;
  const second = await cli("sync", "--json");
  expect(second.code, second.stderr).toBe(0);
  expect(json<Report>(second).unchanged).toHaveLength(3);
  expect(json<Report>(second).modules).toEqual([]);
  expect((await stat(join(root, "src/shared/UI.luau"))).mtimeMs).toBe(before);
});

test("sync <input> syncs that input alone; paths still sync as before", async () => {
  const root = await tsProject({
    "assets/ui/play.png": png(61),
    "assets/sounds/click.wav": wav(),
    "assets/other/loose.png": png(62),
  });
  const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });
  const one = await cli("sync", "ui", "--json");
  expect(one.code, one.stderr).toBe(0);
  expect(json<Report>(one).uploaded.map((a) => a.file)).toEqual(["assets/ui/play.png"]);
  await expect(stat(join(root, "src/sounds.ts"))).rejects.toThrow();

  const path = await cli("sync", "assets/other", "--json");
  expect(path.code, path.stderr).toBe(0);
  expect(json<Report>(path).uploaded.map((a) => a.file)).toEqual(["assets/other/loose.png"]);

  const unknown = await cli("sync", "ui", "nope");
  expect(unknown.code).not.toBe(0);
  expect(unknown.stderr).toMatch(/"nope" is not an input of rbxassets\.config\.ts \(inputs: ui, sounds\)/);
});

test("the project file's creator is the last resort: the environment wins over it", async () => {
  const root = await makeProject({
    "rbxassets.config.json": JSON.stringify({
      creator: "group:999",
      inputs: { ui: { include: "ui/*.png" } },
    }),
    "ui/a.png": png(71),
    "ui/b.png": png(72),
  });
  // The emulator's key acts for the project file's creator only.
  const groupEmulator = await startTestEmulator({ creator: "group:999" });
  const fromFile = await runCli(["sync", "--json"], {
    cwd: root,
    env: cliEnv(groupEmulator, { RBXASSETS_CREATOR: undefined }),
  }).finally(() => groupEmulator.close());
  expect(fromFile.code, fromFile.stderr).toBe(0);
  const lock = JSON.parse(await readFile(join(root, "rbxassets.lock.json"), "utf8")) as {
    assets: Record<string, { creator: string }>;
  };
  expect(lock.assets["ui/a.png"]?.creator).toBe("group:999");

  const envRoot = await makeProject({
    "rbxassets.config.json": JSON.stringify({
      creator: "group:999",
      inputs: { ui: { include: "ui/*.png" } },
    }),
    "ui/c.png": png(73),
  });
  const fromEnv = await runCli(["sync", "--json"], { cwd: envRoot, env: cliEnv(emulator) });
  expect(fromEnv.code, fromEnv.stderr).toBe(0);
  const envLock = JSON.parse(await readFile(join(envRoot, "rbxassets.lock.json"), "utf8")) as {
    assets: Record<string, { creator: string }>;
  };
  expect(envLock.assets["ui/c.png"]?.creator).toBe(CREATOR);
});

test("a broken project file: one line per problem, nothing written, no request sent", async () => {
  const root = await makeProject({
    "rbxassets.config.json": JSON.stringify({
      inputs: {
        ui: { include: "assets/ui/*.png", output: { luau: "../UI.luau" }, alphaBleed: "yes" },
        none: { include: "assets/none/*.png", outptu: {} },
      },
    }),
    "assets/ui/a.png": png(81),
  });
  const listing = async () => (await readdir(root, { recursive: true })).sort();
  const before = await listing();
  const requests = requestCount(emulator);
  const result = await runCli(["sync"], { cwd: root, env: cliEnv(emulator) });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  // All in one pass (bug J): the unknown key and the wrong value hide neither the output nor the glob.
  expect(result.stderr.trimEnd().replaceAll(root, "<root>").split("\n")).toEqual([
    'rbxassets: rbxassets.config.json: inputs.ui.alphaBleed: "yes" is not a boolean — write true (the default for images) or false',
    'rbxassets: rbxassets.config.json: inputs.none.outptu: is not a known key — did you mean "output"? (keys here: include, exclude, assetType, alphaBleed, spritesheet, output, existing, grant, privacy)',
    'rbxassets: rbxassets.config.json: inputs.ui.output.luau: "../UI.luau" is outside the project — write a path inside <root>, e.g. "src/shared/ui.luau"',
    'rbxassets: rbxassets.config.json: inputs.none.include: "assets/none/*.png" matches no asset file — fix the glob (it is relative to the project root <root>) or remove it',
  ]);
  const second = await runCli(["sync"], {
    cwd: root,
    env: cliEnv(emulator),
  });
  expect(second.stderr).toBe(result.stderr);
  expect(await listing()).toEqual(before);
  expect(requestCount(emulator)).toBe(requests);
});

test("--target studio copies images into Studio's content folder with no credentials; a plain sync switches back", async () => {
  const root = await tsProject({ "assets/ui/play.png": png(91), "assets/sounds/click.wav": wav() });
  const content = join(root, "..", `${root.split("/").at(-1)}-studio-content`);
  const requests = requestCount(emulator);
  const studio = await runCli(["sync", "--target", "studio"], {
    cwd: root,
    env: { RBXASSETS_STUDIO_CONTENT: content },
  });
  expect(studio.code, studio.stderr).toBe(0);
  expect(requestCount(emulator)).toBe(requests);
  const name = root
    .split("/")
    .at(-1)!
    .replace(/[^A-Za-z0-9_.-]/g, "_");
  expect(await readFile(join(content, "rbxassets", name, "assets/ui/play.png"))).toEqual(png(91));
  expect(studio.stderr).toContain("copied    assets/ui/play.png");
  expect(studio.stderr).toContain("note      assets/sounds/click.wav: left out of the modules");
  expect(await readFile(join(root, "src/shared/UI.luau"), "utf8")).toContain(
    `play = "rbxasset://rbxassets/${name}/assets/ui/play.png",`,
  );

  const cloud = await runCli(["sync", "--json"], { cwd: root, env: cliEnv(emulator) });
  expect(cloud.code, cloud.stderr).toBe(0);
  expect(await readFile(join(root, "src/shared/UI.luau"), "utf8")).toMatch(/play = "rbxassetid:\/\/\d+",/);
});

test("upload of a file in an input takes the input's options (one resolver): a sync after it sends nothing", async () => {
  const root = await makeProject({
    "rbxassets.config.json": JSON.stringify({
      inputs: { ui: { include: "assets/ui/*.png", alphaBleed: false, assetType: "Decal" } },
    }),
    "assets/ui/flat.png": png(91),
  });
  const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });
  const uploaded = await cli("upload", "assets/ui/flat.png", "--json");
  expect(uploaded.code, uploaded.stderr).toBe(0);
  expect(json<{ assetType: string }>(uploaded).assetType).toBe("Decal");
  const requests = requestCount(emulator);
  const synced = await cli("sync", "--json");
  expect(synced.code, synced.stderr).toBe(0);
  expect(json<Report>(synced).unchanged.map((a) => a.file)).toEqual(["assets/ui/flat.png"]);
  expect(requestCount(emulator)).toBe(requests);
});

test("sync of a file path inside an input takes the input's options: after a bare sync it sends nothing", async () => {
  const root = await makeProject({
    "rbxassets.config.json": JSON.stringify({
      inputs: { ui: { include: "assets/ui/*.png", alphaBleed: false, assetType: "Decal" } },
    }),
    "assets/ui/flat.png": png(92),
  });
  const cli = (...args: string[]) => runCli(args, { cwd: root, env: cliEnv(emulator) });
  const first = await cli("sync", "--json");
  expect(first.code, first.stderr).toBe(0);
  const requests = requestCount(emulator);
  const byPath = await cli("sync", "assets/ui/flat.png", "--json");
  expect(byPath.code, byPath.stderr).toBe(0);
  expect(json<Report>(byPath).unchanged.map((a) => a.file)).toEqual(["assets/ui/flat.png"]);
  expect(requestCount(emulator)).toBe(requests);
});

test("upload of a file an input packs into a spritesheet is refused before any request, naming sync", async () => {
  const root = await makeProject({
    "rbxassets.config.json": JSON.stringify({
      inputs: { icons: { include: "assets/icons/*.png", spritesheet: true } },
    }),
    "assets/icons/a.png": png(93),
  });
  const requests = requestCount(emulator);
  const result = await runCli(["upload", "assets/icons/a.png"], { cwd: root, env: cliEnv(emulator) });
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(
    /assets\/icons\/a\.png is packed into the spritesheet of input "icons".*rbxassets sync/,
  );
  expect(requestCount(emulator)).toBe(requests);
});
