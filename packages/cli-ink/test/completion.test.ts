// `rbxassets completion bash|zsh|fish`: the scripts load in real shells and complete what the program
// defines (commands, options, choices), including commands added later, as they come from commander.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { completionScript } from "../src/completion/index.js";
import { ExitCode } from "../src/errors.js";
import { createProgram } from "../src/program.js";
import { BIN, json, runCli } from "./helpers/cli.js";

const has = (shell: string) => spawnSync(shell, ["-c", "exit 0"]).status === 0;
let dir: string;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rbxassets-completion-"));
  for (const shell of ["bash", "zsh", "fish"]) {
    const result = await runCli(["completion", shell]);
    expect(result.code, result.stderr).toBe(0);
    scripts[shell] = join(dir, `rbxassets.${shell}`);
    await writeFile(scripts[shell]!, result.stdout);
  }
});

/** What bash completes for the words typed so far (the last one being completed), via COMP_WORDS. */
function bashComplete(script: string, words: string[]): string[] {
  const array = words.map((word) => `'${word}'`).join(" ");
  const out = execFileSync(
    "bash",
    [
      "-c",
      `source '${script}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _rbxassets_completion; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: "utf8" },
  );
  return out.split("\n").filter(Boolean);
}

describe("bash", () => {
  test("`source <(rbxassets completion bash)` registers the completion", () => {
    const out = execFileSync(
      "bash",
      ["-c", `source <('${process.execPath}' '${BIN}' completion bash); complete -p rbxassets`],
      { encoding: "utf8", env: { ...process.env, CI: "true" } },
    );
    expect(out.trim()).toBe("complete -o default -F _rbxassets_completion rbxassets");
  });

  test.each([
    [
      ["rbxassets", ""],
      ["upload", "get", "update", "sync", "init", "emulator", "completion"],
    ],
    [
      ["rbxassets", "up"],
      ["upload", "update"],
    ],
    [
      ["rbxassets", "ver"],
      ["versions", "version"],
    ],
    [
      ["rbxassets", "sync", "--t"],
      ["--target", "--ts"],
    ],
    [
      ["rbxassets", "sync", "--target", ""],
      ["cloud", "studio"],
    ],
    [
      ["rbxassets", "upload", "--type", "A"],
      ["Audio", "Animation"],
    ],
    [
      ["rbxassets", "completion", ""],
      ["bash", "zsh", "fish"],
    ],
    [["rbxassets", "-C", "some/dir", "get", "--f"], ["--fields"]],
    [
      ["rbxassets", "--json", "versions", "1", "--page-"],
      ["--page-size", "--page-token"],
    ],
  ])("%j completes %j", (words, expected) => {
    const got = bashComplete(scripts.bash!, words);
    for (const word of expected) expect(got).toContain(word);
    if (words.at(-1) !== "") for (const word of got) expect(word.startsWith(words.at(-1)!)).toBe(true);
  });

  test("`rbxassets lockfile` offers its one action, merge", () => {
    expect(bashComplete(scripts.bash!, ["rbxassets", "lockfile", ""])).toEqual(["merge"]);
  });

  test("a command's argument is left to file names (-o default): no words offered", () => {
    expect(bashComplete(scripts.bash!, ["rbxassets", "upload", ""])).toEqual([]);
  });

  test("a command added to the program completes with no change to the completion code", async () => {
    const program = createProgram({ exitCode: ExitCode.ok }, "0.0.0");
    // A name the program does not have yet (it already has `lockfile`).
    program.command("cache").description("cache tools").command("clear <what>");
    const file = join(dir, "extended.bash");
    await writeFile(file, completionScript(program, "bash"));
    expect(bashComplete(file, ["rbxassets", "cac"])).toEqual(["cache"]);
    expect(bashComplete(file, ["rbxassets", "cache", ""])).toEqual(["clear"]);
  });
});

describe.skipIf(!has("zsh"))("zsh", () => {
  test("the script parses (zsh -n) and registers _rbxassets with compinit", () => {
    execFileSync("zsh", ["-n", scripts.zsh!]);
    const out = execFileSync(
      "zsh",
      [
        "-f",
        "-c",
        `autoload -U compinit && compinit -u -D && source '${scripts.zsh}' && print -r -- $_comps[rbxassets]`,
      ],
      { encoding: "utf8", env: { ...process.env, HOME: dir } },
    );
    expect(out.trim()).toBe("_rbxassets");
  });
});

describe.skipIf(!has("fish"))("fish", () => {
  test("the script parses (fish -n) and `complete -C` completes from it", () => {
    execFileSync("fish", ["-n", scripts.fish!]);
    const complete = (line: string) =>
      execFileSync("fish", ["--no-config", "-c", `source '${scripts.fish}'; complete -C '${line}'`], {
        encoding: "utf8",
        env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir },
      })
        .split("\n")
        .map((row) => row.split("\t")[0]);
    expect(complete("rbxassets up")).toEqual(expect.arrayContaining(["upload", "update"]));
    expect(complete("rbxassets sync --target ")).toEqual(expect.arrayContaining(["cloud", "studio"]));
    expect(complete("rbxassets completion ")).toEqual(expect.arrayContaining(["bash", "zsh", "fish"]));
  });
});

test("the text of each script names every command, whatever the shell", () => {
  const program = createProgram({ exitCode: ExitCode.ok }, "0.0.0");
  for (const shell of ["bash", "zsh", "fish"] as const) {
    const text = completionScript(program, shell);
    for (const command of program.commands)
      expect(text, `${shell}: ${command.name()}`).toContain(command.name());
  }
});

test("--json prints the script in a document; an unknown shell is a usage error", async () => {
  const result = await runCli(["completion", "bash", "--json"]);
  expect(json<{ shell: string; script: string }>(result).script).toContain("_rbxassets_completion");
  const bad = await runCli(["completion", "powershell"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/^rbxassets: .*powershell.*bash, zsh, fish/);
});
