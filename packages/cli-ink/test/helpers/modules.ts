// Reads generated modules with real parsers, not string matching: Luau through luaparse (generated modules
// use no Luau-only syntax, so a Lua parser reads them whole), `.d.ts` through the TypeScript compiler API.

import type { Chunk, Expression, FunctionDeclaration, TableConstructorExpression } from "luaparse";
import luaparse from "luaparse";
import ts from "typescript";

/** Key path (joined by "/") → the Lua source of its value, from the table the module returns. */
export function luauKeyMap(text: string): Record<string, string> {
  const chunk = luaparse.parse(text, { encodingMode: "pseudo-latin1", ranges: true, wait: false }) as Chunk;
  const locals = new Map<string, Expression>();
  let returned: Expression | undefined;
  for (const statement of chunk.body) {
    if (statement.type === "LocalStatement") {
      statement.variables.forEach((v, n) => {
        const init = statement.init[n];
        if (init) locals.set(v.name, init);
      });
    }
    if (statement.type === "ReturnStatement") {
      const value = statement.arguments[0];
      returned = value?.type === "Identifier" ? locals.get(value.name) : value;
    }
  }
  if (returned?.type !== "TableConstructorExpression") throw new Error("the module returns no table");
  const out: Record<string, string> = {};
  const walk = (table: TableConstructorExpression, path: string[]) => {
    for (const field of table.fields) {
      if (field.type === "TableValue") throw new Error("a list entry in a generated module");
      const key =
        field.key.type === "Identifier"
          ? field.key.name
          : field.key.type === "StringLiteral"
            ? (field.key.value as string)
            : String(field.key);
      const value = field.value;
      const isLeafTable =
        value.type === "TableConstructorExpression" &&
        value.fields.some((f) => f.type === "TableKeyString" && f.key.name === "Image");
      if (value.type === "TableConstructorExpression" && !isLeafTable) walk(value, [...path, key]);
      else if (value.type === "StringLiteral") out[[...path, key].join("/")] = value.value as string;
      else if (value.type === "FunctionDeclaration") out[[...path, key].join("/")] = dpiBranches(value, text);
      else {
        // Anything else (a Content call, a sprite table) is its source text.
        const [start, end] = (value as { range?: [number, number] }).range ?? [0, 0];
        out[[...path, key].join("/")] = text.slice(start, end);
      }
    }
  };
  walk(returned, []);
  return out;
}

/** A function of the DPI scale as `dpi 3: <value>; 2: <value>; else: <value>` (whatever its layout). */
function dpiBranches(fn: FunctionDeclaration, text: string): string {
  const [only] = fn.body;
  if (fn.body.length !== 1 || only?.type !== "IfStatement") return "function";
  const source = (node: object) => text.slice(...((node as { range?: [number, number] }).range ?? [0, 0]));
  return `dpi ${only.clauses
    .map((clause) => {
      const ret = clause.body[0];
      const value = ret?.type === "ReturnStatement" && ret.arguments[0] ? source(ret.arguments[0]) : "?";
      return clause.type === "ElseClause" ? `else: ${value}` : `${source(clause.condition)}: ${value}`;
    })
    .join("; ")}`;
}

/** Key paths (joined by "/") of the type a `.d.ts` module's `export =` names. */
export function dtsKeyPaths(text: string): string[] {
  const source = ts.createSourceFile("module.d.ts", text, ts.ScriptTarget.Latest, true);
  const types = new Map<string, ts.TypeNode>();
  let exported: string | undefined;
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.type) types.set(d.name.text, d.type);
    if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression))
      exported = statement.expression.text;
  }
  const root = exported === undefined ? undefined : types.get(exported);
  if (!root || !ts.isTypeLiteralNode(root)) throw new Error("the declarations export no object type");
  const out: string[] = [];
  const walk = (node: ts.TypeLiteralNode, path: string[]) => {
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const name =
        ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)
          ? member.name.text
          : member.name.getText();
      const isSprite =
        ts.isTypeLiteralNode(member.type) &&
        member.type.members.some((m) => m.name !== undefined && m.name.getText() === "Image");
      if (ts.isTypeLiteralNode(member.type) && !isSprite) walk(member.type, [...path, name]);
      else out.push([...path, name].join("/"));
    }
  };
  walk(root, []);
  return out.sort();
}
