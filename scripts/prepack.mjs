// prepack of every published package (run by npm/pnpm pack and publish, in the package's folder): builds
// the package and what it depends on through turbo (a cache hit when nothing changed), so that a tarball
// never lacks dist/, even packed from a fresh clone; then copies the repository's one LICENSE in (npm and
// pnpm pack only a package's own folder; git ignores the copy, so the LICENSE lives in one place).
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { name } = JSON.parse(readFileSync("package.json", "utf8"));
execFileSync("pnpm", ["exec", "turbo", "run", "build", `--filter=${name}...`, "--output-logs=errors-only"], {
  cwd: root,
  stdio: ["ignore", 2, 2], // pack --json reports on stdout
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  shell: process.platform === "win32",
});
copyFileSync(new URL("../LICENSE", import.meta.url), "LICENSE");
