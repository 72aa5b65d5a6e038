// What `rbxassets init` proposes for a folder: the folders that hold assets, where generated modules go
// (Rojo and roblox-ts projects have their places), the creator if one is configured, and the project
// file that results. No UI here: the CLI asks (or takes the proposals with --yes).
import { open, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { extensionInfo } from "../formats.js";
import { scanPaths } from "../scan.js";
import { findProjectFile } from "./loader.js";
import type { InputConfig, OutputConfig, ProjectConfig } from "./schema.js";
import { checkProjectConfig } from "./schema-check.js";

export interface FolderProposal {
  /** Top-level folder (project path) holding asset files. */
  folder: string;
  /** How many asset files it holds, and their extensions (sorted). */
  files: number;
  extensions: string[];
}

export type OutputProposal = "roblox-ts" | "rojo" | "typescript" | "none";

export interface InitProposal {
  folders: FolderProposal[];
  /** Output kinds that fit this project, the best first. */
  outputs: OutputProposal[];
  creator?: string;
  /** The project file's format: see `projectFileFormat`. */
  format: ProjectFileFormat;
}

/** `rbxassets.config.<format>`. */
export type ProjectFileFormat = "ts" | "mts" | "json";

export interface InitAnswers {
  folders: string[];
  output: OutputProposal;
  creator?: string;
}

/** Looks at the folder: assets by top-level folder (honouring .gitignore), Rojo, roblox-ts, package.json. */
export async function proposeProject(root: string, creator?: string): Promise<InitProposal> {
  const scan = await scanPaths(root, ["."]);
  const byFolder = new Map<string, { files: number; extensions: Set<string> }>();
  for (const absolute of scan.files) {
    const rel = absolute.slice(root.length + 1).split(/[\\/]/);
    if (rel.length < 2) continue;
    const folder = rel[0]!;
    const entry = byFolder.get(folder) ?? { files: 0, extensions: new Set<string>() };
    entry.files++;
    entry.extensions.add(absolute.slice(absolute.lastIndexOf(".") + 1).toLowerCase());
    byFolder.set(folder, entry);
  }
  const folders = [...byFolder]
    .map(([folder, { files, extensions }]) => ({ folder, files, extensions: [...extensions].sort() }))
    .sort((a, b) => (a.folder < b.folder ? -1 : 1));
  const pkg = await readJson(join(root, "package.json"));
  const rbxts = await isRobloxTs(root, pkg);
  const outputs = await proposeOutputs(root, pkg, rbxts);
  const format = projectFileFormat(pkg, rbxts);
  return { folders, outputs, ...(creator ? { creator } : {}), format };
}

/**
 * The format of a project file that loads wherever it lands:
 * - no package.json: JSON (no TypeScript tooling to type it);
 * - a roblox-ts project: JSON, which `rbxtsc` never compiles. Its tsconfig (the template's has no
 *   `include`) takes in every `.ts` and `.mts` file of the folder, and one outside `rootDir` fails the
 *   build (TS6059), as would its import of `@rbxassets/cli`, not a roblox-ts package;
 * - `"type": "module"`: `.ts`;
 * - CommonJS (`"type": "commonjs"`, what `npm init -y` writes) or no `"type"`: `.mts`, always ES module
 *   syntax to Node, where a `.ts` file would fail on `export` or warn (MODULE_TYPELESS_PACKAGE_JSON).
 */
export function projectFileFormat(
  pkg: Record<string, unknown> | undefined,
  robloxTs: boolean,
): ProjectFileFormat {
  if (!pkg || robloxTs) return "json";
  return pkg.type === "module" ? "ts" : "mts";
}

/** The output kinds that fit the project, the best first. */
async function proposeOutputs(
  root: string,
  pkg: Record<string, unknown> | undefined,
  robloxTs: boolean,
): Promise<OutputProposal[]> {
  if (robloxTs) return ["roblox-ts", "rojo", "none"];
  if (await hasRojoProject(root)) return ["rojo", "roblox-ts", "none"];
  if (!pkg) return ["rojo", "none"];
  if (await loadsTypeScript(root, pkg)) return ["typescript", "rojo", "none"];
  // Plain JavaScript, CommonJS or no "type": codegen writes Luau, roblox-ts declarations and TypeScript, and
  // none loads here (Node takes a `.ts` file of this package for CommonJS: it fails on `export`, or without
  // "type" warns and reparses it), nor does a Rojo project give Luau a place. So no module: the lockfile
  // keeps the ids (the bundler plugins and `pipeline.entries()` give them to JavaScript); Luau comes second.
  return ["none", "rojo"];
}

/** A Rojo project file (`default.project.json`, or any other `*.project.json`) in the root. */
async function hasRojoProject(root: string): Promise<boolean> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries.some((entry) => entry.isFile() && entry.name.endsWith(".project.json"));
}

/**
 * Whether the package can use a generated TypeScript module: it has TypeScript (a tsconfig, the compiler
 * among its dependencies), or it is an ES module package, where Node 22.18+ strips the types of a `.ts`
 * file and bundlers read it as they are.
 */
async function loadsTypeScript(root: string, pkg: Record<string, unknown>): Promise<boolean> {
  if (pkg.type === "module") return true;
  const deps = { ...(pkg.dependencies as object), ...(pkg.devDependencies as object) };
  return "typescript" in deps || exists(join(root, "tsconfig.json"));
}

/** A roblox-ts project: its compiler or types in package.json, or a tsconfig that types with `@rbxts`. */
async function isRobloxTs(root: string, pkg: Record<string, unknown> | undefined): Promise<boolean> {
  const deps = { ...(pkg?.dependencies as object), ...(pkg?.devDependencies as object) };
  if (["roblox-ts", "@rbxts/types", "@rbxts/compiler-types"].some((name) => name in deps)) return true;
  const tsconfig = await readFile(join(root, "tsconfig.json"), "utf8").catch(() => "");
  return tsconfig.includes("@rbxts");
}

/** The project file for these answers: one input per folder, named after it. */
export function configFor(proposal: InitProposal, answers: InitAnswers): ProjectConfig {
  const inputs: Record<string, InputConfig> = {};
  for (const folder of answers.folders) {
    const found = proposal.folders.find((f) => f.folder === folder);
    const extensions = found?.extensions.filter((e) => extensionInfo(e)) ?? ["png"];
    const glob = extensions.length === 1 ? extensions[0]! : `{${extensions.join(",")}}`;
    const name = inputName(folder);
    const output = outputFor(answers.output, name);
    inputs[name] = { include: `${folder}/**/*.${glob}`, ...(output ? { output } : {}) };
  }
  return { ...(answers.creator ? { creator: answers.creator } : {}), inputs };
}

function outputFor(kind: OutputProposal, name: string): OutputConfig | undefined {
  const module = name.charAt(0).toUpperCase() + name.slice(1);
  switch (kind) {
    case "roblox-ts":
      return { luau: `src/shared/${module}.luau`, dts: `src/shared/${module}.d.ts` };
    case "rojo":
      return { luau: `src/shared/${module}.luau` };
    case "typescript":
      return { ts: `src/${name}.ts` };
    default:
      return undefined;
  }
}

/** A folder name as an input name (what `rbxassets sync <name>` takes). */
function inputName(folder: string): string {
  const name = folder.replace(/[^A-Za-z0-9_.-]/g, "_").replace(/^[.-]+/, "");
  return name === "" ? "assets" : name;
}

/** The project file's text: JSON, or TypeScript typed by `satisfies` (a type-only import: no install needed to load it). */
export function renderProjectFile(config: ProjectConfig, format: ProjectFileFormat): string {
  const json = JSON.stringify(config, null, 2);
  if (format === "json") return `${json}\n`;
  return `import type { ProjectConfig } from "@rbxassets/cli";\n\nexport default ${json} satisfies ProjectConfig;\n`;
}

/**
 * Writes the project file, never over an existing one (any of the names, checked and created exclusively).
 * Returns its name.
 */
export async function writeProjectFile(
  root: string,
  config: ProjectConfig,
  format: ProjectFileFormat,
): Promise<string> {
  const existing = await findProjectFile(root);
  if (existing !== undefined) throw new ProjectFileExistsError(existing);
  const { problems } = checkProjectConfig(config);
  if (problems.length > 0) throw new Error(`init made an invalid project file: ${problems[0]}`);
  const name = `rbxassets.config.${format}`;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(join(root, name), "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new ProjectFileExistsError(name);
    throw error;
  }
  try {
    await handle.writeFile(renderProjectFile(config, format), "utf8");
  } finally {
    await handle.close();
  }
  return name;
}

export class ProjectFileExistsError extends Error {
  override name = "ProjectFileExistsError";
  constructor(readonly file: string) {
    super(
      `${file} already exists — edit it (init never overwrites a project file), or delete it to start over`,
    );
  }
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value = JSON.parse(await readFile(path, "utf8")) as unknown;
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
