import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { renderTypeScriptValue } from "@rbxassets/core/internal";
import {
  accountRefusalOf,
  createPipeline,
  type Pipeline,
  type Project,
  type ResolvedAsset,
  resolveInputOptions,
  toProjectPath,
} from "@rbxassets/core/node";
import type { Plugin, PluginContext } from "rollup";
import { readAssetMap } from "./asset-map.js";
import type { RbxassetsApi, ResolutionMode } from "./host-api.js";
import { createImportMatcher, hasOptInQuery, SPRITE_QUERY, splitId } from "./import-matcher.js";
import { placeholderLiteral, replacePlaceholder } from "./late-constant.js";
import { buildErrorMessage, packedImportMessage, spritesheetBeforeSyncMessage } from "./messages.js";
import { manifestFileName, type RbxassetsOptions } from "./options.js";
import { loadPluginProject, pluginFlags } from "./project.js";
import { buildSummary } from "./summary.js";
import {
  type AssetMap,
  RESOLVED_VIRTUAL_ID,
  sortedMap,
  VIRTUAL_ID,
  virtualModuleCode,
} from "./virtual-module.js";

export const PLUGIN_NAME = "rbxassets";

export type RbxassetsPlugin = Plugin<RbxassetsApi> & { name: typeof PLUGIN_NAME; api: RbxassetsApi };

const ASSET_URI = /^rbxassetid:\/\/[1-9]\d*$/;

export function createRbxassetsPlugin(options: RbxassetsOptions = {}): RbxassetsPlugin {
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
  /** Ids resolved in the current build, by project path (also those uploaded by it). */
  const resolvedInBuild = new Map<string, `rbxassetid://${string}`>();
  /** How each file of the current build was resolved, for its summary line. */
  const statusInBuild = new Map<string, ResolvedAsset["status"]>();
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

  async function resolveAsset(ctx: PluginContext, file: string): Promise<ResolvedAsset> {
    const shown = projectPath(file);
    let asset: ResolvedAsset | undefined;
    // The same options `rbxassets sync` uses for this file, so that both find (and record) the same entry.
    const resolved = resolveInputOptions(project, shown, pluginFlags(options));
    try {
      if (resolved.spritesheet) {
        // Only a sync packs an input's spritesheet (a build sees one import at a time): read, never upload.
        asset = await getPipeline().lookup(file, resolved.resolve);
        if (asset === undefined) return ctx.error(spritesheetBeforeSyncMessage(shown, resolved.input?.name));
      } else if (resolution === "lockfile-only") {
        asset = await getPipeline().lookup(file, resolved.resolve);
        if (asset === undefined) {
          return ctx.error(
            `${shown}: this content is not in ${projectPath(getPipeline().lockfilePath)} and uploads are off ` +
              `(dev: "lockfile-only") — run \`rbxassets sync\`, or set dev: "upload"`,
          );
        }
      } else {
        const pending = getPipeline().resolve(file, { ...resolved.resolve, signal: abort.signal });
        inflight.add(pending);
        asset = await pending.finally(() => inflight.delete(pending));
      }
    } catch (error) {
      return ctx.error({ message: buildErrorMessage(error, shown), cause: error });
    }
    if (!ASSET_URI.test(asset.uri)) {
      // Never ship an empty or malformed id, whatever happened upstream.
      return ctx.error(`${shown}: the pipeline returned no valid asset id (${JSON.stringify(asset.uri)})`);
    }
    if (asset.warning) ctx.warn(`${shown}: ${asset.warning}`);
    return asset;
  }

  async function currentMap(): Promise<AssetMap> {
    const fromLockfile = await readAssetMap(getPipeline());
    return sortedMap([...Object.entries(fromLockfile), ...resolvedInBuild]);
  }

  return {
    name: PLUGIN_NAME,

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
      abort = new AbortController();
      resolvedInBuild.clear();
      statusInBuild.clear();
      finalMap = undefined;
      if (!pipeline) {
        // A broken project file fails the build before any upload, with one line per problem.
        const loaded = await loadPluginProject(root, options).catch((error: unknown) =>
          this.error({ message: error instanceof Error ? error.message : String(error), cause: error }),
        );
        project = loaded.project;
        creator = loaded.creator;
      }
      if (project) this.addWatchFile(join(root, project.file));
      getPipeline();
    },

    async resolveId(source, importer, resolveOptions) {
      if (source === VIRTUAL_ID) return RESOLVED_VIRTUAL_ID;
      // Rollup's own resolver does not understand queries: resolve the file, then put `?rbxasset` back.
      const { file, query } = splitId(source);
      if (query === "" || !hasOptInQuery(query)) return null;
      const resolved = await this.resolve(file, importer, { ...resolveOptions, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      return { ...resolved, id: `${splitId(resolved.id).file}?${query}` };
    },

    async load(id) {
      if (id === RESOLVED_VIRTUAL_ID) {
        this.addWatchFile(getPipeline().lockfilePath);
        const map =
          command === "serve"
            ? JSON.stringify(await currentMap(), null, 2)
            : `JSON.parse(${placeholderLiteral(mapToken)})`;
        return { code: virtualModuleCode(map), moduleSideEffects: false };
      }
      const file = getMatcher()(id);
      if (file === undefined) return null;
      this.addWatchFile(file);
      const asset = await resolveAsset(this, file);
      const spriteImport = new URLSearchParams(splitId(id).query).has(SPRITE_QUERY);
      if (!asset.sprite && spriteImport) {
        return this.error(
          `${asset.file}: it is not packed into a spritesheet — set spritesheet on its input and run \`rbxassets sync\`, or import it without ?sprite`,
        );
      }
      // A plain import is typed as an id (client.d.ts): a sprite is an object, so it must say `?sprite`.
      if (asset.sprite && !spriteImport) return this.error(packedImportMessage(asset.file));
      resolvedInBuild.set(asset.file, asset.uri);
      statusInBuild.set(asset.file, asset.status);
      // A `?sprite` import is `{ Image, ImageRectOffset, ImageRectSize }`, like the generated modules.
      return { code: `export default ${renderTypeScriptValue(asset)};\n`, moduleSideEffects: false };
    },

    async buildEnd(error) {
      if (!error && command === "build") {
        const summary = buildSummary(statusInBuild.values());
        if (summary !== undefined) this.info(summary);
      }
      // After an account refusal no upload starts; those already sent settle (and are recorded) first.
      if (error && accountRefusalOf(error.cause ?? error)) await Promise.allSettled([...inflight]);
      // Nothing a build still waits for after it ends; a failed build stops its other uploads.
      abort.abort();
    },

    async renderChunk(code) {
      if (!code.includes(mapToken)) return null;
      finalMap ??= currentMap();
      const literal = JSON.stringify(JSON.stringify(await finalMap));
      return replacePlaceholder(code, mapToken, literal) ?? null;
    },

    async generateBundle() {
      const fileName = manifestFileName(options.manifest);
      if (fileName === undefined) return;
      finalMap ??= currentMap();
      const map = await finalMap;
      this.emitFile({ type: "asset", fileName, source: `${JSON.stringify(map, null, 2)}\n` });
    },
  };
}
