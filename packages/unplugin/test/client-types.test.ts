// Under strict tsc with skipLibCheck off, `@rbxassets/unplugin/client` types imports for users of
// webpack, rspack and esbuild, who have no @rbxassets/rollup-plugin installed: an app outside the package
// that sees it in node_modules, as npm installs it.
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, test } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

const APP = `/// <reference types="@rbxassets/unplugin/client" />
import red from "./images/red.png";
import star from "./images/red.png?sprite";
import crate from "./models/crate.rbxm";

type AssetUri = \`rbxassetid://\${string}\`;
export const typed: AssetUri[] = [red, crate, star.Image];
export const rect: [number, number] = [star.ImageRectOffset.X, star.ImageRectSize.Y];
// @ts-expect-error: an asset id is not any string
export const notAnId: AssetUri = "https://example.com/red.png";
`;

test("@rbxassets/unplugin/client types plain, ?sprite and model imports", async () => {
  const app = await mkdtemp(join(tmpdir(), "rbxassets-unplugin-types-"));
  try {
    await mkdir(join(app, "node_modules", "@rbxassets"), { recursive: true });
    await symlink(packageDir, join(app, "node_modules", "@rbxassets", "unplugin"), "dir");
    await writeFile(join(app, "package.json"), '{ "type": "module" }\n');
    await writeFile(join(app, "main.ts"), APP);
    const program = ts.createProgram([join(app, "main.ts")], {
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
  } finally {
    await rm(app, { recursive: true, force: true });
  }
}, 60_000);
