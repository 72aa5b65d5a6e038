// A recognisable API key must never show up anywhere: stdout, stderr, debug output, the lockfile, generated
// modules, bundles, error messages (also inspected deeply), logs. Also with a wrong key (the 401 path), and
// with the key given through the environment, .env and --api-key-file.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { createAssetsClient } from "@rbxassets/core";
import { createPipeline } from "@rbxassets/core/node";
import type { RunningEmulator } from "@rbxassets/emulator";
import rbxassets from "@rbxassets/vite-plugin";
import { build, type Rollup } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { CREATOR, startTestEmulator } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { record } from "./helpers/results.js";

const SECRET = "rbx-SECRET-KEY-0123456789abcdef";
const WRONG = "rbx-WRONG-KEY-fedcba9876543210";
/** The keys, and distinctive fragments of them (a half-redacted key is a leak too). */
const NEEDLES = [SECRET, WRONG, "0123456789abcdef", "fedcba9876543210", "SECRET-KEY", "WRONG-KEY"];
const AREA = "secrets";

const leaksIn = (text: string) => NEEDLES.filter((needle) => text.includes(needle));

let emulator: RunningEmulator;
const roots: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({
    apiKeys: [SECRET],
    rateLimits: false,
    operations: { pendingPolls: 0 },
  });
});
afterAll(async () => {
  await emulator?.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

async function project(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "rbxassets-rel-secrets-"));
  roots.push(root);
  await mkdir(join(root, "images"));
  await mkdir(join(root, "src"));
  for (let i = 0; i < 3; i++)
    await writeFile(join(root, `images/s${i}.png`), png(500 + i + roots.length * 10));
  return root;
}

/** Every file under root, as text (the key would be ASCII in any of them). */
async function allFiles(root: string): Promise<string> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(join(entry.parentPath, entry.name), "latin1")),
  );
  return texts.join("\n");
}

const DEBUG_ENV = { DEBUG: "*", NODE_DEBUG: "http,net,undici,fetch", RBXASSETS_DEBUG: "1" };

/**
 * Runs every command with the key delivered one way; returns what leaked where. The key files themselves
 * (.env, key.txt) are excluded from the file scan: they are where the user put it.
 */
async function runAll(
  how: "env" | ".env" | "--api-key-file",
  key: string,
): Promise<{ leaks: string[]; commands: number; failures: number }> {
  const root = await project();
  const base: Record<string, string> = {
    RBXASSETS_API_URL: emulator.url,
    RBXASSETS_CREATOR: CREATOR,
    ...DEBUG_ENV,
  };
  const prefix: string[] = [];
  if (how === "env") base.RBXASSETS_API_KEY = key;
  if (how === ".env") await writeFile(join(root, ".env"), `RBXASSETS_API_KEY=${key}\n`);
  if (how === "--api-key-file") {
    await writeFile(join(root, "key.txt"), `${key}\n`);
    prefix.push("--api-key-file", "key.txt");
  }
  const leaks: string[] = [];
  let commands = 0;
  let failures = 0;
  const run = async (args: string[]) => {
    const result = await runCli([...prefix, ...args], { cwd: root, env: base });
    commands++;
    if (result.code !== 0) failures++;
    for (const [stream, text] of [
      ["stdout", result.stdout],
      ["stderr", result.stderr],
    ] as const) {
      for (const needle of leaksIn(text)) leaks.push(`${how}: \`${args.join(" ")}\` ${stream} has ${needle}`);
    }
    return result;
  };
  const upload = await run(["upload", "images/s0.png", "--wait", "--json"]);
  const uploaded =
    upload.code === 0 ? (JSON.parse(upload.stdout) as { assetId: string; operationId: string }) : undefined;
  const id = uploaded?.assetId ?? "18000000001";
  await run(["upload", "images/s1.png"]);
  // Every command once with and once without --json for the key in the environment; the other ways of
  // giving the key (and the 401 path) share the code past configuration, so a short list covers them.
  if (how !== "env" || key !== SECRET) {
    for (const json of [[], ["--json"]]) {
      await run(["get", id, ...json]);
      await run(["sync", "images", "--ts", "src/assets.ts", "--luau", "src/Assets.luau", ...json]);
    }
  }
  for (const json of how === "env" && key === SECRET ? [[], ["--json"]] : []) {
    await run(["get", id, ...json]);
    await run(["versions", id, "--all", ...json]);
    await run(["version", id, "1", ...json]);
    await run(["operation", uploaded?.operationId ?? "op-1", "--wait", ...json]);
    await run(["update", id, "--description", "changed", "--wait", ...json]);
    await run(["archive", id, ...json]);
    await run(["restore", id, ...json]);
    await run(["get", "99999999999", ...json]); // 404
    await run(["sync", "images", "--ts", "src/assets.ts", "--luau", "src/Assets.luau", ...json]);
  }
  await run(["--help"]);
  const files = (await allFiles(root))
    .split("\n")
    .filter((line) => !line.startsWith("RBXASSETS_API_KEY=") && line.trim() !== key)
    .join("\n");
  for (const needle of leaksIn(files))
    leaks.push(`${how}: a project file (lockfile, generated module) has ${needle}`);
  return { leaks, commands, failures };
}

describe("the API key never leaks", () => {
  for (const how of ["env", ".env", "--api-key-file"] as const) {
    it(`through the CLI, key given by ${how}, right key and wrong key (401)`, async () => {
      const right = await runAll(how, SECRET);
      const wrong = await runAll(how, WRONG);
      const leaks = [...right.leaks, ...wrong.leaks];
      record(import.meta.filename, {
        area: AREA,
        case: `CLI, key via ${how}: ${how === "env" ? "every command" : "upload, get, sync --ts --luau"}, with and without --json, DEBUG=* NODE_DEBUG=http,net,undici,fetch; right key and a wrong one (401)`,
        runs: right.commands + wrong.commands,
        outcome: leaks.length === 0 ? "no leak" : `FAILS: ${leaks.slice(0, 3).join("; ")}`,
        detail: `right key: ${right.commands} commands, ${right.failures} of them failing on purpose (404); wrong key: ${wrong.commands} commands, ${wrong.failures} refused (401); scanned stdout, stderr, lockfile, --ts/--luau modules`,
      });
      expect(leaks).toEqual([]);
      // The right key really worked and the wrong one really was refused: otherwise nothing was proven.
      expect(right.failures).toBeLessThan(right.commands / 2);
      expect(wrong.failures).toBeGreaterThanOrEqual(wrong.commands - 1);
    });
  }

  it("through a Vite build: bundle, assets, lockfile, logs, errors", async () => {
    const leaks: string[] = [];
    const details: string[] = [];
    for (const key of [SECRET, WRONG]) {
      for (const via of ["env option", "apiKey option"] as const) {
        const root = await project();
        await writeFile(
          join(root, "index.html"),
          '<!doctype html><script type="module" src="/src/main.js"></script>',
        );
        await writeFile(
          join(root, "src/main.js"),
          'import a from "../images/s0.png";\nimport b from "../images/s1.png";\nimport map from "virtual:rbxassets";\nglobalThis.result = { a, b, map };\n',
        );
        const logs: string[] = [];
        const logger = {
          info: (m: string) => logs.push(m),
          warn: (m: string) => logs.push(m),
          warnOnce: (m: string) => logs.push(m),
          error: (m: string) => logs.push(m),
          clearScreen: () => {},
          hasErrorLogged: () => false,
          hasWarned: false,
        };
        const plugin = rbxassets({
          env: {
            RBXASSETS_API_URL: emulator.url,
            RBXASSETS_CREATOR: CREATOR,
            ...(via === "env option" ? { RBXASSETS_API_KEY: key } : {}),
          },
          ...(via === "apiKey option" ? { apiKey: key } : {}),
          manifest: true,
        });
        let output = "";
        let outcome = "built";
        // Vite also writes progress straight to the terminal: capture that too.
        const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
        for (const stream of ["stdout", "stderr"] as const) {
          process[stream].write = ((chunk: string | Uint8Array) => {
            logs.push(String(chunk));
            return true;
          }) as typeof process.stdout.write;
        }
        try {
          const result = (await build({
            root,
            configFile: false,
            envFile: false,
            logLevel: "info",
            customLogger: logger,
            build: {
              write: false,
              assetsInlineLimit: 0,
              modulePreload: { polyfill: false },
              sourcemap: true,
            },
            plugins: [plugin],
          })) as Rollup.RollupOutput;
          for (const item of result.output) {
            output +=
              item.type === "chunk" ? `${item.code}\n${item.map?.toString() ?? ""}` : String(item.source);
          }
        } catch (error) {
          outcome = "failed";
          output += `${String(error)}\n${(error as Error).stack}\n${inspect(error, { depth: 10 })}\n${JSON.stringify(error)}`;
        } finally {
          process.stdout.write = writes.stdout;
          process.stderr.write = writes.stderr;
        }
        output += `\n${logs.join("\n")}\n${await allFiles(root)}`;
        for (const needle of leaksIn(output))
          leaks.push(`vite ${key === SECRET ? "right" : "wrong"} key via ${via}: ${needle}`);
        details.push(`${key === SECRET ? "right" : "wrong"} key via ${via}: ${outcome}`);
        if ((key === SECRET) !== (outcome === "built")) leaks.push(`unexpected outcome ${outcome}`);
      }
    }
    record(import.meta.filename, {
      area: AREA,
      case: "Vite build (write:false, sourcemaps, manifest): chunks, maps, assets, lockfile, logger output, build errors",
      runs: details.length,
      outcome: leaks.length === 0 ? "no leak" : `FAILS: ${leaks.slice(0, 3).join("; ")}`,
      detail: details.join("; "),
    });
    expect(leaks).toEqual([]);
  });

  it("in errors, events and reports of the client and the pipeline, inspected deeply", async () => {
    const leaks: string[] = [];
    for (const key of [SECRET, WRONG]) {
      const root = await project();
      const events: unknown[] = [];
      const pipeline = createPipeline({
        root,
        apiKey: key,
        baseUrl: emulator.url,
        creator: CREATOR,
        env: {},
        onEvent: (event) => events.push(event),
      });
      const report = await pipeline.sync(["images"]);
      const client = createAssetsClient({
        apiKey: key,
        baseUrl: emulator.url,
        env: {},
        onEvent: (e) => events.push(e),
      });
      const errors: unknown[] = [];
      await client.getAsset("99999999999").catch((error: unknown) => errors.push(error));
      await client.getAsset("18000000001").catch((error: unknown) => errors.push(error));
      const text = [
        JSON.stringify(report),
        JSON.stringify(events),
        inspect(events, { depth: 10 }),
        ...errors.flatMap((error) => [
          String(error),
          (error as Error).stack,
          inspect(error, { depth: 10, showHidden: true }),
          JSON.stringify(error),
        ]),
        inspect(client, { depth: 4 }),
        await allFiles(root),
      ].join("\n");
      for (const needle of leaksIn(text)) leaks.push(`${key === SECRET ? "right" : "wrong"} key: ${needle}`);
      const pipelineText = [
        inspect(pipeline, { depth: 4 }),
        inspect(pipeline, { depth: 10, showHidden: true, getters: true }),
        JSON.stringify(pipeline),
        String(pipeline),
      ].join("\n");
      const pipelineLeaks = leaksIn(pipelineText);
      for (const needle of pipelineLeaks)
        leaks.push(`${key === SECRET ? "right" : "wrong"} key: inspect/JSON of the pipeline has ${needle}`);
      if (key === SECRET) {
        record(import.meta.filename, {
          area: AREA,
          case: "util.inspect (also showHidden, getters) / console.log / JSON.stringify of a pipeline created with the apiKey option",
          runs: 1,
          outcome: pipelineLeaks.length === 0 ? "no leak" : `FAILS: ${pipelineLeaks.join(", ")}`,
          detail:
            "ResolvedConfig redacts itself; AssetPipeline keeps its options in a private field and shows only root and lockfile path",
        });
      }
      record(import.meta.filename, {
        area: AREA,
        case: `${key === SECRET ? "right key" : "wrong key (401)"}: sync report, events, API errors (String, stack, inspect with hidden fields, JSON), inspect(client)`,
        runs: 1,
        outcome: leaksIn(text).length === 0 ? "no leak" : "FAILS",
        detail: `${report.uploaded.length} uploaded, ${report.failed.length} failed, ${errors.length} errors inspected`,
      });
    }
    expect(leaks).toEqual([]);
  });

  it("in the emulator's own request log", async () => {
    const script = `
      import { startEmulator } from "@rbxassets/emulator";
      const emulator = await startEmulator({ apiKeys: [${JSON.stringify(SECRET)}], logger: true, rateLimits: false });
      process.stderr.write(JSON.stringify({ url: emulator.url }) + "\\n");
      process.stdin.on("data", async () => { await emulator.close(); process.exit(0); });
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: import.meta.dirname,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    while (!stderr.includes("\n")) await once(child.stderr, "data");
    const { url } = JSON.parse(stderr.split("\n")[0]!) as { url: string };
    for (const key of [SECRET, WRONG]) {
      const client = createAssetsClient({ apiKey: key, baseUrl: url, env: {} });
      await client.getAsset("1").catch(() => {});
      await client.listAssetVersions("1").catch(() => {});
    }
    child.stdin.write("stop\n");
    await once(child, "exit");
    const leaks = leaksIn(stdout + stderr);
    record(import.meta.filename, {
      area: AREA,
      case: "emulator with logger: true, requests with the right and a wrong key",
      runs: 4,
      outcome: leaks.length === 0 ? "no leak" : `FAILS: ${leaks.join(", ")}`,
      detail: `${stdout.split("\n").filter(Boolean).length} log lines scanned`,
    });
    expect(stdout).toContain("incoming request");
    expect(leaks).toEqual([]);
  });
});
