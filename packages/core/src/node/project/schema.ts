// The project file's shape (`rbxassets.config.*`), and the typed validator that turns whatever a file
// exports into that shape or into one line per problem.
import { limits } from "@rbxassets/spec";
import { type ImageAssetType, imageAssetTypes } from "../../spec-facts.js";
import { parseCreator } from "../config.js";

export type CodegenStyle = "nested" | "flat";

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
  /** `"nested"` (default): tables by folder; `"flat"`: keys are project paths. */
  style?: CodegenStyle;
}

/** Experiences that may use the assets: each is granted `Use` after upload (asset-permissions API). */
export interface GrantConfig {
  /** Universe ids (an experience's settings show it; a place id is not one). */
  experiences: Array<string | number>;
}

/** `creationContext.assetPrivacy` of new assets; `openUse` lets every experience use them, irreversibly. */
export type AssetPrivacySetting = "default" | "restricted" | "openUse";

export interface InputConfig extends ProcessingOptions {
  /** A glob or globs, relative to the project root. */
  include: string | string[];
  exclude?: string | string[];
  /** Images only: `Image` (default) or `Decal`. */
  assetType?: ImageAssetType;
  output?: OutputConfig;
  /** Experiences granted `Use` of this input's assets, besides the project's own `grant`. */
  grant?: GrantConfig;
  /** Privacy of this input's new assets. Default: none sent (the creator's own default). */
  privacy?: AssetPrivacySetting;
}

export interface ProjectConfig {
  /** `user:<id>` or `group:<id>`, like RBXASSETS_CREATOR (which wins over it). */
  creator?: string;
  /** Lockfile path relative to the root. Default `rbxassets.lock.json`. */
  lockfile?: string;
  /** Named groups of files; a bare `rbxassets sync` syncs them all. */
  inputs?: Record<string, InputConfig>;
  /** Experiences granted `Use` of every input's assets after upload. */
  grant?: GrantConfig;
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
  processing: ProcessingOptions;
  output: { luau?: string; dts?: string; ts?: string; style: CodegenStyle };
  /** The project's and the input's experiences together, each once; absent when none. */
  grant?: { experiences: string[] };
  privacy?: AssetPrivacySetting;
}

export interface ProjectSpec {
  creator?: string;
  lockfile?: string;
  inputs: InputSpec[];
}

const PROJECT_KEYS = ["creator", "lockfile", "inputs", "grant"] as const;
const INPUT_KEYS = [
  "include",
  "exclude",
  "assetType",
  "alphaBleed",
  "spritesheet",
  "output",
  "grant",
  "privacy",
] as const;
const GRANT_KEYS = ["experiences"] as const;
const PRIVACIES: readonly AssetPrivacySetting[] = ["default", "restricted", "openUse"];
const OUTPUT_KEYS = ["luau", "dts", "ts", "style"] as const;
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
  const projectGrant = checkGrant(value.grant, "grant", problem);
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
        if (checked) spec.inputs.push(withGrant(checked, projectGrant));
      }
    }
  }
  return problems.length > 0 ? { problems } : { spec, problems };
}

/** Reports one problem; `count` says how many so far (an input is kept only if it added none). */
type Problem = ((key: string, what: string, fix: string) => void) & { count(): number };

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
  if (value.assetType !== undefined) {
    if (imageAssetTypes.includes(value.assetType as ImageAssetType))
      assetType = value.assetType as ImageAssetType;
    else
      problem(
        `${at}.assetType`,
        `${describe(value.assetType)} is not an image asset type`,
        `write ${imageAssetTypes.map((type, n) => (n === 0 ? `"${type}" (the default)` : `"${type}"`)).join(" or ")}`,
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
  const grant = checkGrant(value.grant, `${at}.grant`, problem);
  let privacy: AssetPrivacySetting | undefined;
  if (value.privacy !== undefined) {
    if (PRIVACIES.includes(value.privacy as AssetPrivacySetting))
      privacy = value.privacy as AssetPrivacySetting;
    else
      problem(
        `${at}.privacy`,
        `${describe(value.privacy)} is not an asset privacy`,
        'write "default", "restricted" or "openUse" (openUse cannot be undone)',
      );
  }
  if (problem.count() > before || !include || !exclude || !output) return undefined;
  return {
    name,
    include,
    exclude,
    assetType,
    processing,
    output,
    ...(grant ? { grant: { experiences: grant } } : {}),
    ...(privacy ? { privacy } : {}),
  };
}

/** `grant: { experiences: [...] }` -> the universe ids as digit strings, or undefined (absent or wrong). */
function checkGrant(value: unknown, at: string, problem: Problem): string[] | undefined {
  if (value === undefined) return undefined;
  const example = "write { experiences: [1234567890] } with each experience's universe id";
  if (!isRecord(value)) {
    problem(at, `is ${describe(value)}`, example);
    return undefined;
  }
  unknownKeys(value, GRANT_KEYS, `${at}.`, problem);
  const list = value.experiences;
  const valid = (id: unknown) =>
    (typeof id === "string" && /^\d{1,19}$/.test(id.trim())) ||
    (typeof id === "number" && Number.isSafeInteger(id) && id > 0);
  if (!Array.isArray(list) || list.length === 0 || !list.every(valid)) {
    problem(`${at}.experiences`, `${describe(list)} is not a list of universe ids`, example);
    return undefined;
  }
  return list.map((id) => String(id).trim());
}

/** The input's experiences and the project's, each once. */
function withGrant(input: InputSpec, project: string[] | undefined): InputSpec {
  if (!project) return input;
  const experiences = [...new Set([...project, ...(input.grant?.experiences ?? [])])];
  return { ...input, grant: { experiences } };
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
  const output: InputSpec["output"] = { style: "nested" };
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

function unknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
  problem: Problem,
) {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => closeEnough(k, key));
    problem(
      `${prefix}${key}`,
      "is not a known key",
      near
        ? `did you mean "${near}"? (keys here: ${known.join(", ")})`
        : `remove it (keys here: ${known.join(", ")})`,
    );
  }
}

/** Damerau-free edit distance of at most 2, or the same letters in another case: a likely typo. */
function closeEnough(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 2) return false;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = [i];
    for (let j = 1; j <= n; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[n]! <= 2;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return JSON.stringify(value) ?? String(value);
}
