// A hostile network answered honestly (issue 17, section 3), against the strict emulator: a create whose
// answer never comes, a retry-after of a day, a 5xx after the asset was stored, a reset after the body, an
// unparseable 200; keys with line breaks; local errors named as local; a lockfile with escape sequences.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPipeline, type PipelineEvent } from "@rbxassets/core/node";
import type { FaultOptions, RunningEmulator } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { CREATOR, startTestEmulator } from "./helpers/emulator.js";
import { png } from "./helpers/files.js";
import { record } from "./helpers/results.js";

const AREA = "hostile network";
const FILES = 4;
let emulator: RunningEmulator;
const roots: string[] = [];
let seed = 7000;

beforeAll(async () => {
  emulator = await startTestEmulator({ rateLimits: false, operations: { pendingPolls: 0 } });
});
afterAll(async () => {
  await emulator?.close();
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

const env = (extra: Record<string, string> = {}) => ({
  RBXASSETS_API_URL: emulator.url,
  RBXASSETS_API_KEY: emulator.apiKey,
  RBXASSETS_CREATOR: CREATOR,
  ...extra,
});

async function project(files = FILES): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "rbxassets-rel-hostile-"));
  roots.push(root);
  await mkdir(join(root, "images"));
  for (let i = 0; i < files; i++) await writeFile(join(root, `images/h${i}.png`), png(seed++));
  return root;
}

const creates = () => emulator.stats().requests.Assets_CreateAsset ?? 0;

/** Syncs with `faults` on Create Asset; returns the report, the failure events and the creates sent. */
async function syncWith(faults: FaultOptions, extraEnv: Record<string, string> = {}) {
  const root = await project();
  emulator.resetStats();
  emulator.setFaults({ only: ["Assets_CreateAsset"], ...faults });
  const events: PipelineEvent[] = [];
  try {
    const report = await createPipeline({ root, env: env(extraEnv), onEvent: (e) => events.push(e) }).sync([
      "images",
    ]);
    const failures = events.filter(
      (e): e is Extract<PipelineEvent, { type: "failed" }> => e.type === "failed",
    );
    return { root, report, failures, sent: creates() };
  } finally {
    emulator.setFaults(undefined);
  }
}

describe(AREA, () => {
  for (const [name, faults, answer] of [
    ["a 500 after the asset was stored", { serverErrorAfterHandleRate: 1 }, /the service answered 500/],
    [
      "a reset after the body was sent",
      { dropAfterHandleRate: 1 },
      /the connection failed after it was sent/,
    ],
    ["a 200 that does not parse", { malformedJsonRate: 1 }, /the answer \(200\) could not be read/],
  ] as const) {
    it(`${name}: ambiguous, said so, each create sent once`, async () => {
      const { report, failures, sent } = await syncWith(faults);
      const honest = failures.every(
        (f) =>
          f.rule === "ambiguous" &&
          /may have reached Roblox/.test(f.reason) &&
          answer.test(f.reason) &&
          !/fix the file/.test(f.reason),
      );
      const holds = report.failed.length === FILES && failures.length === FILES && honest && sent === FILES;
      record(import.meta.filename, {
        area: AREA,
        case: `sync of ${FILES} new files, every create answered with ${name}`,
        runs: 1,
        outcome: holds ? "holds" : `FAILS: ${JSON.stringify({ failed: report.failed.length, sent, honest })}`,
        detail: `${sent} creates for ${FILES} files (none resent); each failure has rule ambiguous and says the upload may have reached Roblox, never "fix the file"`,
      });
      expect(failures[0]?.reason).toMatch(/may have reached Roblox/);
      expect(holds).toBe(true);
    });
  }

  it("an ambiguous create is not sent again in the same run, even for another path with the same content", async () => {
    const root = await project(1);
    await writeFile(join(root, "images/copy.png"), await readFile(join(root, "images/h0.png")));
    emulator.resetStats();
    emulator.setFaults({ only: ["Assets_CreateAsset"], serverErrorAfterHandleRate: 1 });
    try {
      const pipeline = createPipeline({ root, env: env() });
      const first = await pipeline.resolve("images/h0.png").then(
        () => undefined,
        (error: unknown) => error,
      );
      const second = await pipeline.resolve("images/copy.png").then(
        () => undefined,
        (error: unknown) => error,
      );
      expect((first as { rule?: string }).rule).toBe("ambiguous");
      expect((second as { rule?: string }).rule).toBe("ambiguous");
      expect(creates()).toBe(1);
    } finally {
      emulator.setFaults(undefined);
    }
  });

  it("a create whose answer never comes fails after RBXASSETS_TIMEOUT_S, as ambiguous", async () => {
    const started = Date.now();
    const { report, failures, sent } = await syncWith(
      { slowRate: 1, slowMs: 8_000 },
      { RBXASSETS_TIMEOUT_S: "1" },
    );
    const elapsed = Date.now() - started;
    const holds =
      report.failed.length === FILES &&
      failures.every((f) => f.rule === "ambiguous" && /no answer came before the timeout/.test(f.reason)) &&
      sent === FILES;
    record(import.meta.filename, {
      area: AREA,
      case: `sync of ${FILES} new files, every create answered only after 8 s, RBXASSETS_TIMEOUT_S=1`,
      runs: 1,
      outcome: holds ? "holds" : `FAILS: ${JSON.stringify({ failed: report.failed.length, sent })}`,
      detail: `every file failed as ambiguous (no answer before the timeout) before the server's 8 s; ${sent} creates, none resent`,
    });
    expect(holds).toBe(true);
    // Not a timed assertion of speed: only that the run did not sit out the server's 8 s for each file.
    expect(elapsed).toBeLessThan(FILES * 8_000);
  });

  it("a retry-after of a day stops the batch once, naming the wait and when to try again", async () => {
    const root = await project(10);
    emulator.resetStats();
    emulator.setFaults({ only: ["Assets_CreateAsset"], tooManyRequestsRate: 1, retryAfterSeconds: 86_400 });
    try {
      const report = await createPipeline({ root, env: env(), concurrency: 4 }).sync(["images"]);
      const sent = creates();
      const cli = await runCli(["sync", "images"], { cwd: root, env: env() });
      const cliSent = creates() - sent;
      const holds =
        report.refusal?.reason === "rate-limited" &&
        report.refusal.waitSeconds === 86_400 &&
        typeof report.refusal.retryAt === "string" &&
        report.failed.length === 0 &&
        sent === 1 &&
        cli.code !== 0 &&
        /24 h/.test(cli.stderr + cli.stdout) &&
        /run it again after \d{4}-/.test(cli.stderr + cli.stdout) &&
        cliSent === 1;
      record(import.meta.filename, {
        area: AREA,
        case: "sync of 10 new files, the first create answered 429 with retry-after: 86400 (pipeline, then CLI)",
        runs: 1,
        outcome: holds
          ? "holds"
          : `FAILS: ${JSON.stringify({ refusal: report.refusal?.reason, sent, cliSent })}`,
        detail: `one create each run, then no other attempted; the refusal names a 24 h wait and the time to try again; the CLI exits ${cli.code}`,
      });
      expect(cli.stderr + cli.stdout).toMatch(/24 h/);
      expect(holds).toBe(true);
    } finally {
      emulator.setFaults(undefined);
    }
  });
});

describe("keys with a line break", () => {
  const KEY = "rbx-LINEBREAK-KEY-0123456789abcdef";
  const BROKEN = `${KEY}\nsecond-line-XYZ`;
  const needles = [KEY, "0123456789abcdef", "LINEBREAK-KEY", "second-line-XYZ"];

  for (const how of ["env", ".env", "--api-key-file"] as const) {
    it(`is refused before any request, never echoed (${how})`, async () => {
      const root = await project(1);
      const base = { RBXASSETS_API_URL: emulator.url, RBXASSETS_CREATOR: CREATOR };
      const args = ["sync", "images"];
      let childEnv: Record<string, string> = base;
      if (how === "env") childEnv = { ...base, RBXASSETS_API_KEY: BROKEN };
      if (how === ".env") await writeFile(join(root, ".env"), `RBXASSETS_API_KEY="${BROKEN}"\n`);
      if (how === "--api-key-file") {
        await writeFile(join(root, "key.txt"), `${BROKEN}\n`);
        args.unshift("--api-key-file", "key.txt");
      }
      emulator.resetStats();
      const result = await runCli(args, { cwd: root, env: childEnv });
      const output = result.stdout + result.stderr;
      const leaks = needles.filter((needle) => output.includes(needle));
      const requests = Object.values(emulator.stats().requests).reduce((sum, n) => sum + n, 0);
      const holds = result.code !== 0 && leaks.length === 0 && requests === 0 && /line break/.test(output);
      record(import.meta.filename, {
        area: "secrets",
        case: `a key with a line break, given through ${how}: rbxassets sync`,
        runs: 1,
        outcome: holds ? "holds" : `FAILS: ${JSON.stringify({ code: result.code, leaks, requests })}`,
        detail: `exit ${result.code}; ${requests} requests; refused with a message naming where the key came from, the key in no output`,
      });
      expect(leaks).toEqual([]);
      expect(holds).toBe(true);
    });
  }

  it("is refused through the pipeline's apiKey option, never echoed", async () => {
    const root = await project(1);
    emulator.resetStats();
    const error = await createPipeline({ root, apiKey: BROKEN, env: env({ RBXASSETS_API_KEY: "" }) })
      .sync(["images"])
      .then(
        (report) => report.failed.map((f) => f.reason).join("\n"),
        (caught: unknown) => String(caught),
      );
    expect(needles.filter((needle) => error.includes(needle))).toEqual([]);
    expect(error).toMatch(/the apiKey option\) contains a line break/);
    expect(creates()).toBe(0);
  });
});

describe("local problems named as local", () => {
  it("a lockfile with escape sequences is shown without them, by line and column", async () => {
    const root = await project(1);
    await writeFile(
      join(root, "rbxassets.lock.json"),
      '{\n  "version": 1,\n  "assets": {\u001b]0;pwned\u0007\u001b[2J\n',
    );
    const result = await runCli(["sync", "images"], { cwd: root, env: env() });
    const output = result.stdout + result.stderr;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
    const control = /[\u0000-\u0008\u000b-\u001f\u007f]/.test(output);
    const holds =
      result.code !== 0 && !control && /rbxassets\.lock\.json/.test(output) && /line 3/.test(output);
    record(import.meta.filename, {
      area: "hostile input (CLI)",
      case: "a lockfile holding terminal escape sequences (retitle, clear screen): rbxassets sync",
      runs: 1,
      outcome: holds ? "holds" : `FAILS: ${JSON.stringify(output)}`,
      detail:
        "refused, naming the lockfile and the line and column; no control character reaches the terminal",
    });
    expect(control).toBe(false);
    expect(holds).toBe(true);
  });

  /** Whether this machine can mount a tmpfs (root, in a container that allows it): probed once. */
  const canMount = (() => {
    const dir = join(tmpdir(), `rbxassets-rel-mnt-probe-${process.pid}`);
    try {
      execFileSync("mkdir", ["-p", dir]);
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
      execFileSync("umount", [dir]);
      return true;
    } catch {
      return false;
    } finally {
      execFileSync("rm", ["-rf", dir]);
    }
  })();

  /** A tiny tmpfs, full or read-only, mounted for one test. */
  function mountTmpfs(kind: "full" | "read-only"): string {
    const dir = join(tmpdir(), `rbxassets-rel-mnt-${process.pid}-${kind}`);
    execFileSync("mkdir", ["-p", dir]);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
    if (kind === "full") {
      try {
        execFileSync("dd", ["if=/dev/zero", `of=${join(dir, "fill")}`, "bs=4k", "count=64"], {
          stdio: "ignore",
        });
      } catch {
        // dd ends with ENOSPC: the disk is full, as wanted.
      }
    } else execFileSync("mount", ["-o", "remount,ro", dir]);
    return dir;
  }

  for (const kind of ["full", "read-only"] as const) {
    // Skipped where no tmpfs can be mounted (not root, or a container that forbids it).
    it.skipIf(!canMount)(`a lockfile on a ${kind} disk is named as local, never the network`, async () => {
      const root = await project(1);
      const mount = mountTmpfs(kind);
      try {
        // The full disk holds the lockfile; the read-only one the generated module (a lockfile there is the
        // journal's pre-flight check, which stops before any upload).
        const target =
          kind === "full"
            ? ["--lockfile", join(mount, "rbxassets.lock.json")]
            : ["--ts", join(mount, "assets.ts")];
        const result = await runCli(["sync", "images", ...target], { cwd: root, env: env() });
        const output = result.stdout + result.stderr;
        // By its code, or in words (the pre-flight check of the lockfile says "the disk is full").
        const code = kind === "full" ? /ENOSPC|disk is full/ : /EROFS|read-only/;
        const holds =
          result.code !== 0 && code.test(output) && output.includes(mount) && !/network/i.test(output);
        record(import.meta.filename, {
          area: AREA,
          case: `${kind === "full" ? "lockfile" : "TypeScript module"} on a ${kind} tmpfs: rbxassets sync`,
          runs: 1,
          outcome: holds ? "holds" : `FAILS: ${JSON.stringify(output.slice(0, 300))}`,
          detail: `exit ${result.code}; the message names the path and ${code.source}, and never the network`,
        });
        expect(output).not.toMatch(/network/i);
        expect(holds).toBe(true);
      } finally {
        execFileSync("umount", [mount]);
        execFileSync("rm", ["-rf", mount]);
      }
    });
  }
});

describe("the lockfile is left parseable", () => {
  it("after the failures above, a rerun without faults uploads and records", async () => {
    const root = await project(2);
    const report = await createPipeline({ root, env: env() }).sync(["images"]);
    expect(report.uploaded).toHaveLength(2);
    const text = await readFile(join(root, "rbxassets.lock.json"), "utf8");
    expect(JSON.parse(text).assets).toBeTypeOf("object");
  });
});
