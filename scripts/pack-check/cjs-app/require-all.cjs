// Run by the pack check in a CommonJS app ("type": "commonjs"): require() of every package and every
// subpath entry that has a `require` condition, on the Node floor (Node's require(esm) serves the ESM).
// Prints one line per entry; exits 1 if any failed.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const packages = process.argv.slice(2);
let failed = 0;
for (const name of packages) {
  const pkg = JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8"));
  for (const [subpath, conditions] of Object.entries(pkg.exports)) {
    if (typeof conditions === "object" && !("require" in conditions)) continue; // types-only entries
    const id = subpath === "." ? name : `${name}/${subpath.slice(2)}`;
    try {
      const loaded = require(id);
      const keys = Object.keys(loaded);
      if (keys.length === 0) throw new Error("required, but exports nothing");
      console.log(
        `ok   require("${id}"): ${typeof loaded.default === "function" ? "default() and " : ""}${keys.length} exports`,
      );
    } catch (error) {
      failed++;
      console.log(`FAIL require("${id}"): ${error.code ?? ""} ${error.message.split("\n")[0]}`);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
