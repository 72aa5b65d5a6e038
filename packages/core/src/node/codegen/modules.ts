// An input's generated modules: every file of the input with its value, in the input's style, written
// only where the text changed, or compared with what is on disk (`sync --check`). `sync --ts/--luau`
// without a project file comes here too, as one flat input.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { groupDpiVariants } from "./dpi.js";
import { type ModuleOutput, type RenderOptions, renderOptionsOf } from "./options.js";
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

/** A module on disk that is not what a sync would write, and why. */
export interface StaleModule {
  /** Project path of the module. */
  module: string;
  /**
   * `missing`: not on disk; `studio`: written by `--target studio` (machine-local `rbxasset://` paths);
   * `stale`: other text than a sync would write.
   */
  state: "missing" | "studio" | "stale";
}

const KINDS = ["luau", "dts", "ts"] as const;

/** The texts of the input's modules (only those its `output` names). */
export function renderInputModules(
  output: ModuleOutput,
  files: Iterable<ModuleFile>,
  lockfile: string,
): RenderedModules {
  const options = renderOptionsOf(output, lockfile);
  // Keys below the input's base (default) or the project root; extensions stripped (default) or kept.
  // DPI variants (`icon@2x.png` beside `icon.png`) become one entry.
  const list = groupDpiVariants(
    [...files].map((f) => ({ key: options.keys === "project" ? f.file : f.key, value: f.value })),
  );
  const strip = options.extensions !== "keep";
  const tree = options.style === "flat" ? flatTree(list, strip) : nestedTree(list, strip);
  const renderers = { luau: renderLuau, dts: renderDts, ts: renderTs } as const;
  const out: RenderedModules = {};
  for (const kind of KINDS) if (output[kind] !== undefined) out[kind] = renderers[kind](tree, options);
  return out;
}

/** What an input's modules are rendered from: its output, its files, and the lockfile's name. */
type ModuleSource = [output: ModuleOutput, files: Iterable<ModuleFile>, lockfile: string];

/** Renders and writes the input's modules; returns the project paths actually rewritten. */
export async function writeInputModules(root: string, ...source: ModuleSource): Promise<string[]> {
  const written: string[] = [];
  for (const [path, text] of renderedPaths(...source)) {
    if (await writeIfChanged(resolve(root, path), text)) written.push(path);
  }
  return written;
}

/** Compares the input's modules with what is on disk: every module a sync would not leave as it is. */
export async function checkInputModules(root: string, ...source: ModuleSource): Promise<StaleModule[]> {
  const stale: StaleModule[] = [];
  for (const [path, text] of renderedPaths(...source)) {
    const onDisk = await readFile(resolve(root, path), "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (onDisk === undefined) stale.push({ module: path, state: "missing" });
    else if (onDisk !== text) {
      stale.push({ module: path, state: onDisk.includes('"rbxasset://') ? "studio" : "stale" });
    }
  }
  return stale;
}

/** `sync --ts F --luau F` without a project file: one flat input of every synced file. */
export function flatOutput(targets: { typescript?: string; luau?: string }): ModuleOutput {
  // Keyed by project path as given (`"ui/logo.png"`): without a project file there is no input's base, and
  // code written against these modules reads whole paths.
  return {
    style: "flat",
    extensions: "keep",
    ...(targets.typescript ? { ts: targets.typescript } : {}),
    ...(targets.luau ? { luau: targets.luau } : {}),
  };
}

/** Each module the input's `output` names, with its text. */
function renderedPaths(...[output, files, lockfile]: ModuleSource): [path: string, text: string][] {
  const rendered = renderInputModules(output, files, lockfile);
  const pairs: [string, string][] = [];
  for (const kind of KINDS) {
    const path = output[kind];
    const text = rendered[kind];
    if (path !== undefined && text !== undefined) pairs.push([path, text]);
  }
  return pairs;
}

export type { ModuleOutput, RenderOptions };
