// The bundler-neutral plugin, on unplugin: `import icon from "./icon.png"` becomes
// `"rbxassetid://<id>"` through core's pipeline (a lockfile hit, else one upload per content). Rollup,
// Rolldown and Vite run these hooks with their own plugin context; webpack, rspack and esbuild through
// unplugin's adapters. What only Rollup-like bundlers have (renderChunk, generateBundle, this.info) sits
// under their own keys or is looked for before use.
import { randomBytes } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import {
  accountRefusalOf,
  createPipeline,
  existingAssetId,
  type Pipeline,
  type Project,
  type ResolvedAsset,
  resolveInputOptions,
  toProjectPath,
} from "@rbxassets/core/node";
import type { Plugin as RollupPlugin } from "rollup";
import type { UnpluginContextMeta, UnpluginFactory, UnpluginOptions } from "unplugin";
import { readAssetMap } from "./asset-map.js";
import { assetModuleCode } from "./asset-module.js";
import { type EndContext, failAtEnd, failedBefore } from "./build-end.js";
import { grantBuild } from "./grants.js";
import type { RbxassetsApi, ResolutionMode } from "./host-api.js";
import { createImportMatcher, hasOptInQuery, SPRITE_QUERY, splitId } from "./import-matcher.js";
import { placeholderLiteral, replacePlaceholder } from "./late-constant.js";
import { buildErrorMessage, packedImportMessage, spritesheetBeforeSyncMessage } from "./messages.js";
import { manifestFileName, type RbxassetsOptions } from "./options.js";
import { PLUGIN_NAME } from "./plugin-shape.js";
import { existingAsset, loadPluginProject, pluginFlags } from "./project.js";
import { buildSummary, finishOnEnd, logSummary } from "./summary.js";
import {
  type AssetMap,
  RESOLVED_VIRTUAL_ID,
  sortedMap,
  VIRTUAL_ID,
  virtualModuleCode,
} from "./virtual-module.js";

const ASSET_URI = /^rbxassetid:\/\/[1-9]\d*$/;
/**
 * webpack and rspack read `virtual:` as a URL scheme before any resolver runs: the import is renamed to a
 * bare request first, which the resolveId hook below then claims.
 */
const COMPILER_VIRTUAL_REQUEST = "__rbxassets_virtual__";
const ROLLUP_LIKE = new Set(["rollup", "rolldown", "vite", "unloader"]);

/** The context the hooks use: each bundler's own (Rollup's), or unplugin's (error, warn, addWatchFile...). */
interface HookContext extends EndContext {
  error(message: string | { message: string; cause?: unknown }): unknown;
  warn(message: string): void;
  addWatchFile?(file: string): void;
  emitFile?(file: { type: "asset"; fileName: string; source: string }): unknown;
  resolve?: (
    source: string,
    importer: string | undefined,
    options?: Record<string, unknown>,
  ) => Promise<{ id: string; external?: unknown } | null>;
}

/** The hooks, with `api` for the Vite plugin and tools that compose plugins. */
export type RbxassetsUnpluginOptions = UnpluginOptions & { api: RbxassetsApi };

export const rbxassetsFactory: UnpluginFactory<RbxassetsOptions | undefined, false> = (
  options = {},
  meta: UnpluginContextMeta,
) => createHooks(options, meta);

function createHooks(options: RbxassetsOptions, meta: UnpluginContextMeta): RbxassetsUnpluginOptions {
  const framework = meta.framework ?? "rollup";
  /** Rollup-like bundlers fill the virtual module's map at renderChunk; the others get it at load. */
  const rollupLike = ROLLUP_LIKE.has(framework);
  let root = resolve(options.root ?? process.cwd());
  let resolution: ResolutionMode = "upload";
  let command: "build" | "serve" = "build";
  let pipeline: Pipeline | undefined;
  /** The project file, loaded at the first build start (before the pipeline exists). */
  let project: Project | undefined;
  let creator = options.creator;
  let matcher: ((id: string) => string | undefined) | undefined;
  let abort = new AbortController();
  /** Resolves of the current build still running: after an account refusal they settle before the end. */
  const inflight = new Set<Promise<unknown>>();
  /** What each file of the current build resolved to, by project path: for the map, the summary, the grants. */
  const assetsInBuild = new Map<string, ResolvedAsset>();
  /** The map of a finished build (every module loaded), shared by renderChunk and the manifest. */
  let finalMap: Promise<AssetMap> | undefined;
  /** Stands for the map in a build's virtual module until renderChunk knows every id. */
  const mapToken = `__RBXASSETS_MAP_${randomBytes(8).toString("hex")}__`;

  const getPipeline = (): Pipeline => {
    pipeline ??= createPipeline({
      root,
      // The lockfile and the defaults for files no input holds; each file's input is resolved per import.
      ...resolveInputOptions(project, undefined, pluginFlags(options)).pipeline,
      ...(options.apiKey !== undefined && { apiKey: options.apiKey }),
      ...(options.oauthToken !== undefined && { oauthToken: options.oauthToken }),
      ...((options.apiUrl ?? options.baseUrl) !== undefined && {
        baseUrl: options.apiUrl ?? options.baseUrl,
      }),
      ...(creator !== undefined && { creator }),
      ...(options.env !== undefined && { env: options.env }),
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      audio: options.audio === true,
      outsideRootFix:
        "move it into the project, or set the plugin's root option to a folder that contains it",
    });
    return pipeline;
  };
  const getMatcher = () => {
    matcher ??= createImportMatcher({
      root,
      audio: options.audio === true,
      ...(options.include !== undefined && { include: options.include }),
      ...(options.exclude !== undefined && { exclude: options.exclude }),
    });
    return matcher;
  };
  const projectPath = (file: string) => toProjectPath(root, file);

  /**
   * Fails the module with one line. Rollup's `this.error` throws; unplugin's (webpack, rspack, esbuild)
   * records the error and returns, so the same line is thrown here too: the module never loads as is.
   */
  function fail(ctx: HookContext, message: string, cause?: unknown): never {
    if (rollupLike) ctx.error(cause === undefined ? message : { message, cause });
    throw new Error(message, cause === undefined ? undefined : { cause });
  }

  async function resolveAsset(ctx: HookContext, file: string): Promise<ResolvedAsset> {
    const shown = projectPath(file);
    // A file an input lists as `existing` is already on Roblox: its id, never an upload.
    const existing = project ? existingAssetId(project.inputs, shown) : undefined;
    if (existing !== undefined) return existingAsset(shown, existing);
    let asset: ResolvedAsset | undefined;
    // The same options `rbxassets sync` uses for this file, so that both find (and record) the same entry.
    const resolved = resolveInputOptions(project, shown, pluginFlags(options));
    // Only a sync packs an input's spritesheet (a build sees one import at a time): read, never upload.
    const lookupOnly = resolved.spritesheet || resolution === "lockfile-only";
    try {
      if (lookupOnly) {
        asset = await getPipeline().lookup(file, resolved.resolve);
      } else {
        const pending = getPipeline().resolve(file, { ...resolved.resolve, signal: abort.signal });
        inflight.add(pending);
        asset = await pending.finally(() => inflight.delete(pending));
      }
    } catch (error) {
      return fail(ctx, buildErrorMessage(error, shown), error);
    }
    // Outside the try: the catch would word this line again, naming the path twice.
    if (asset === undefined) {
      return fail(
        ctx,
        resolved.spritesheet
          ? spritesheetBeforeSyncMessage(shown, resolved.input?.name)
          : `${shown}: this content is not in ${projectPath(getPipeline().lockfilePath)} and uploads are off ` +
              `(dev: "lockfile-only") — run \`rbxassets sync\`, or set dev: "upload"`,
      );
    }
    if (!ASSET_URI.test(asset.uri)) {
      // Never ship an empty or malformed id, whatever happened upstream.
      return fail(ctx, `${shown}: the pipeline returned no valid asset id (${JSON.stringify(asset.uri)})`);
    }
    if (asset.warning) ctx.warn(`${shown}: ${asset.warning}`);
    return asset;
  }

  async function currentMap(): Promise<AssetMap> {
    const fromLockfile = await readAssetMap(getPipeline());
    const resolved = [...assetsInBuild.values()].map((asset) => [asset.file, asset.uri] as const);
    return sortedMap([...Object.entries(fromLockfile), ...resolved]);
  }

  /**
   * The end of a build without errors: the grants its inputs ask for, made as a sync makes them, then its
   * summary line. Refused grants throw one error, a line for each.
   */
  async function finishBuild(): Promise<string | undefined> {
    const assets = [...assetsInBuild.values()];
    const grants = await grantBuild(getPipeline(), project, assets, pluginFlags(options));
    if (grants.problems.length > 0) throw new Error(grants.problems.join("\n"));
    const statuses = assets.map((asset) => asset.status);
    return buildSummary(statuses, grants.granted);
  }

  /** The summary and the manifest file's text, once every module is loaded. */
  async function manifestSource(): Promise<string> {
    finalMap ??= currentMap();
    return `${JSON.stringify(await finalMap, null, 2)}\n`;
  }

  // Hooks only Rollup-like bundlers have: the map filled in at renderChunk, the manifest as an asset.
  const rollupOnly: Partial<RollupPlugin> = {
    async renderChunk(code) {
      if (!code.includes(mapToken)) return null;
      finalMap ??= currentMap();
      const literal = JSON.stringify(JSON.stringify(await finalMap));
      return replacePlaceholder(code, mapToken, literal) ?? null;
    },
    async generateBundle() {
      const fileName = manifestFileName(options.manifest);
      if (fileName === undefined) return;
      this.emitFile({ type: "asset", fileName, source: await manifestSource() });
    },
  };

  return {
    name: PLUGIN_NAME,
    enforce: "pre",

    api: {
      configure(settings) {
        if (pipeline) return;
        if (settings.root !== undefined && options.root === undefined) root = resolve(settings.root);
        if (settings.resolution !== undefined) resolution = settings.resolution;
        if (settings.command !== undefined) command = settings.command;
        matcher = undefined;
      },
      pipeline: getPipeline,
      isLockfile: (file) => resolve(file) === getPipeline().lockfilePath,
    },

    async buildStart() {
      const ctx = this as unknown as HookContext;
      abort = new AbortController();
      assetsInBuild.clear();
      finalMap = undefined;
      if (!pipeline) {
        // A broken project file fails the build before any upload, with one line per problem.
        try {
          const loaded = await loadPluginProject(root, options);
          project = loaded.project;
          creator = loaded.creator;
        } catch (error) {
          fail(ctx, error instanceof Error ? error.message : String(error), error);
        }
      }
      // esbuild's context throws on addWatchFile outside resolveId, load and transform.
      if (project && framework !== "esbuild") ctx.addWatchFile?.(join(root, project.file));
      getPipeline();
    },

    async resolveId(source, importer, resolveOptions) {
      if (source === VIRTUAL_ID || source === COMPILER_VIRTUAL_REQUEST) return RESOLVED_VIRTUAL_ID;
      // Rollup's own resolver does not understand queries: resolve the file, then put `?rbxasset` back.
      const { file, query } = splitId(source);
      if (query === "" || !hasOptInQuery(query)) return null;
      const ctx = this as unknown as HookContext;
      if (typeof ctx.resolve === "function") {
        const resolved = await ctx.resolve(file, importer, { ...resolveOptions, skipSelf: true });
        if (!resolved || resolved.external) return resolved as null;
        return { ...resolved, id: `${splitId(resolved.id).file}?${query}` } as { id: string };
      }
      // webpack and rspack keep a query themselves; esbuild does not: a relative path is resolved here.
      if (meta.framework === "webpack" || meta.framework === "rspack") return null;
      if (!importer || !/^\.\.?\//.test(file)) return null;
      return `${resolve(dirname(importer), file)}?${query}`;
    },

    loadInclude(id) {
      return id === RESOLVED_VIRTUAL_ID || getMatcher()(id) !== undefined;
    },

    async load(id) {
      const ctx = this as unknown as HookContext;
      if (id === RESOLVED_VIRTUAL_ID) {
        ctx.addWatchFile?.(getPipeline().lockfilePath);
        const map =
          command === "serve" || !rollupLike
            ? JSON.stringify(await currentMap(), null, 2)
            : `JSON.parse(${placeholderLiteral(mapToken)})`;
        return { code: virtualModuleCode(map), moduleSideEffects: false };
      }
      const file = getMatcher()(id);
      if (file === undefined) return null;
      ctx.addWatchFile?.(file);
      const asset = await resolveAsset(ctx, file);
      const spriteImport = new URLSearchParams(splitId(id).query).has(SPRITE_QUERY);
      if (!asset.sprite && spriteImport) {
        return fail(
          ctx,
          `${asset.file}: it is not packed into a spritesheet — set spritesheet on its input and run \`rbxassets sync\`, or import it without ?sprite`,
        );
      }
      // A plain import is typed as an id (client.d.ts): a sprite is an object, so it must say `?sprite`.
      if (asset.sprite && !spriteImport) return fail(ctx, packedImportMessage(asset.file));
      assetsInBuild.set(asset.file, asset);
      // A `?sprite` import is `{ Image, ImageRectOffset, ImageRectSize }`, like the generated modules.
      return { code: assetModuleCode(asset, framework), moduleSideEffects: false };
    },

    async buildEnd(error?: Error) {
      const ctx = this as unknown as HookContext;
      try {
        if (!error && command === "build") {
          // esbuild finishes in its own end callback, which knows whether the build failed (`esbuild` below).
          if (framework !== "esbuild" && !failedBefore(ctx)) {
            const line = await finishBuild().catch((failure: Error) => failAtEnd(ctx, failure.message));
            if (line) logSummary(ctx, line);
          }
          // Bundlers without generateBundle get the manifest from here.
          const fileName = manifestFileName(options.manifest);
          if (!rollupLike && fileName !== undefined && typeof ctx.emitFile === "function") {
            ctx.emitFile({ type: "asset", fileName, source: await manifestSource() });
          }
        }
        // After an account refusal no upload starts; those already sent settle (and are recorded) first.
        if (error && accountRefusalOf(error.cause ?? error)) await Promise.allSettled([...inflight]);
      } finally {
        // Nothing a build still waits for after it ends; a failed build stops its other uploads.
        abort.abort();
      }
    },

    esbuild: {
      loader: "js",
      setup: (build) => finishOnEnd(build, finishBuild),
    },
    webpack: renameVirtualRequest,
    rspack: renameVirtualRequest,
    rollup: rollupOnly,
    rolldown: rollupOnly as never,
    vite: rollupOnly as never,
  } as RbxassetsUnpluginOptions;
}

/** The part of webpack's and rspack's Compiler used here (typed here: their declarations are not loaded). */
interface Tappable<T> {
  tap(name: string, callback: (value: T) => void): void;
}
interface CompilerHooks {
  hooks: {
    normalModuleFactory: Tappable<{ hooks: { beforeResolve: Tappable<{ request: string }> } }>;
  };
}

/** See COMPILER_VIRTUAL_REQUEST: webpack's and rspack's normal module factory, before resolving. */
function renameVirtualRequest(compiler: unknown): void {
  (compiler as CompilerHooks).hooks.normalModuleFactory.tap(PLUGIN_NAME, (factory) => {
    factory.hooks.beforeResolve.tap(PLUGIN_NAME, (data: { request: string }) => {
      if (data.request === VIRTUAL_ID) data.request = COMPILER_VIRTUAL_REQUEST;
    });
  });
}
