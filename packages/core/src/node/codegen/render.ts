// The generated modules, one renderer per language: Luau (for Roblox), roblox-ts declarations for that
// Luau module, and a plain TypeScript module (for web and Node code). Output is a pure function of the
// tree and the options, so an unchanged input renders byte for byte the same.
import type { RenderOptions } from "./options.js";
import { generatedHeader, luauKey, tsKey } from "./syntax.js";
import { type CodegenTree, isTree } from "./tree.js";
import { renderValue } from "./values.js";

export function renderLuau(tree: CodegenTree, options: RenderOptions): string {
  const table = (node: CodegenTree, depth: number): string => {
    if (node.entries.length === 0) return "{}";
    const indent = "\t".repeat(depth + 1);
    const lines = node.entries.map(
      ([key, child]) =>
        `${indent}${luauKey(key)} = ${isTree(child) ? table(child, depth + 1) : renderValue(child, "luau", options)},`,
    );
    return `{\n${lines.join("\n")}\n${"\t".repeat(depth)}}`;
  };
  return `-- ${generatedHeader(options.lockfile)}\nreturn ${table(tree, 0)}\n`;
}

/**
 * roblox-ts declarations for the Luau module: `export =` (what a Luau module that returns a table is), with
 * each id as a literal type, so that `import assets from "shared/UI"` types as the real ids.
 */
export function renderDts(tree: CodegenTree, options: RenderOptions): string {
  const type = (node: CodegenTree, depth: number): string => {
    if (node.entries.length === 0) return "{}";
    const indent = "\t".repeat(depth + 1);
    const lines = node.entries.map(
      ([key, child]) =>
        `${indent}readonly ${tsKey(key)}: ${isTree(child) ? type(child, depth + 1) : renderValue(child, "dts", options, indent)};`,
    );
    return `{\n${lines.join("\n")}\n${"\t".repeat(depth)}}`;
  };
  return `// ${generatedHeader(options.lockfile)}\ndeclare const assets: ${type(tree, 0)};\n\nexport = assets;\n`;
}

/**
 * A plain TypeScript module: `assets` as a const object (literal types), also the default export. The same
 * two exports in every style, with or without a project file.
 */
export function renderTs(tree: CodegenTree, options: RenderOptions): string {
  const object = (node: CodegenTree, depth: number): string => {
    if (node.entries.length === 0) return "{}";
    const indent = "  ".repeat(depth + 1);
    const lines = node.entries.map(
      ([key, child]) =>
        `${indent}${tsKey(key)}: ${isTree(child) ? object(child, depth + 1) : renderValue(child, "ts", options)},`,
    );
    return `{\n${lines.join("\n")}\n${"  ".repeat(depth)}}`;
  };
  return `// ${generatedHeader(options.lockfile)}\nexport const assets = ${object(tree, 0)} as const;\n\nexport default assets;\n`;
}
