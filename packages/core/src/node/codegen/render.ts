// The generated modules, one renderer per language: Luau (for Roblox), roblox-ts declarations for that
// Luau module, and a plain TypeScript module (for web and Node code). Output is a pure function of the
// tree, so an unchanged input renders byte for byte the same.
import { generatedHeader, luauKey, luauString, tsKey, tsString } from "./syntax.js";
import {
  type CodegenTree,
  type CodegenValue,
  type DpiValue,
  isDpi,
  isTree,
  type SpriteValue,
} from "./tree.js";

type Leaf = string | SpriteValue;

/**
 * `content`: plain references as `Content.fromUri(...)` (a `Content` value) instead of strings. DPI variants
 * are `function(dpiScale) ... end` (tarmac's and tungsten's shape), without type annotations so that any
 * Lua tool reads the module too.
 */
export function renderLuau(tree: CodegenTree, lockfile: string, content = false): string {
  const leaf = (node: Leaf): string =>
    typeof node === "string"
      ? content
        ? `Content.fromUri(${luauString(node)})`
        : luauString(node)
      : `{ Image = ${luauString(node.image)}, ImageRectOffset = ${vector2(node.offset)}, ImageRectSize = ${vector2(node.size)} }`;
  const dpi = (node: DpiValue, depth: number): string => {
    const at = (n: number) => "\t".repeat(depth + n);
    const descending = [...node.dpi].reverse();
    const lines = ["function(dpiScale)"];
    descending.forEach(([scale, value], n) => {
      if (n === descending.length - 1) lines.push(`${at(1)}else`);
      else lines.push(`${at(1)}${n === 0 ? "if" : "elseif"} dpiScale >= ${scale} then`);
      lines.push(`${at(2)}return ${leaf(value)}`);
    });
    lines.push(`${at(1)}end`, `${at(0)}end`);
    return lines.join("\n");
  };
  const table = (node: CodegenTree, depth: number): string => {
    if (node.entries.length === 0) return "{}";
    const indent = "\t".repeat(depth + 1);
    const lines = node.entries.map(
      ([key, child]) => `${indent}${luauKey(key)} = ${luauValue(child, depth + 1)},`,
    );
    return `{\n${lines.join("\n")}\n${"\t".repeat(depth)}}`;
  };
  const luauValue = (node: CodegenTree | CodegenValue, depth: number): string =>
    isTree(node) ? table(node, depth) : isDpi(node) ? dpi(node, depth) : leaf(node);
  return `-- ${generatedHeader(lockfile)}\nreturn ${table(tree, 0)}\n`;
}

/**
 * roblox-ts declarations for the Luau module: `export =` (what a Luau module that returns a table is), with
 * each id as a literal type, so that `import assets from "shared/UI"` types as the real ids. DPI variants
 * are `(dpiScale: number) => <the union of their values>`.
 */
export function renderDts(tree: CodegenTree, lockfile: string, content = false): string {
  const leaf = (node: Leaf, indent: string): string =>
    typeof node === "string" ? (content ? "Content" : tsString(node)) : spriteType(node, indent);
  const value = (node: CodegenValue, indent: string): string => {
    if (!isDpi(node)) return leaf(node, indent);
    const types = [...new Set(node.dpi.map(([, v]) => leaf(v, indent)))];
    return `(dpiScale: number) => ${types.length === 1 ? types[0] : types.map((t) => (t.includes("\n") ? `(${t})` : t)).join(" | ")}`;
  };
  const type = (node: CodegenTree, depth: number): string => {
    if (node.entries.length === 0) return "{}";
    const indent = "\t".repeat(depth + 1);
    const lines = node.entries.map(
      ([key, child]) =>
        `${indent}readonly ${tsKey(key)}: ${isTree(child) ? type(child, depth + 1) : value(child, indent)};`,
    );
    return `{\n${lines.join("\n")}\n${"\t".repeat(depth)}}`;
  };
  return `// ${generatedHeader(lockfile)}\ndeclare const assets: ${type(tree, 0)};\n\nexport = assets;\n`;
}

/** A plain TypeScript module: `assets` as a const object (literal types), also the default export. */
export function renderTs(tree: CodegenTree, lockfile: string): string {
  const leaf = (node: Leaf): string =>
    typeof node === "string"
      ? tsString(node)
      : `{ Image: ${tsString(node.image)}, ImageRectOffset: ${point(node.offset)}, ImageRectSize: ${point(node.size)} }`;
  const value = (node: CodegenValue): string => {
    if (!isDpi(node)) return leaf(node);
    const descending = [...node.dpi].reverse();
    const chosen = descending
      .slice(0, -1)
      .map(([scale, v]) => `dpiScale >= ${scale} ? ${leaf(v)} : `)
      .join("");
    return `(dpiScale: number) => (${chosen}${leaf(descending[descending.length - 1]![1])})`;
  };
  const object = (node: CodegenTree, depth: number): string => {
    if (node.entries.length === 0) return "{}";
    const indent = "  ".repeat(depth + 1);
    const lines = node.entries.map(
      ([key, child]) => `${indent}${tsKey(key)}: ${isTree(child) ? object(child, depth + 1) : value(child)},`,
    );
    return `{\n${lines.join("\n")}\n${"  ".repeat(depth)}}`;
  };
  return `// ${generatedHeader(lockfile)}\nexport const assets = ${object(tree, 0)} as const;\n\nexport default assets;\n`;
}

function spriteType(sprite: SpriteValue, indent: string): string {
  const inner = `${indent}\t`;
  return `{\n${inner}readonly Image: ${tsString(sprite.image)};\n${inner}readonly ImageRectOffset: Vector2;\n${inner}readonly ImageRectSize: Vector2;\n${indent}}`;
}

function vector2({ x, y }: { x: number; y: number }): string {
  return `Vector2.new(${x}, ${y})`;
}

function point({ x, y }: { x: number; y: number }): string {
  return `{ X: ${x}, Y: ${y} }`;
}
