// A small typed app under strict tsc with skipLibCheck off: the client types (client.d.ts and the file it
// shares with the Vite plugin) hold no error, and type each import as the plugin makes it at runtime.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, test } from "vitest";

const file = fileURLToPath(new URL("./client-types.ts", import.meta.url));

test("client.d.ts types ?sprite, plain, model and audio imports as they are at runtime", () => {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    lib: ["lib.es2023.d.ts"],
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  expect(diagnostics).toEqual([]);
}, 60_000);
