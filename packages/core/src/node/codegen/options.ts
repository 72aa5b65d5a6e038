// What a generated module's text depends on besides its files: the input's `output` settings and the
// lockfile it comes from. One object, threaded from the tree through every renderer, so that a new
// codegen option is one field here and its use where it matters.
import type { CodegenStyle } from "../project/schema.js";

/** Where an input's modules go, and how they are shaped (the project file's `output`). */
export interface ModuleOutput {
  luau?: string;
  dts?: string;
  ts?: string;
  style: CodegenStyle;
  /** `"strip"` (default): keys without the file extension; `"keep"`: with it. */
  extensions?: "strip" | "keep" | undefined;
  /** `"input"` (default): keys relative to the input's base; `"project"`: to the project root. */
  keys?: "input" | "project" | undefined;
  /** Plain references as `Content` values (`Content.fromUri(...)` in Luau, `Content` in `.d.ts`). */
  content?: boolean | undefined;
}

export interface RenderOptions {
  style: CodegenStyle;
  extensions: "strip" | "keep";
  keys: "input" | "project";
  content: boolean;
  /** The lockfile's file name, named in each module's header. */
  lockfile: string;
}

export function renderOptionsOf(output: ModuleOutput, lockfile: string): RenderOptions {
  return {
    style: output.style,
    extensions: output.extensions ?? "strip",
    keys: output.keys ?? "input",
    content: output.content === true,
    lockfile,
  };
}
