// How a file becomes a module value, and how a value is written in each language. This is the only place
// a sprite is rendered: `{ Image, ImageRectOffset, ImageRectSize }` in Luau (`Vector2.new`), in roblox-ts
// declarations (Vector2 types), in TypeScript (`{ X, Y }` objects, Vector2's own field names) and in a
// bundler's module for one import.
import type { RenderOptions } from "./options.js";
import { luauString, tsString } from "./syntax.js";
import type { CodegenValue, SpriteValue } from "./tree.js";

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
 * A value as an expression (Luau, TypeScript) or a type (`.d.ts`). `indent` is the line's indent, for the
 * `.d.ts` sprite type that spans lines.
 */
export function renderValue(
  value: CodegenValue,
  language: ValueLanguage,
  _options: RenderOptions,
  indent = "",
): string {
  const string = language === "luau" ? luauString : tsString;
  if (typeof value === "string") return string(value);
  return renderSprite(value, language, indent);
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
  return renderValue(moduleValue(asset), "ts", { lockfile: "", style: "flat" });
}

/** One asset as a Luau expression. */
export function renderLuauValue(asset: AssetLike): string {
  return renderValue(moduleValue(asset), "luau", { lockfile: "", style: "flat" });
}
