// `rbxassets init`: the prompt on a terminal (ink-testing-library, real proposals of a real folder) and
// the built binary with --yes, without a terminal, and over an existing project file.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import {
  configFor,
  type InitAnswers,
  loadProject,
  proposeProject,
  writeProjectFile,
} from "@rbxassets/core/node";
import { render } from "ink-testing-library";
import { expect, test } from "vitest";
import { InitPrompt } from "../src/init/init-prompt.js";
import { expectOneLineFailure, runCli } from "./helpers/cli.js";
import { makeProject, png, wav } from "./helpers/files.js";
import { KEYS } from "./tui-helpers.js";

const robloxTsProject = () =>
  makeProject({
    "package.json": JSON.stringify({ name: "game", devDependencies: { "@rbxts/types": "1.0.0" } }),
    "default.project.json": "{}",
    "assets/ui/play.png": png(1),
    "assets/sfx/click.wav": wav(),
    "icons/heart.png": png(2),
    "node_modules/lib/logo.png": png(3),
    "src/client/main.ts": "export {};\n",
  });

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

async function waitFor(frame: () => string, text: string): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const shown = stripVTControlCharacters(frame());
    if (shown.includes(text)) return shown;
    await turn();
  }
  throw new Error(`never showed ${JSON.stringify(text)}:\n${stripVTControlCharacters(frame())}`);
}

test("on a terminal it asks for folders, the output and the creator, and the answers make a valid project file", async () => {
  const root = await robloxTsProject();
  const proposal = await proposeProject(root);
  expect(proposal.folders.map((f) => f.folder)).toEqual(["assets", "icons"]);
  expect(proposal.outputs[0]).toBe("roblox-ts");
  let answers: InitAnswers | undefined;
  const { stdin, lastFrame, unmount } = render(
    <InitPrompt proposal={proposal} onDone={(a) => (answers = a)} onCancel={() => {}} />,
  );
  const frame = () => lastFrame() ?? "";
  expect(await waitFor(frame, "Which folders hold assets?")).toContain("[x] assets/ (2 files: png, wav)");
  stdin.write(KEYS.down);
  await waitFor(frame, "› [x] icons/");
  stdin.write(KEYS.space);
  await waitFor(frame, "[ ] icons/");
  stdin.write(KEYS.enter);
  expect(await waitFor(frame, "Where do the generated modules go?")).toContain(
    "› Luau modules with roblox-ts declarations in src/shared/",
  );
  stdin.write(KEYS.enter);
  await waitFor(frame, "Creator");
  // A paste arrives as one chunk; a held Backspace too.
  stdin.write("group:5x\u007f");
  await turn();
  stdin.write("\u007f5");
  await waitFor(frame, "› group:5");
  stdin.write("5");
  await waitFor(frame, "› group:55");
  stdin.write(KEYS.enter);
  for (let i = 0; i < 400 && !answers; i++) await turn();
  unmount();
  expect(answers).toEqual({ folders: ["assets"], output: "roblox-ts", creator: "group:55" });

  // A roblox-ts project gets JSON: rbxtsc never compiles it (init-projects.test.ts builds one).
  expect(await writeProjectFile(root, configFor(proposal, answers!), proposal.format)).toBe(
    "rbxassets.config.json",
  );
  const loaded = await loadProject(root);
  expect(loaded?.creator).toBe("group:55");
  expect(loaded?.inputs.map((i) => [i.name, i.include, i.output])).toEqual([
    [
      "assets",
      ["assets/**/*.{png,wav}"],
      { luau: "src/shared/Assets.luau", dts: "src/shared/Assets.d.ts", style: "nested" },
    ],
  ]);
});

test("init --yes takes the proposals; the file loads in Node; init never overwrites it", async () => {
  const root = await makeProject({
    "package.json": JSON.stringify({ name: "site", type: "module" }),
    "assets/ui/play.png": png(1),
    "assets/sfx/click.wav": wav(),
    "icons/heart.png": png(2),
  });
  const yes = await runCli(["init", "--yes"], { cwd: root, env: { RBXASSETS_CREATOR: "user:77" } });
  expect(yes.code, yes.stderr).toBe(0);
  expect(yes.stdout).toContain("wrote rbxassets.config.ts with 2 inputs");
  const text = await readFile(join(root, "rbxassets.config.ts"), "utf8");
  expect(text).toMatch(/^import type \{ ProjectConfig \} from "@rbxassets\/cli";\n\nexport default \{/);
  expect(text).toContain('"creator": "user:77"');
  expect(text).toContain('"include": "icons/**/*.png"');
  // The file loads (no @rbxassets/cli installed in the project: the import is type-only).
  const check = await runCli(["sync", "--check", "--json"], { cwd: root });
  expect(check.stderr).not.toMatch(/warning/i);
  expect(JSON.parse(check.stdout).pending.sort()).toEqual([
    "assets/sfx/click.wav",
    "assets/ui/play.png",
    "icons/heart.png",
  ]);

  const again = await runCli(["init", "--yes"], { cwd: root });
  expectOneLineFailure(
    again,
    /rbxassets\.config\.ts already exists — edit it \(init never overwrites a project file\)/,
  );
  expect(await readFile(join(root, "rbxassets.config.ts"), "utf8")).toBe(text);
});

test("without a terminal init needs --yes; with no package.json it writes JSON", async () => {
  const root = await makeProject({ "art/a.png": png(4) });
  const asked = await runCli(["init"], { cwd: root });
  expectOneLineFailure(asked, /run it on a terminal, or pass --yes/);
  const yes = await runCli(["init", "--yes"], { cwd: root });
  expect(yes.code, yes.stderr).toBe(0);
  expect(JSON.parse(await readFile(join(root, "rbxassets.config.json"), "utf8"))).toEqual({
    inputs: { art: { include: "art/**/*.png", output: { luau: "src/shared/Art.luau" } } },
  });
});
