// How a file becomes a module value, and how a value is written in each language. This is the only place
// a sprite is rendered: `{ Image, ImageRectOffset, ImageRectSize }` in Luau (`Vector2.new`), in roblox-ts
// declarations (Vector2 types), in TypeScript (`{ X, Y }` objects, Vector2's own field names) and in a
// bundler's module for one import.
import { type RenderOptions, renderOptionsOf } from "./options.js";
import { luauString, tsString } from "./syntax.js";
import { type CodegenValue, type DpiValue, isDpi, type SpriteValue } from "./tree.js";

/** What a sync reports for a file: its uri and, when packed into an atlas, its rectangle there. */
export interface AssetLike {
  uri: string;
  sprite?: { x: number; y: number; width: number; height: number } | undefined;
}

/** The module value of an asset: the sprite's rectangle in its atlas, or the asset's uri. */
export function moduleValue({ uri, sprite }: AssetLike): CodegenValue {
  if (!sprite) return uri;
  return { image: uri, offset: { x: sprite.x, y: sprite.y }, size: { x: sprite.width, y: sprite.height } };
}

/** The languages a value is written in. */
export type ValueLanguage = "luau" | "dts" | "ts";

/**
 * A value as an expression (Luau, TypeScript) or a type (`.d.ts`). `indent` is the line's indent, for what
 * spans lines (the `.d.ts` sprite type, a DPI function). With `content`, a plain reference is a `Content`
 * (`Content.fromUri(...)` in Luau, the `Content` type in `.d.ts`).
 */
export function renderValue(
  value: CodegenValue,
  language: ValueLanguage,
  options: RenderOptions,
  indent = "",
): string {
  if (isDpi(value)) return renderDpi(value, language, options, indent);
  if (typeof value !== "string") return renderSprite(value, language, indent);
  if (options.content && language === "luau") return `Content.fromUri(${luauString(value)})`;
  if (options.content && language === "dts") return "Content";
  return language === "luau" ? luauString(value) : tsString(value);
}

/**
 * DPI variants as a function of the DPI scale that returns the highest variant not above it: tarmac's and
 * tungsten's shape, `function(dpiScale) ... end` in Luau (no type annotations, so any Lua tool reads it), an
 * arrow function in TypeScript, `(dpiScale: number) => <their union>` in `.d.ts`.
 */
function renderDpi(value: DpiValue, language: ValueLanguage, options: RenderOptions, indent: string): string {
  const leaf = (v: string | SpriteValue) => renderValue(v, language, options, indent);
  const descending = [...value.dpi].reverse();
  if (language === "dts") {
    const types = [...new Set(value.dpi.map(([, v]) => leaf(v)))];
    const union = types.map((t) => (types.length > 1 && t.includes("\n") ? `(${t})` : t)).join(" | ");
    return `(dpiScale: number) => ${union}`;
  }
  if (language === "ts") {
    const chosen = descending
      .slice(0, -1)
      .map(([scale, v]) => `dpiScale >= ${scale} ? ${leaf(v)} : `)
      .join("");
    return `(dpiScale: number) => (${chosen}${leaf(descending[descending.length - 1]![1])})`;
  }
  const lines = ["function(dpiScale)"];
  descending.forEach(([scale, v], n) => {
    if (n === descending.length - 1) lines.push(`${indent}\telse`);
    else lines.push(`${indent}\t${n === 0 ? "if" : "elseif"} dpiScale >= ${scale} then`);
    lines.push(`${indent}\t\treturn ${leaf(v)}`);
  });
  lines.push(`${indent}\tend`, `${indent}end`);
  return lines.join("\n");
}

function renderSprite(sprite: SpriteValue, language: ValueLanguage, indent: string): string {
  const image = language === "luau" ? luauString(sprite.image) : tsString(sprite.image);
  if (language === "luau") {
    return `{ Image = ${image}, ImageRectOffset = ${vector2(sprite.offset)}, ImageRectSize = ${vector2(sprite.size)} }`;
  }
  if (language === "ts") {
    return `{ Image: ${image}, ImageRectOffset: ${point(sprite.offset)}, ImageRectSize: ${point(sprite.size)} }`;
  }
  const inner = `${indent}\t`;
  return `{\n${inner}readonly Image: ${image};\n${inner}readonly ImageRectOffset: Vector2;\n${inner}readonly ImageRectSize: Vector2;\n${indent}}`;
}

function vector2({ x, y }: { x: number; y: number }): string {
  return `Vector2.new(${x}, ${y})`;
}

function point({ x, y }: { x: number; y: number }): string {
  return `{ X: ${x}, Y: ${y} }`;
}

/** One asset as a TypeScript expression (what a bundler's import of one file exports). */
export function renderTypeScriptValue(asset: AssetLike): string {
  return renderValue(moduleValue(asset), "ts", renderOptionsOf({ style: "flat" }, ""));
}

/** One asset as a Luau expression. */
export function renderLuauValue(asset: AssetLike): string {
  return renderValue(moduleValue(asset), "luau", renderOptionsOf({ style: "flat" }, ""));
}
