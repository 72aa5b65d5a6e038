// The generated modules, one renderer per language: Luau (for Roblox), roblox-ts declarations for that
// Luau module, and a plain TypeScript module (for web and Node code). Output is a pure function of the
// tree and the options, so an unchanged input renders byte for byte the same.
import type { RenderOptions } from "./options.js";
import { generatedHeader, luauKey, tsKey } from "./syntax.js";
import { type CodegenTree, type CodegenValue, isTree } from "./tree.js";
import { renderValue } from "./values.js";

export function renderLuau(tree: CodegenTree, options: RenderOptions): string {
  const table = block(
    "\t",
    (indent, key, value) => `${indent}${luauKey(key)} = ${value},`,
    (value, indent) => renderValue(value, "luau", options, indent),
  );
  return `-- ${generatedHeader(options.lockfile)}\nreturn ${table(tree)}\n`;
}

/**
 * roblox-ts declarations for the Luau module: `export =` (what a Luau module that returns a table is), with
 * each id as a literal type, so that `import assets from "shared/UI"` types as the real ids.
 */
export function renderDts(tree: CodegenTree, options: RenderOptions): string {
  const type = block(
    "\t",
    (indent, key, value) => `${indent}readonly ${tsKey(key)}: ${value};`,
    (value, indent) => renderValue(value, "dts", options, indent),
  );
  return `// ${generatedHeader(options.lockfile)}\ndeclare const assets: ${type(tree)};\n\nexport = assets;\n`;
}

/**
 * A plain TypeScript module: `assets` as a const object (literal types), also the default export. The same
 * two exports in every style, with or without a project file.
 */
export function renderTs(tree: CodegenTree, options: RenderOptions): string {
  const object = block(
    "  ",
    (indent, key, value) => `${indent}${tsKey(key)}: ${value},`,
    (value) => renderValue(value, "ts", options),
  );
  return `// ${generatedHeader(options.lockfile)}\nexport const assets = ${object(tree)} as const;\n\nexport default assets;\n`;
}

/**
 * The nesting every language shares: `{`, one line per entry indented by `unit` per level (a subtree as a
 * nested block), `}`. `line` writes an entry in the language's syntax; `leaf` renders a file's value.
 */
function block(
  unit: string,
  line: (indent: string, key: string, value: string) => string,
  leaf: (value: CodegenValue, indent: string) => string,
): (tree: CodegenTree) => string {
  const render = (node: CodegenTree, depth: number): string => {
    if (node.entries.length === 0) return "{}";
    const indent = unit.repeat(depth + 1);
    const lines = node.entries.map(([key, child]) =>
      line(indent, key, isTree(child) ? render(child, depth + 1) : leaf(child, indent)),
    );
    return `{\n${lines.join("\n")}\n${unit.repeat(depth)}}`;
  };
  return (tree) => render(tree, 0);
}
