// What a packed tarball must hold, and must not: checked on the unpacked files, so that it is what npm
// users get. Each problem is one line naming the package and the file or field.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export const REPOSITORY = "https://github.com/rbxassets/rbxassets";
const TEST_PATH = /(^|\/)(test|tests|__tests__|fixtures?)(\/|$)|\.(test|spec)\.[cm]?[jt]sx?$/;

/** Problems with the unpacked package in `dir` (the tarball's `package/` folder). */
export function tarballProblems(dir, { engines }) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const problems = [];
  const say = (text) => problems.push(`${pkg.name}: ${text}`);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll("\\", "/"));

  for (const required of ["LICENSE", "README.md", "CHANGELOG.md"]) {
    if (!files.includes(required)) say(`${required} is missing from the tarball`);
  }
  for (const file of files.filter((f) => TEST_PATH.test(f))) say(`${file}: tests and fixtures must not ship`);
  for (const file of files.filter((f) => f.endsWith(".map"))) {
    for (const missing of unresolvedSources(join(dir, file))) {
      say(`${file} names ${missing}, which is not in the tarball (and not in its sourcesContent)`);
    }
  }

  const field = (name, ok) => {
    if (!ok) say(`package.json "${name}" is missing or wrong (see scripts/lib/tarball-contents.mjs)`);
  };
  field("license", pkg.license === "MIT");
  field("engines.node", pkg.engines?.node === engines);
  field("sideEffects", pkg.sideEffects === false);
  field("keywords", Array.isArray(pkg.keywords) && pkg.keywords.length > 0);
  field("homepage", typeof pkg.homepage === "string" && pkg.homepage.startsWith(REPOSITORY));
  field("bugs", pkg.bugs?.url === `${REPOSITORY}/issues`);
  field("repository", pkg.repository?.url === `git+${REPOSITORY}.git` && Boolean(pkg.repository?.directory));
  return problems;
}

// A map's sources resolve against its own folder (and sourceRoot); each must be shipped, or embedded.
function unresolvedSources(mapFile) {
  const map = JSON.parse(readFileSync(mapFile, "utf8"));
  const base = resolve(dirname(mapFile), map.sourceRoot ?? "");
  return (map.sources ?? []).filter(
    (source, i) => typeof map.sourcesContent?.[i] !== "string" && !existsSync(resolve(base, source)),
  );
}
