// The project file's shape (`rbxassets.config.*`), and the typed validator that turns whatever a file
// exports into that shape or into one line per problem.
import { limits } from "@rbxassets/spec";
import { type ImageAssetType, imageAssetTypes } from "../../spec-facts.js";
import { parseCreator } from "../config.js";
import { describe, isInteger, isRecord, type Problem, unknownKeys } from "./schema-checks.js";

export type CodegenStyle = "nested" | "flat";
/** What a Roblox model file (`.rbxm`, `.rbxmx`) can be uploaded as. */
export type ModelAssetType = "Model" | "Animation";
const MODEL_ASSET_TYPES: readonly ModelAssetType[] = ["Model", "Animation"];

export interface SpritesheetOptions {
  /** Largest atlas side, in pixels. */
  maxSize?: number;
  /** Pixels between packed images. */
  padding?: number;
}

/** How an input's images are processed before upload; the pipeline's process stage reads these. */
export interface ProcessingOptions {
  alphaBleed?: boolean;
  spritesheet?: boolean | SpritesheetOptions;
}

export interface OutputConfig {
  /** A Luau module (`.luau` or `.lua`), path relative to the project root. */
  luau?: string;
  /** roblox-ts declarations for the Luau module (`.d.ts`). */
  dts?: string;
  /** A plain TypeScript module, for web and Node code. */
  ts?: string;
  /** `"nested"` (default): tables by folder; `"flat"`: one level of path keys. */
  style?: CodegenStyle;
  /** `"strip"` (default): keys without the file extension; `"keep"`: with it. */
  extensions?: "strip" | "keep";
  /** `"input"` (default): keys relative to the input's base; `"project"`: to the project root. */
  keys?: "input" | "project";
  /** Luau values `Content.fromUri("rbxassetid://N")` (type `Content` in `.d.ts`) instead of strings. */
  content?: boolean;
}

export interface InputConfig extends ProcessingOptions {
  /** A glob or globs, relative to the project root. */
  include: string | string[];
  exclude?: string | string[];
  /**
   * Images: `Image` (default) or `Decal`. Roblox model files: `Model` or `Animation` (default: `Animation`
   * when the file's root is a KeyframeSequence or CurveAnimation).
   */
  assetType?: ImageAssetType | ModelAssetType;
  output?: OutputConfig;
  /** Files already on Roblox, by path relative to the input's base: never uploaded, always in the modules. */
  existing?: Record<string, number | string>;
}

export interface ProjectConfig {
  /** `user:<id>` or `group:<id>`, like RBXASSETS_CREATOR (which wins over it). */
  creator?: string;
  /** Lockfile path relative to the root. Default `rbxassets.lock.json`. */
  lockfile?: string;
  /** Named groups of files; a bare `rbxassets sync` syncs them all. */
  inputs?: Record<string, InputConfig>;
}

/** Identity at run time; gives a project file its types: `export default defineConfig({ ... })`. */
export function defineConfig<const T extends ProjectConfig>(config: T): T {
  return config;
}

/** An input as the rest of the project sees it: every default applied, lists always lists. */
export interface InputSpec {
  name: string;
  include: string[];
  exclude: string[];
  assetType: ImageAssetType;
  /** An explicit type for the input's model files; absent: their content decides. */
  modelAssetType?: ModelAssetType;
  processing: ProcessingOptions;
  output: ModuleOptions;
  /** Path below the input's base → asset id (digits). */
  existing: Record<string, string>;
}

/** An input's `output` with every default applied. */
export interface ModuleOptions {
  luau?: string;
  dts?: string;
  ts?: string;
  style: CodegenStyle;
  extensions: "strip" | "keep";
  keys: "input" | "project";
  content: boolean;
}

export interface ProjectSpec {
  creator?: string;
  lockfile?: string;
  inputs: InputSpec[];
}

const PROJECT_KEYS = ["creator", "lockfile", "inputs"] as const;
const INPUT_KEYS = [
  "include",
  "exclude",
  "assetType",
  "alphaBleed",
  "spritesheet",
  "output",
  "existing",
] as const;
const OUTPUT_KEYS = ["luau", "dts", "ts", "style", "extensions", "keys", "content"] as const;
const SPRITESHEET_KEYS = ["maxSize", "padding"] as const;
const STYLES: readonly CodegenStyle[] = ["nested", "flat"];
/** Input names are typed on the command line (`rbxassets sync ui`) and appear in messages. */
const INPUT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** Atlas sides the process stage packs: below the largest image the API takes (the spec's limit). */
const MIN_ATLAS_SIZE = 16;
const MAX_ATLAS_SIZE = limits.maxImageDimension - 1;

/**
 * Checks the whole exported value: every problem is collected (not only the first), each as
 * `<key>: <what is wrong> — <what to write instead>`. Only when there is none is a spec returned.
 */
export function checkProjectConfig(value: unknown): { spec?: ProjectSpec; problems: string[] } {
  const problems: string[] = [];
  const problem: Problem = Object.assign(
    (key: string, what: string, fix: string) => void problems.push(`${key}: ${what} — ${fix}`),
    { count: () => problems.length },
  );
  if (!isRecord(value)) {
    problem(
      "default export",
      `is ${describe(value)}, not an object`,
      "export an object: export default defineConfig({ inputs: { ... } })",
    );
    return { problems };
  }
  unknownKeys(value, PROJECT_KEYS, "", problem);
  const spec: ProjectSpec = { inputs: [] };

  if (value.creator !== undefined) {
    if (typeof value.creator !== "string" || parseCreator(value.creator) === undefined) {
      problem(
        "creator",
        `${describe(value.creator)} is not a creator`,
        'write "user:<id>" or "group:<id>", e.g. "group:123"',
      );
    } else spec.creator = value.creator.trim();
  }
  if (value.lockfile !== undefined) {
    if (
      typeof value.lockfile !== "string" ||
      value.lockfile.trim() === "" ||
      !value.lockfile.endsWith(".json")
    ) {
      problem(
        "lockfile",
        `${describe(value.lockfile)} is not a lockfile path`,
        'write a .json path, e.g. "rbxassets.lock.json"',
      );
    } else spec.lockfile = value.lockfile;
  }
  if (value.inputs !== undefined) {
    if (!isRecord(value.inputs)) {
      problem(
        "inputs",
        `is ${describe(value.inputs)}`,
        'write an object of named inputs: inputs: { ui: { include: "assets/ui/**/*.png" } }',
      );
    } else {
      for (const [name, input] of Object.entries(value.inputs)) {
        const checked = checkInput(name, input, problem);
        if (checked) spec.inputs.push(checked);
      }
    }
  }
  return problems.length > 0 ? { problems } : { spec, problems };
}

function checkInput(name: string, value: unknown, problem: Problem): InputSpec | undefined {
  const at = `inputs.${name}`;
  const before = problem.count();
  if (!INPUT_NAME.test(name)) {
    problem(
      at,
      `${JSON.stringify(name)} is not a usable input name`,
      "use letters, digits, _, . and - (it is typed as rbxassets sync <name>)",
    );
  }
  if (!isRecord(value)) {
    problem(at, `is ${describe(value)}`, 'write an object, e.g. { include: "assets/ui/**/*.png" }');
    return undefined;
  }
  unknownKeys(value, INPUT_KEYS, `${at}.`, problem);
  const include = globList(value.include, `${at}.include`, true, problem);
  const exclude = value.exclude === undefined ? [] : globList(value.exclude, `${at}.exclude`, false, problem);
  let assetType: ImageAssetType = "Image";
  let modelAssetType: ModelAssetType | undefined;
  if (value.assetType !== undefined) {
    if (imageAssetTypes.includes(value.assetType as ImageAssetType))
      assetType = value.assetType as ImageAssetType;
    else if (MODEL_ASSET_TYPES.includes(value.assetType as ModelAssetType))
      modelAssetType = value.assetType as ModelAssetType;
    else
      problem(
        `${at}.assetType`,
        `${describe(value.assetType)} is not an asset type for an input`,
        `write ${imageAssetTypes.map((type, n) => (n === 0 ? `"${type}" (the default)` : `"${type}"`)).join(" or ")} for images, "Model" or "Animation" for .rbxm/.rbxmx`,
      );
  }
  const processing: ProcessingOptions = {};
  if (value.alphaBleed !== undefined) {
    if (typeof value.alphaBleed === "boolean") processing.alphaBleed = value.alphaBleed;
    else
      problem(
        `${at}.alphaBleed`,
        `${describe(value.alphaBleed)} is not a boolean`,
        "write true (the default for images) or false",
      );
  }
  if (value.spritesheet !== undefined) {
    const sheet = checkSpritesheet(value.spritesheet, `${at}.spritesheet`, problem);
    if (sheet !== undefined) processing.spritesheet = sheet;
  }
  const output = checkOutput(value.output, `${at}.output`, problem);
  const existing = checkExisting(value.existing, `${at}.existing`, problem);
  if (problem.count() > before || !include || !exclude || !output) return undefined;
  return {
    name,
    include,
    exclude,
    assetType,
    ...(modelAssetType ? { modelAssetType } : {}),
    processing,
    output,
    existing,
  };
}

function checkExisting(value: unknown, at: string, problem: Problem): Record<string, string> {
  const existing: Record<string, string> = {};
  if (value === undefined) return existing;
  if (!isRecord(value)) {
    problem(at, `is ${describe(value)}`, 'write an object of paths to asset ids, e.g. { "logo.png": 123 }');
    return existing;
  }
  for (const [path, id] of Object.entries(value)) {
    const clean = path.replaceAll("\\", "/").replace(/^\.\//, "");
    if (clean === "" || clean.startsWith("/") || clean.split("/").includes("..")) {
      problem(`${at}.${path}`, "is not a path below the input's base", 'write e.g. "icons/logo.png"');
    } else if ((isInteger(id) && id > 0) || (typeof id === "string" && /^[1-9]\d*$/.test(id))) {
      existing[clean] = String(id);
    } else {
      problem(`${at}.${path}`, `${describe(id)} is not an asset id`, "write the asset's id, e.g. 123456789");
    }
  }
  return existing;
}

function checkSpritesheet(
  value: unknown,
  at: string,
  problem: Problem,
): InputSpec["processing"]["spritesheet"] {
  if (typeof value === "boolean") return value;
  if (!isRecord(value)) {
    problem(
      at,
      `${describe(value)} is not a spritesheet setting`,
      "write false, true, or { maxSize: 1024, padding: 2 }",
    );
    return undefined;
  }
  unknownKeys(value, SPRITESHEET_KEYS, `${at}.`, problem);
  const sheet: SpritesheetOptions = {};
  if (value.maxSize !== undefined) {
    if (isInteger(value.maxSize) && value.maxSize >= MIN_ATLAS_SIZE && value.maxSize <= MAX_ATLAS_SIZE)
      sheet.maxSize = value.maxSize;
    else
      problem(
        `${at}.maxSize`,
        `${describe(value.maxSize)} is not a size in pixels`,
        `write a whole number from ${MIN_ATLAS_SIZE} to ${MAX_ATLAS_SIZE}, e.g. 1024`,
      );
  }
  if (value.padding !== undefined) {
    if (isInteger(value.padding) && value.padding >= 0 && value.padding <= 64) sheet.padding = value.padding;
    else
      problem(
        `${at}.padding`,
        `${describe(value.padding)} is not a padding in pixels`,
        "write a whole number from 0 to 64, e.g. 2",
      );
  }
  return sheet;
}

function checkOutput(value: unknown, at: string, problem: Problem): InputSpec["output"] | undefined {
  const output: InputSpec["output"] = { style: "nested", extensions: "strip", keys: "input", content: false };
  if (value === undefined) return output;
  if (!isRecord(value)) {
    problem(at, `is ${describe(value)}`, 'write an object, e.g. { luau: "src/shared/UI.luau" }');
    return undefined;
  }
  unknownKeys(value, OUTPUT_KEYS, `${at}.`, problem);
  const path = (key: "luau" | "dts" | "ts", ok: (p: string) => boolean, example: string) => {
    const given = value[key];
    if (given === undefined) return;
    if (typeof given === "string" && given.trim() !== "" && ok(given)) output[key] = given;
    else
      problem(
        `${at}.${key}`,
        `${describe(given)} is not a ${example.slice(example.lastIndexOf("."))} path`,
        `write a path relative to the root, e.g. "${example}"`,
      );
  };
  path("luau", (p) => p.endsWith(".luau") || p.endsWith(".lua"), "src/shared/UI.luau");
  path("dts", (p) => p.endsWith(".d.ts"), "src/shared/UI.d.ts");
  path("ts", (p) => p.endsWith(".ts") && !p.endsWith(".d.ts"), "src/ui.ts");
  if (value.style !== undefined) {
    if (STYLES.includes(value.style as CodegenStyle)) output.style = value.style as CodegenStyle;
    else
      problem(
        `${at}.style`,
        `${describe(value.style)} is not a style`,
        'write "nested" (tables by folder, the default) or "flat" (path keys)',
      );
  }
  const choice = <K extends "extensions" | "keys">(
    key: K,
    options: readonly ModuleOptions[K][],
    fix: string,
  ) => {
    const given = value[key];
    if (given === undefined) return;
    if (options.includes(given as ModuleOptions[K])) output[key] = given as ModuleOptions[K];
    else problem(`${at}.${key}`, `${describe(given)} is not a choice here`, fix);
  };
  choice("extensions", ["strip", "keep"], 'write "strip" (keys without extension, the default) or "keep"');
  choice("keys", ["input", "project"], 'write "input" (below the input\'s base, the default) or "project"');
  if (value.content !== undefined) {
    if (typeof value.content === "boolean") output.content = value.content;
    else problem(`${at}.content`, `${describe(value.content)} is not a boolean`, "write true or false");
  }
  return output;
}

function globList(value: unknown, at: string, required: boolean, problem: Problem): string[] | undefined {
  if (value === undefined && required) {
    problem(
      at,
      "is missing",
      'write a glob or a list of globs relative to the root, e.g. "assets/ui/**/*.png"',
    );
    return undefined;
  }
  const list = typeof value === "string" ? [value] : value;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    list.some((g) => typeof g !== "string" || g.trim() === "")
  ) {
    problem(
      at,
      `${describe(value)} is not a glob or a list of globs`,
      'write e.g. "assets/ui/**/*.png" or ["assets/**/*.png", "icons/*.svg"]',
    );
    return undefined;
  }
  const bad = (list as string[]).find(
    (g) => g.startsWith("/") || /^[A-Za-z]:[\\/]/.test(g) || g.split("/").includes(".."),
  );
  if (bad !== undefined) {
    problem(
      at,
      `${JSON.stringify(bad)} reaches outside the project`,
      "write globs relative to the project root, without .. or a leading /",
    );
    return undefined;
  }
  return (list as string[]).map((g) => (g.startsWith("./") ? g.slice(2) : g));
}
