// Core's public API, pinned: the names each entry exports (values and types), read by the TypeScript
// compiler from the sources. A change to this list is a change to what users may import: review it, and
// say it in a changeset (`.` and `./node` are semver-stable; `./internal` is for rbxassets' own packages).
// Update after a deliberate change: `npx vitest run test/public-api.test.ts -u`.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const ENTRIES = { ".": "src/index.ts", "./node": "src/node/index.ts", "./internal": "src/internal.ts" };

function exportNames(files: string[]): Map<string, string[]> {
  const paths = files.map((file) => fileURLToPath(new URL(`../${file}`, import.meta.url)));
  const program = ts.createProgram(paths, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    noEmit: true,
    skipLibCheck: true,
    types: ["node"],
  });
  const checker = program.getTypeChecker();
  return new Map(
    files.map((file, n) => {
      const source = program.getSourceFile(paths[n]!)!;
      const symbol = checker.getSymbolAtLocation(source)!;
      const names = checker.getExportsOfModule(symbol).map((s) => {
        const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
        const isValue = (target.flags & ts.SymbolFlags.Value) !== 0;
        return `${s.getName()}${isValue ? "" : " (type)"}`;
      });
      return [file, names.sort()];
    }),
  );
}

let read: Map<string, string[]> | undefined;
/** One compiler run for both tests. */
const allNames = () => (read ??= exportNames(Object.values(ENTRIES)));

it("pins the names each entry exports", async () => {
  const names = allNames();
  for (const [entry, file] of Object.entries(ENTRIES)) {
    const slug = entry === "." ? "root" : entry.slice(2);
    await expect(`${names.get(file)!.join("\n")}\n`).toMatchFileSnapshot(`./api/${slug}.txt`);
  }
}, 60_000);

it("keeps shell helpers out of the public entries", () => {
  const names = allNames();
  const publicNames = [...names.get(ENTRIES["."])!, ...names.get(ENTRIES["./node"])!].map(
    (name) => name.split(" ")[0],
  );
  for (const internal of ["renderTypeScriptValue", "sendAsIs", "oneLine", "describeError", "validateFile"]) {
    expect(publicNames).not.toContain(internal);
  }
}, 60_000);
