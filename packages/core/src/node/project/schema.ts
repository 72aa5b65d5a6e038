// The project file's shape (`rbxassets.config.*`), declared once with valibot: the types a project file is
// written against (`defineConfig`) and the checks that turn whatever a file exports into a spec, or into
// one line per problem (schema-check.ts), both come from the declaration below. Adding a key is adding it
// here: its type, its check and its message; unknown-key detection reads the same entries.
import { limits } from "@rbxassets/spec";
import * as v from "valibot";
import { type ImageAssetType, imageAssetTypes } from "../../spec-facts.js";
import { parseCreator } from "../config.js";
import { describeValue as describe, type Message, says } from "./schema-words.js";

/** Input names are typed on the command line (`rbxassets sync ui`) and appear in messages. */
export const INPUT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** Atlas sides the process stage packs: below the largest image the API takes (the spec's limit). */
const MIN_ATLAS_SIZE = 16;
const MAX_ATLAS_SIZE = limits.maxImageDimension - 1;

/** `<what the value is not> — <fix>`: the message of every check of one key. */
const notA = (noun: string, fix: string): Message =>
  says((input) => `${describe(input)} is not ${noun}`, fix);
/** `is <the value> — <fix>`: for a value of the wrong kind where an object belongs. */
const isNot = (fix: string): Message => says((input) => `is ${describe(input)}`, fix);

/** A whole number in a range, one message for every way it can be wrong. */
function wholeNumber(min: number, max: number, message: Message) {
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

const GLOBS_FIX = 'write e.g. "assets/ui/**/*.png" or ["assets/**/*.png", "icons/*.svg"]';
const outside = (globs: readonly string[]) =>
  globs.find((g) => g.startsWith("/") || /^[A-Za-z]:[\\/]/.test(g) || g.split("/").includes(".."));

/** A glob or a list of globs relative to the root; always a list once read, without a leading `./`. */
const globList = v.pipe(
  v.union([v.string(), v.array(v.string())], notA("a glob or a list of globs", GLOBS_FIX)),
  v.transform((value): string[] => (typeof value === "string" ? [value] : value)),
  v.check(
    (list) => list.length > 0 && list.every((g) => g.trim() !== ""),
    notA("a glob or a list of globs", GLOBS_FIX),
  ),
  v.check(
    (list) => outside(list) === undefined,
    says(
      (list) => `${JSON.stringify(outside(list as string[]))} reaches outside the project`,
      "write globs relative to the project root, without .. or a leading /",
    ),
  ),
  v.transform((list) => list.map((g) => (g.startsWith("./") ? g.slice(2) : g))),
);

const spritesheetSchema = v.union(
  [
    v.boolean(),
    v.looseObject({
      /** Largest atlas side, in pixels. */
      maxSize: v.optional(
        wholeNumber(
          MIN_ATLAS_SIZE,
          MAX_ATLAS_SIZE,
          notA(
            "a size in pixels",
            `write a whole number from ${MIN_ATLAS_SIZE} to ${MAX_ATLAS_SIZE}, e.g. 1024`,
          ),
        ),
      ),
      /** Pixels between packed images. */
      padding: v.optional(
        wholeNumber(0, 64, notA("a padding in pixels", "write a whole number from 0 to 64, e.g. 2")),
      ),
    }),
  ],
  notA("a spritesheet setting", "write false, true, or { maxSize: 1024, padding: 2 }"),
);

/** A module path with the given ending, relative to the root. */
function modulePath(ok: (path: string) => boolean, example: string) {
  const message = notA(
    `a ${example.slice(example.lastIndexOf("."))} path`,
    `write a path relative to the root, e.g. "${example}"`,
  );
  return v.optional(
    v.pipe(
      v.string(message),
      v.check((p) => p.trim() !== "" && ok(p), message),
    ),
  );
}

const outputSchema = v.looseObject(
  {
    /** A Luau module (`.luau` or `.lua`), path relative to the project root. */
    luau: modulePath((p) => p.endsWith(".luau") || p.endsWith(".lua"), "src/shared/UI.luau"),
    /** roblox-ts declarations for the Luau module (`.d.ts`). */
    dts: modulePath((p) => p.endsWith(".d.ts"), "src/shared/UI.d.ts"),
    /** A plain TypeScript module, for web and Node code. */
    ts: modulePath((p) => p.endsWith(".ts") && !p.endsWith(".d.ts"), "src/ui.ts"),
    /** `"nested"` (default): tables by folder; `"flat"`: keys are project paths. */
    style: v.optional(
      v.picklist(
        ["nested", "flat"],
        notA("a style", 'write "nested" (tables by folder, the default) or "flat" (path keys)'),
      ),
      "nested",
    ),
    /** `"strip"` (default): keys without the file extension; `"keep"`: with it. */
    extensions: v.optional(
      v.picklist(
        ["strip", "keep"],
        notA("a choice here", 'write "strip" (keys without extension, the default) or "keep"'),
      ),
      "strip",
    ),
    /** `"input"` (default): keys relative to the input's base; `"project"`: to the project root. */
    keys: v.optional(
      v.picklist(
        ["input", "project"],
        notA("a choice here", 'write "input" (below the input\'s base, the default) or "project"'),
      ),
      "input",
    ),
    /** Luau values `Content.fromUri("rbxassetid://N")` (type `Content` in `.d.ts`) instead of strings. */
    content: v.optional(v.boolean(notA("a boolean", "write true or false")), false),
  },
  isNot('write an object, e.g. { luau: "src/shared/UI.luau" }'),
);

/** What a Roblox model file (`.rbxm`, `.rbxmx`) can be uploaded as. */
export type ModelAssetType = "Model" | "Animation";
const MODEL_ASSET_TYPES = ["Model", "Animation"] as const satisfies readonly ModelAssetType[];

/** A path below the input's base, with `/` separators and no leading `./`. */
const cleanPath = (path: string) => path.replaceAll("\\", "/").replace(/^\.\//, "");
const existingSchema = v.pipe(
  v.record(
    v.pipe(
      v.string(),
      v.check(
        (path) => {
          const clean = cleanPath(path);
          return clean !== "" && !clean.startsWith("/") && !clean.split("/").includes("..");
        },
        says(() => "is not a path below the input's base", 'write e.g. "icons/logo.png"'),
      ),
    ),
    v.union(
      [v.pipe(v.number(), v.integer(), v.minValue(1)), v.pipe(v.string(), v.regex(/^[1-9]\d*$/))],
      notA("an asset id", "write the asset's id, e.g. 123456789"),
    ),
    isNot('write an object of paths to asset ids, e.g. { "logo.png": 123 }'),
  ),
  v.transform(
    (entries): Record<string, string> =>
      Object.fromEntries(Object.entries(entries).map(([path, id]) => [cleanPath(path), String(id)])),
  ),
);

const GRANT_FIX = "write { experiences: [1234567890] } with each experience's universe id";
const isUniverseId = (id: unknown) =>
  (typeof id === "string" && /^\d{1,19}$/.test(id.trim())) ||
  (typeof id === "number" && Number.isSafeInteger(id) && id > 0);

/** Experiences that may use the assets: each is granted `Use` after upload (asset-permissions API). */
const grantSchema = v.looseObject(
  {
    /** Universe ids (an experience's settings show it; a place id is not one). */
    experiences: v.pipe(
      v.array(v.union([v.string(), v.number()]), notA("a list of universe ids", GRANT_FIX)),
      v.check(
        (list) => list.length > 0 && list.every(isUniverseId),
        notA("a list of universe ids", GRANT_FIX),
      ),
      v.transform((list) => list.map((id) => String(id).trim())),
    ),
  },
  isNot(GRANT_FIX),
);

/** `creationContext.assetPrivacy` of new assets; `openUse` lets every experience use them, irreversibly. */
const privacySchema = v.picklist(
  ["default", "restricted", "openUse"],
  notA("an asset privacy", 'write "default", "restricted" or "openUse" (openUse cannot be undone)'),
);

const inputSchema = v.looseObject(
  {
    /** A glob or globs, relative to the project root. */
    include: globList,
    exclude: v.optional(globList),
    /**
     * Images: `Image` (default) or `Decal`. Roblox model files: `Model` or `Animation` (default: `Animation`
     * when the file's root is a KeyframeSequence or CurveAnimation).
     */
    assetType: v.optional(
      v.picklist(
        [...imageAssetTypes, ...MODEL_ASSET_TYPES],
        notA(
          "an asset type for an input",
          `write ${imageAssetTypes.map((type, n) => (n === 0 ? `"${type}" (the default)` : `"${type}"`)).join(" or ")} for images, "Model" or "Animation" for .rbxm/.rbxmx`,
        ),
      ),
      "Image",
    ),
    /** Alpha bleeding of images with transparent pixels (default true). */
    alphaBleed: v.optional(v.boolean(notA("a boolean", "write true (the default for images) or false"))),
    /** Pack the images into atlases: `true` for the defaults, or the sizes (default false). */
    spritesheet: v.optional(spritesheetSchema),
    output: v.optional(outputSchema, { style: "nested", extensions: "strip", keys: "input", content: false }),
    /** Files already on Roblox (path below the input's base → asset id): never uploaded, always in modules. */
    existing: v.optional(existingSchema, {}),
    /** Experiences granted `Use` of this input's assets, besides the project's own `grant`. */
    grant: v.optional(grantSchema),
    /** Privacy of this input's new assets. Default: none sent (the creator's own default). */
    privacy: v.optional(privacySchema),
  },
  isNot('write an object, e.g. { include: "assets/ui/**/*.png" }'),
);

export const projectSchema = v.looseObject(
  {
    /** `user:<id>` or `group:<id>`, like RBXASSETS_CREATOR (which wins over it). */
    creator: v.optional(
      v.pipe(
        v.string(notA("a creator", 'write "user:<id>" or "group:<id>", e.g. "group:123"')),
        v.check(
          (c) => parseCreator(c) !== undefined,
          notA("a creator", 'write "user:<id>" or "group:<id>", e.g. "group:123"'),
        ),
        v.trim(),
      ),
    ),
    /** Lockfile path relative to the root. Default `rbxassets.lock.json`. */
    lockfile: v.optional(
      v.pipe(
        v.string(notA("a lockfile path", 'write a .json path, e.g. "rbxassets.lock.json"')),
        v.check(
          (p) => p.trim() !== "" && p.endsWith(".json"),
          notA("a lockfile path", 'write a .json path, e.g. "rbxassets.lock.json"'),
        ),
      ),
    ),
    /** Experiences granted `Use` of every input's assets after upload. */
    grant: v.optional(grantSchema),
    /** Named groups of files; a bare `rbxassets sync` syncs them all. */
    inputs: v.optional(
      v.record(
        v.pipe(
          v.string(),
          v.regex(
            INPUT_NAME,
            says(
              (name) => `${JSON.stringify(name)} is not a usable input name`,
              "use letters, digits, _, . and - (it is typed as rbxassets sync <name>)",
            ),
          ),
        ),
        inputSchema,
        isNot('write an object of named inputs: inputs: { ui: { include: "assets/ui/**/*.png" } }'),
      ),
      {},
    ),
  },
  says(
    (value) => `is ${describe(value)}, not an object`,
    "export an object: export default defineConfig({ inputs: { ... } })",
  ),
);

/** The fix for a required key left out, by key. */
export const MISSING_FIX: Readonly<Record<string, string>> = {
  experiences: "write the experiences' universe ids, e.g. experiences: [1234567890]",
  include: 'write a glob or a list of globs relative to the root, e.g. "assets/ui/**/*.png"',
};

/** What the file-system checks still need when the file has problems: each input's globs and outputs. */
export const checkableInputSchema = v.pick(inputSchema, ["include", "exclude"]);
export const checkableOutputSchema = inputSchema.entries.output;
export const checkableProjectSchema = v.pick(projectSchema, ["lockfile"]);

export type ProjectConfig = v.InferInput<typeof projectSchema>;
export type InputConfig = v.InferInput<typeof inputSchema>;
export type OutputConfig = v.InferInput<typeof outputSchema>;
export type SpritesheetOptions = Exclude<v.InferInput<typeof spritesheetSchema>, boolean>;
export type GrantConfig = v.InferInput<typeof grantSchema>;
export type AssetPrivacySetting = v.InferOutput<typeof privacySchema>;
export type CodegenStyle = NonNullable<OutputConfig["style"]>;
/** How an input's images are processed before upload; the pipeline's process stage reads these. */
export type ProcessingOptions = Pick<InputConfig, "alphaBleed" | "spritesheet">;

/** Identity at run time; gives a project file its types: `export default defineConfig({ ... })`. */
export function defineConfig<const T extends ProjectConfig>(config: T): T {
  return config;
}

type ParsedInput = v.InferOutput<typeof inputSchema>;

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
  /** The project's and the input's experiences together, each once; absent when none. */
  grant?: { experiences: string[] };
  privacy?: AssetPrivacySetting;
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

/** A parsed input in the form the rest of the project reads (processing options grouped). */
export function inputSpec(name: string, input: ParsedInput, projectGrant?: readonly string[]): InputSpec {
  const { include, exclude, assetType, alphaBleed, spritesheet, output, existing, grant, privacy } = input;
  const { luau, dts, ts, style, extensions, keys, content } = output;
  const model = (MODEL_ASSET_TYPES as readonly string[]).includes(assetType);
  const experiences = [...new Set([...(projectGrant ?? []), ...(grant?.experiences ?? [])])];
  return {
    name,
    include,
    exclude: exclude ?? [],
    assetType: model ? "Image" : (assetType as ImageAssetType),
    ...(model && { modelAssetType: assetType as ModelAssetType }),
    existing,
    processing: {
      ...(alphaBleed !== undefined && { alphaBleed }),
      ...(spritesheet !== undefined && { spritesheet }),
    },
    output: {
      ...(luau !== undefined && { luau }),
      ...(dts !== undefined && { dts }),
      ...(ts !== undefined && { ts }),
      style,
      extensions,
      keys,
      content,
    },
    ...(experiences.length > 0 && { grant: { experiences } }),
    ...(privacy !== undefined && { privacy }),
  };
}
