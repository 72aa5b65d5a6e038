// The GitHub workflows, parsed as YAML: the jobs CI and releasing need exist, CI runs what .ci/run runs on
// Node 22, 24 and 26, releasing publishes with provenance, and every `pnpm <script>` a step runs is a
// script that exists (in the root package.json, or in the package a `--filter` names).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), "utf8"));
const rootScripts: Record<string, string> = readJson("package.json").scripts;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  "runs-on": string;
  strategy?: { matrix?: Record<string, unknown[]> };
  steps: Step[];
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = (name: string): Workflow =>
  parse(readFileSync(join(root, ".github/workflows", name), "utf8")) as Workflow;

/** A GitHub Actions expression as written in a workflow. */
const expression = (inner: string) => `\${{ ${inner} }}`;

/** pnpm's own commands, which are not scripts. */
const PNPM_COMMANDS = new Set(["install", "exec", "dlx", "add", "publish", "pack", "-r", "--filter"]);

/** Every `pnpm <word>` in a shell line, and the package.json whose scripts it runs. */
function pnpmScripts(line: string): Array<{ script: string; scripts: Record<string, string> }> {
  const found = [];
  for (const match of line.matchAll(/\bpnpm((?:\s+--filter[= ]\S+)?)\s+(?:run\s+)?([\w:.-]+)/g)) {
    const filter = match[1]?.match(/--filter[= ](\S+)/)?.[1];
    const script = match[2]!;
    if (PNPM_COMMANDS.has(script)) continue;
    found.push({ script, scripts: filter ? packageScripts(filter) : rootScripts });
  }
  return found;
}

function packageScripts(name: string): Record<string, string> {
  for (const dir of readdirSync(join(root, "packages"))) {
    const pkg = readJson(join("packages", dir, "package.json"));
    if (pkg.name === name) return pkg.scripts;
  }
  throw new Error(`--filter ${name}: no such package`);
}

/** The commands a workflow runs: each `run:` and the changesets action's version/publish inputs. */
function commands(flow: Workflow): string[] {
  return Object.values(flow.jobs).flatMap((job) =>
    job.steps.flatMap((step) => [
      ...(step.run ? [step.run] : []),
      ...(step.uses?.startsWith("changesets/action")
        ? [step.with?.version, step.with?.publish].filter((c): c is string => typeof c === "string")
        : []),
    ]),
  );
}

describe.each(["ci.yml", "release.yml"])("%s", (name) => {
  test("every `pnpm <script>` a step runs exists, and so do the scripts those run", () => {
    const seen = new Set<string>();
    const check = (line: string) => {
      for (const { script, scripts } of pnpmScripts(line)) {
        expect(Object.keys(scripts), `${name}: \`${line}\` runs pnpm ${script}`).toContain(script);
        if (scripts === rootScripts && !seen.has(script)) {
          seen.add(script);
          check(scripts[script]!); // e.g. release: "pnpm build && changeset publish"
        }
      }
    };
    const lines = commands(workflow(name));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) check(line);
  });

  test("every action is pinned to a major version", () => {
    for (const job of Object.values(workflow(name).jobs)) {
      for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
    }
  });
});

describe("ci.yml runs what .ci/run runs", () => {
  const ci = workflow("ci.yml");
  // .ci/run without its comments.
  const ciRun = readFileSync(join(root, ".ci/run"), "utf8").replace(/^\s*#.*$/gm, "");
  const runs = (job: Job) => job.steps.map((step) => step.run ?? "").join("\n");

  test("checks, tests on a Node 22/24/26 matrix, and the pack check on the floor", () => {
    expect(Object.keys(ci.jobs).sort()).toEqual(["checks", "pack", "test"]);
    expect(ci.jobs.test!.strategy?.matrix?.node).toEqual([22, 24, 26]);
    // The whole suite on 22, the fast subset on 24 and 26, as .ci/run; each a script that exists.
    expect(ci.jobs.test!.strategy?.matrix?.include).toEqual([
      { node: 22, script: "test" },
      { node: 24, script: "test:fast" },
      { node: 26, script: "test:fast" },
    ]);
    for (const { script } of ci.jobs.test!.strategy!.matrix!.include as { script: string }[]) {
      expect(Object.keys(rootScripts)).toContain(script);
    }
    const floor = readJson("package.json").engines.node.replace(">=", "");
    const nodeOf = (job: Job) =>
      job.steps.find((s) => s.uses?.startsWith("actions/setup-node"))?.with?.["node-version"];
    expect(String(nodeOf(ci.jobs.pack!))).toBe(floor);
    expect(nodeOf(ci.jobs.test!)).toBe(expression("matrix.node"));
  });

  test("each pnpm command of .ci/run is run by a job", () => {
    const ciCommands = new Set(
      [...ciRun.matchAll(/\bpnpm (install --frozen-lockfile|\w[\w:-]*)/g)].map((m) => `pnpm ${m[1]}`),
    );
    expect([...ciCommands]).toEqual(expect.arrayContaining(["pnpm lint", "pnpm check:pack"]));
    // .ci/run's tests go through `run_tests LABEL SCRIPT`: those scripts are the matrix's.
    const testScripts = [...ciRun.matchAll(/^run_tests \w+ ([\w:]+)/gm)].map((m) => m[1]);
    expect(testScripts).toEqual(["test", "test:fast", "test:fast"]);
    const all = Object.values(ci.jobs).map(runs).join("\n");
    for (const command of ciCommands) expect(all, command).toContain(command);
  });
});

describe("release.yml", () => {
  const release = workflow("release.yml");
  const steps = Object.values(release.jobs).flatMap((job) => job.steps);
  const action = steps.find((step) => step.uses?.startsWith("changesets/action"));

  test("runs on pushes to main, with the permissions a version PR and provenance need", () => {
    expect(release.on).toEqual({ push: { branches: ["main"] } });
    expect(release.permissions).toMatchObject({
      contents: "write",
      "pull-requests": "write",
      "id-token": "write",
    });
  });

  test("changesets/action opens the version PR and publishes with provenance", () => {
    expect(action).toBeDefined();
    expect(action!.with?.version).toBe("pnpm version-packages");
    expect(action!.with?.publish).toBe("pnpm release");
    expect(rootScripts["version-packages"]).toBe("changeset version");
    expect(rootScripts.release).toMatch(/changeset publish/);
    expect(action!.env?.NPM_CONFIG_PROVENANCE).toBe("true");
    expect(action!.env?.GITHUB_TOKEN).toBe(expression("secrets.GITHUB_TOKEN"));
  });
});

describe("what every published package's manifest promises", () => {
  const packages = readdirSync(join(root, "packages")).map((dir) => ({
    dir,
    pkg: readJson(join("packages", dir, "package.json")),
  }));

  test.each(packages.map(({ dir, pkg }) => [dir, pkg]))(
    "%s: prepack builds; CHANGELOG.md ships",
    (_, pkg) => {
      expect(pkg.scripts.prepack).toBe("node ../../scripts/prepack.mjs");
      expect(pkg.files).toContain("CHANGELOG.md");
    },
  );

  test.each(packages.map(({ dir, pkg }) => [dir, pkg]))("%s: every export can be required", (_, pkg) => {
    for (const [entry, target] of Object.entries(pkg.exports as Record<string, unknown>)) {
      if (typeof target === "string" || !(target as Record<string, string>).import) continue;
      const conditions = target as Record<string, string>;
      expect(conditions.require, `${pkg.name} ${entry}`).toBe(conditions.import);
      expect(conditions.default, `${pkg.name} ${entry}`).toBe(conditions.import);
      expect(Object.keys(conditions)[0], "types first").toBe("types");
    }
  });

  test("the prepack script runs turbo's build for the package and its dependencies", () => {
    const text = readFileSync(join(root, "scripts/prepack.mjs"), "utf8");
    expect(text).toMatch(/"turbo", "run", "build", `--filter=\$\{name\}\.\.\.`/);
  });
});
