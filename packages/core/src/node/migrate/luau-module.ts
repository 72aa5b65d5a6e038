// Reads a generated Luau module (`local t = { ... } return t`, or `return { ... }`) into key paths and
// what each holds: an asset id, a sprite (a table with `Image`), or a function of the DPI scale. luaparse
// is a complete Lua 5.x parser in plain JavaScript; generated modules use no Luau-only syntax.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Chunk, Expression, Statement, TableConstructorExpression } from "luaparse";
import luaparse from "luaparse";
import { MigrationError, MigrationSourceError } from "./plan.js";

export type ModuleValue =
  | { kind: "id"; id: string }
  | { kind: "sprite" }
  /** A function of the DPI scale; `ids`: scale → id, where its branches return plain ids. */
  | { kind: "dpi"; ids?: Map<number, string> }
  | { kind: "other" };

/** Key path (segments joined by "/") → value. Throws a one-line message on text that is not Lua. */
export function readLuauModule(text: string): Map<string, ModuleValue> {
  let chunk: Chunk;
  try {
    chunk = luaparse.parse(text, {
      encodingMode: "pseudo-latin1",
      comments: false,
      luaVersion: "5.3",
      wait: false,
    });
  } catch (error) {
    throw new Error(`not a Luau module this import can read (${(error as Error).message})`);
  }
  const locals = new Map<string, Expression>();
  let returned: Expression | undefined;
  for (const statement of chunk.body as Statement[]) {
    if (statement.type === "LocalStatement") {
      statement.variables.forEach((v, n) => {
        const init = statement.init[n];
        if (init) locals.set(v.name, init);
      });
    } else if (statement.type === "ReturnStatement") {
      const [value] = statement.arguments;
      returned = value?.type === "Identifier" ? locals.get(value.name) : value;
    }
  }
  if (returned?.type !== "TableConstructorExpression") throw new Error("does not return a table");
  const out = new Map<string, ModuleValue>();
  walk(returned, [], out);
  return out;
}

function walk(table: TableConstructorExpression, path: string[], out: Map<string, ModuleValue>): void {
  for (const field of table.fields) {
    let key: string | undefined;
    if (field.type === "TableKeyString") key = field.key.name;
    else if (field.type === "TableKey" && field.key.type === "StringLiteral") key = stringOf(field.key);
    if (key === undefined) continue;
    const value = field.value;
    const at = [...path, key];
    if (value.type === "StringLiteral") {
      const match = /^rbxassetid:\/\/(\d+)$/.exec(stringOf(value));
      out.set(at.join("/"), match ? { kind: "id", id: match[1]! } : { kind: "other" });
    } else if (value.type === "FunctionDeclaration") {
      const ids = dpiBranches(value.body);
      out.set(at.join("/"), ids ? { kind: "dpi", ids } : { kind: "dpi" });
    } else if (value.type === "TableConstructorExpression") {
      const isSprite = value.fields.some((f) => f.type === "TableKeyString" && f.key.name === "Image");
      if (isSprite) out.set(at.join("/"), { kind: "sprite" });
      else walk(value, at, out);
    } else out.set(at.join("/"), { kind: "other" });
  }
}

/**
 * `if dpiScale >= 3 then return "rbxassetid://A" elseif dpiScale >= 2 then … else return "rbxassetid://C" end`
 * (tarmac's and tungsten's shape): scale → id, the `else` being scale 1. Undefined for any other body.
 */
function dpiBranches(body: Statement[]): Map<number, string> | undefined {
  const [only] = body;
  if (body.length !== 1 || only?.type !== "IfStatement") return undefined;
  const ids = new Map<number, string>();
  for (const clause of only.clauses) {
    let scale = 1;
    if (clause.type !== "ElseClause") {
      const c = clause.condition;
      if (c.type !== "BinaryExpression" || c.operator !== ">=" || c.right.type !== "NumericLiteral")
        return undefined;
      scale = c.right.value;
    }
    const [ret] = clause.body;
    if (clause.body.length !== 1 || ret?.type !== "ReturnStatement") return undefined;
    const [value] = ret.arguments;
    if (value?.type !== "StringLiteral") return undefined;
    const match = /^rbxassetid:\/\/(\d+)$/.exec(stringOf(value));
    if (!match) return undefined;
    ids.set(scale, match[1]!);
  }
  return ids;
}

function stringOf(literal: { value: string | null; raw: string }): string {
  return literal.value ?? (JSON.parse(literal.raw.replace(/^'|'$/g, '"')) as string);
}

/** The module at `path` (project path), read; undefined when there is none. Text that is not Lua names the file. */
export async function readModuleFile(
  root: string,
  path: string,
): Promise<Map<string, ModuleValue> | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, path), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new MigrationError("migrate-missing", `${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    return readLuauModule(text);
  } catch (error) {
    throw new MigrationSourceError(path, "", (error as Error).message);
  }
}
