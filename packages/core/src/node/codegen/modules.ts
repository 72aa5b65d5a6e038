// An input's generated modules: every file of the input with its value, in the input's style, written
// only where the text changed.
import { resolve } from "node:path";
import type { InputSpec } from "../project/schema.js";
import { groupDpiVariants } from "./dpi.js";
import { renderDts, renderLuau, renderTs } from "./render.js";
import { type CodegenValue, flatTree, nestedTree } from "./tree.js";
import { writeIfChanged } from "./write.js";

/** One file of the input: its project path, its key path below the input's base, and its value. */
export interface ModuleFile {
  file: string;
  key: string;
  value: CodegenValue;
}

export interface RenderedModules {
  luau?: string;
  dts?: string;
  ts?: string;
}

/** What rendering reads of an input's `output` (the codegen options default as the schema says). */
export type ModuleOutput = Pick<InputSpec["output"], "luau" | "dts" | "ts" | "style"> &
  Partial<Pick<InputSpec["output"], "extensions" | "keys" | "content">>;

/** The texts of the input's modules (only those its `output` names). */
export function renderInputModules(
  output: ModuleOutput,
  files: Iterable<ModuleFile>,
  lockfile: string,
): RenderedModules {
  // Keys below the input's base (default) or the project root; extensions stripped (default) or kept.
  // DPI variants (`icon@2x.png` beside `icon.png`) become one entry.
  const list = groupDpiVariants(
    [...files].map((f) => ({ key: output.keys === "project" ? f.file : f.key, value: f.value })),
  );
  const strip = output.extensions !== "keep";
  const tree = output.style === "flat" ? flatTree(list, strip) : nestedTree(list, strip);
  const out: RenderedModules = {};
  const content = output.content === true;
  if (output.luau !== undefined) out.luau = renderLuau(tree, lockfile, content);
  if (output.dts !== undefined) out.dts = renderDts(tree, lockfile, content);
  if (output.ts !== undefined) out.ts = renderTs(tree, lockfile);
  return out;
}

/** Renders and writes the input's modules; returns the project paths actually rewritten. */
export async function writeInputModules(
  root: string,
  output: ModuleOutput,
  files: Iterable<ModuleFile>,
  lockfile: string,
): Promise<string[]> {
  const rendered = renderInputModules(output, files, lockfile);
  const written: string[] = [];
  for (const kind of ["luau", "dts", "ts"] as const) {
    const path = output[kind];
    const text = rendered[kind];
    if (path === undefined || text === undefined) continue;
    if (await writeIfChanged(resolve(root, path), text)) written.push(path);
  }
  return written;
}
