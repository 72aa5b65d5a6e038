// The client types must compose with Vite's under tsc's defaults: skipLibCheck off, so that a clash
// between the two declaration files (TS2300 "Duplicate identifier") is an error, as in a user's app.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, test } from "vitest";

const file = fileURLToPath(new URL("./client-types.ts", import.meta.url));

function diagnostics(types: string[]): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

test("client.d.ts and vite/client type-check together with skipLibCheck off", () => {
  expect(diagnostics([])).toEqual([]);
}, 60_000);
