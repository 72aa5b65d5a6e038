// NO_COLOR and FORCE_COLOR, for the plain commands: colour only where asked for or on a colour terminal;
// NO_COLOR wins when both are set, and then Node prints no warning about the pair.
import { expect, test } from "vitest";
import { runCli } from "./helpers/cli.js";

const ESC = "\x1b[";

test("under a pipe with neither set, help and failures are plain text", async () => {
  const help = await runCli(["--help"]);
  const failure = await runCli(["get", "abc"]);
  expect(help.stdout).not.toContain(ESC);
  expect(failure.stderr).toBe(failure.stderr.replaceAll(ESC, ""));
  expect(failure.stderr).toMatch(/^rbxassets: /);
});

test("FORCE_COLOR colours help titles and the failure prefix, never a --json document", async () => {
  const help = await runCli(["--help"], { env: { FORCE_COLOR: "1" } });
  expect(help.stdout).toContain(`${ESC}1mUsage:`);
  const failure = await runCli(["get", "abc", "--json"], { env: { FORCE_COLOR: "1" } });
  expect(failure.stderr.startsWith(`${ESC}1;31mrbxassets:${ESC}22;39m "abc" is not an asset id`)).toBe(true);
  expect(failure.stdout).not.toContain(ESC);
  expect(JSON.parse(failure.stdout).error.rule).toBe("invalid-input");
});

test.each([
  ["FORCE_COLOR=0", { FORCE_COLOR: "0" }],
  ["NO_COLOR=1", { NO_COLOR: "1" }],
  ["NO_COLOR=1 with FORCE_COLOR=1", { NO_COLOR: "1", FORCE_COLOR: "1" }],
])("%s: no colour, and one failure line (no Node warning)", async (_, env) => {
  const help = await runCli(["--help"], { env });
  expect(help.stdout).not.toContain(ESC);
  for (const args of [["get", "abc"], ["upload"], ["frobnicate"]]) {
    const failure = await runCli(args, { env });
    expect(failure.stderr).not.toContain(ESC);
    expect(failure.stderr.trimEnd().split("\n"), failure.stderr).toHaveLength(1);
  }
});
