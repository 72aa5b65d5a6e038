// Hostile inputs through the real CLI (corpus: helpers/hostile-cases.ts): refused in one line, no request.
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAssetsClient } from "@rbxassets/core";
import type { RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli } from "./helpers/cli.js";
import { env, startTestEmulator, totalRequests } from "./helpers/emulator.js";
import { cases, good } from "./helpers/hostile-cases.js";
import { record } from "./helpers/results.js";

const AREA = "hostile input (CLI)";
const isRoot = process.getuid?.() === 0;

let emulator: RunningEmulator;
const roots: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ rateLimits: false, operations: { pendingPolls: 0 } });
});
afterAll(async () => {
  await emulator?.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

/** Problems with how a refusal looks; empty when it is a clear one-line error naming `mentions`. */
function refusalProblems(result: CliResult, mentions: string, requests: number): string[] {
  const problems: string[] = [];
  const lines = result.stderr.split("\n").filter((line) => line !== "");
  if (result.code === 0 || result.code === null) problems.push(`exit ${result.code ?? result.signal}`);
  if (!lines.at(-1)?.startsWith("rbxassets: "))
    problems.push(`last stderr line ${JSON.stringify(lines.at(-1))}`);
  if (!lines.some((line) => line.includes(mentions)))
    problems.push(`no stderr line names ${JSON.stringify(mentions)}`);
  if (lines.some((line) => /^\s+at /.test(line) || line.length > 400))
    problems.push("a stack trace or a huge line");
  if (requests !== 0) problems.push(`${requests} requests sent`);
  return problems;
}

describe("hostile inputs through the CLI", () => {
  it("are refused clearly, before any request", { timeout: 180_000 }, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const failures: string[] = [];
    const checker = createAssetsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, env: {} });
    // One at a time: the emulator's request count is the proof that nothing was sent.
    for (const item of cases) {
      const base = await mkdtemp(join(tmpdir(), "rbxassets-rel-hostile-"));
      roots.push(base);
      const root = join(base, "project");
      await mkdir(root);
      for (const [file, content] of Object.entries(item.files ?? {}))
        await writeFile(join(root, file), content);
      await item.setup?.(root);
      const args = item.args;
      const environment = { ...env(emulator), ...item.env };
      emulator.resetStats();
      const result = await runCli(args, { cwd: root, env: environment });
      const requests = totalRequests(emulator.stats());
      const refusal = refusalProblems(result, item.mentions, requests);
      const lastLine = result.stderr.trim().split("\n").at(-1) ?? "";
      let outcome: string;
      let ok: boolean;
      if (typeof item.expect === "object" && (result.code === 0 || "byDesign" in item.expect)) {
        // Accepted: it must really have uploaded this file under this name, and logged it on whole lines.
        const expected = "byDesign" in item.expect ? item.expect.name : item.expect.either;
        const id = /rbxassetid:\/\/(\d+)/.exec(result.stdout)?.[1];
        const asset = id ? await checker.getAsset(id) : undefined;
        const broken = result.stderr.split("\n").filter(
          (line) =>
            line !== "" &&
            // `quota`: what an audio or video upload's quota check read.
            !/^(uploading|waiting for|recorded in|not recorded in the lockfile|quota) /.test(line),
        );
        ok = result.code === 0 && asset?.displayName === expected && broken.length === 0;
        outcome = !ok
          ? `FAILS: exit ${result.code}, uploaded as ${JSON.stringify(asset?.displayName)}${broken.length > 0 ? `, stderr lines broken: ${JSON.stringify(broken)}` : ""}`
          : "byDesign" in item.expect
            ? `holds (by design: ${item.expect.byDesign}): uploaded`
            : "accepted: uploaded under its exact name, logged on whole lines";
      } else {
        ok = refusal.length === 0;
        outcome = ok ? "refused, no request" : `FAILS: ${refusal.join("; ")}`;
      }
      if (!ok && item.known) outcome = `DOES NOT HOLD (known gap: ${item.known}): ${refusal.join("; ")}`;
      else if (!ok) failures.push(`${item.name}: ${outcome} (stderr: ${lastLine})`);
      record(import.meta.filename, {
        area: AREA,
        case: `${item.name}: \`rbxassets ${args.map((a) => (a.length > 24 ? `${a.slice(0, 12)}…(${a.length})` : a.replace(/\n/g, "\\n"))).join(" ")}\``,
        runs: 1,
        outcome,
        detail: `exit ${result.code}; ${requests} requests; stderr: ${lastLine.replace(/\n/g, "\\n").slice(0, 220)}`,
      });
    }
    if (isRoot) {
      record(import.meta.filename, {
        area: AREA,
        case: "unreadable file (chmod 000)",
        runs: 0,
        outcome: "skipped: the suite runs as root, which reads any file whatever its mode",
        detail: "covered by its own test when the suite runs as a normal user",
      });
    }
    expect(failures).toEqual([]);
  });

  it.skipIf(isRoot)("an unreadable file (chmod 000) is refused before any request", async () => {
    // Only meaningful for a normal user: root reads any file whatever its mode.
    const base = await mkdtemp(join(tmpdir(), "rbxassets-rel-hostile-"));
    roots.push(base);
    await writeFile(join(base, "locked.png"), good);
    await chmod(join(base, "locked.png"), 0o000);
    emulator.resetStats();
    const result = await runCli(["upload", "locked.png"], { cwd: base, env: env(emulator) });
    const problems = refusalProblems(result, "locked.png", totalRequests(emulator.stats()));
    await chmod(join(base, "locked.png"), 0o600);
    record(import.meta.filename, {
      area: AREA,
      case: "unreadable file (chmod 000): `rbxassets upload locked.png`",
      runs: 1,
      outcome: problems.length === 0 ? "refused, no request" : `FAILS: ${problems.join("; ")}`,
      detail: result.stderr.trim().split("\n").at(-1) ?? "",
    });
    expect(problems).toEqual([]);
  });
});
