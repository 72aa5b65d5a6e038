import { createFilter, type FilterPattern } from "@rollup/pluginutils";
import { defaultExtensions, extensionOf, isOptInExtension } from "./extensions.js";

/** The query that opts any supported file in, whatever `include`, `exclude` and `audio` say. */
export const OPT_IN_QUERY = "rbxasset";
/** Opts a file in as a sprite: it must have been packed into a spritesheet (the import is its rect). */
export const SPRITE_QUERY = "sprite";

/**
 * Query parameters that bundlers add to plain imports and that do not change what the import means: Vite's
 * dev server appends `?import` to non-JS imports and `t=<timestamp>` on HMR re-imports.
 */
const NEUTRAL_PARAMS = new Set(["import", "t"]);

export interface ImportMatcherOptions {
  include?: FilterPattern;
  exclude?: FilterPattern;
  audio?: boolean;
  /** Directory that relative `include`/`exclude` patterns are resolved against. */
  root: string;
}

export interface SplitId {
  /** The module id without its query. */
  file: string;
  /** The query without the leading `?`, "" when none. */
  query: string;
}

export function splitId(id: string): SplitId {
  const at = id.indexOf("?");
  return at === -1 ? { file: id, query: "" } : { file: id.slice(0, at), query: id.slice(at + 1) };
}

export function hasOptInQuery(query: string): boolean {
  const params = new URLSearchParams(query);
  return params.has(OPT_IN_QUERY) || params.has(SPRITE_QUERY);
}

/**
 * Decides which module ids the plugin turns into asset ids: returns the file to upload, or undefined to leave
 * the id to the bundler. A query that the bundler owns (`?url`, `?raw`, `?inline`, `?worker`, ...) always
 * leaves the import alone; `?rbxasset` always claims it.
 */
export function createImportMatcher(options: ImportMatcherOptions): (id: string) => string | undefined {
  const filter = createFilter(options.include, options.exclude, { resolve: options.root });
  const extensions = defaultExtensions(options.audio === true);
  return (id) => {
    if (id.startsWith("\0")) return undefined;
    const { file, query } = splitId(id);
    const extension = extensionOf(file);
    if (query !== "") {
      const params = [...new URLSearchParams(query).keys()];
      if (params.includes(OPT_IN_QUERY) || params.includes(SPRITE_QUERY))
        return isOptInExtension(extension) ? file : undefined;
      if (params.some((name) => !NEUTRAL_PARAMS.has(name))) return undefined;
    }
    return extensions.has(extension) && filter(file) ? file : undefined;
  };
}
