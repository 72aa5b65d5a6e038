// Packs the publishable packages (packages/*) the way `pnpm publish` would, and installs their tarballs
// with npm into an app outside the repo, as a user would install them from the registry. Used by
// scripts/pack-check.mjs and bench/cli-install.mjs; build the packages first.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const exec = promisify(execFile);
const onWindows = process.platform === "win32";

/** Runs a command, resolving with its stdout; a failure rejects with the command and its output. */
export async function run(command, args, options = {}) {
  try {
    const { stdout } = await exec(command, args, {
      maxBuffer: 64 * 1024 * 1024,
      shell: onWindows,
      ...options,
      env: { ...process.env, ...options.env },
    });
    return stdout;
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    throw new Error(`${command} ${args.join(" ")} failed (exit ${error.code}):\n${output}`);
  }
}

/** Packs every package under packages/ into `dest`: a Map from package name to its tarball's path. */
export async function packAll(dest) {
  const out = await run(
    "pnpm",
    ["-r", "--filter", "./packages/*", "pack", "--pack-destination", dest, "--json"],
    {
      cwd: repoRoot,
    },
  );
  // The prepack scripts' output comes first on stdout; the JSON report is the rest.
  const packed = JSON.parse(out.slice(out.search(/^[[{]/m)));
  return new Map((Array.isArray(packed) ? packed : [packed]).map((p) => [p.name, p.filename]));
}

/**
 * Writes an app's package.json in a new temporary folder: `dependencies` and `devDependencies` list package
 * names (ours are taken from `tarballs`, others are registry ranges given as "name@range"). Our packages
 * resolve to their tarballs wherever they appear, through npm `overrides`.
 */
export async function createApp({ tarballs, dependencies = [], devDependencies = [], fields = {} }) {
  const dir = await mkdtemp(join(tmpdir(), "rbxassets-app-"));
  const spec = (name) => {
    if (tarballs.has(name)) return [name, `file:${tarballs.get(name)}`];
    const at = name.lastIndexOf("@");
    return [name.slice(0, at), name.slice(at + 1)];
  };
  const pkg = {
    name: "rbxassets-pack-check-app",
    private: true,
    type: "module",
    ...fields,
    dependencies: Object.fromEntries(dependencies.map(spec)),
    devDependencies: Object.fromEntries(devDependencies.map(spec)),
    overrides: Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`])),
  };
  await writeFile(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  return dir;
}

/** `npm install --engine-strict` in `dir`; returns npm's output (stdout and stderr) to check for warnings. */
export async function npmInstall(dir, args = []) {
  const { stdout, stderr } = await exec(
    "npm",
    ["install", "--engine-strict", "--no-audit", "--no-fund", ...args],
    {
      cwd: dir,
      shell: onWindows,
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error) => {
    throw new Error(`npm install in ${dir} failed:\n${`${error.stdout ?? ""}${error.stderr ?? ""}`.trim()}`);
  });
  return `${stdout}${stderr}`;
}

/** How many packages an install holds (`npm ls --all`, each once) and the bytes of its node_modules. */
export async function measureInstall(dir) {
  const listed = await run("npm", ["ls", "--all", "--parseable"], { cwd: dir });
  const paths = new Set(listed.split("\n").filter(Boolean));
  return { packages: paths.size - 1, bytes: await folderBytes(join(dir, "node_modules")) };
}

async function folderBytes(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
