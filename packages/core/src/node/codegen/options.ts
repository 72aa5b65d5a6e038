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
}

export interface RenderOptions {
  style: CodegenStyle;
  /** The lockfile's file name, named in each module's header. */
  lockfile: string;
}

export function renderOptionsOf(output: ModuleOutput, lockfile: string): RenderOptions {
  return { style: output.style, lockfile };
}
