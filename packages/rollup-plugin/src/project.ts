// The project file (`rbxassets.config.*`), read by the plugin as by the CLI: its creator and lockfile
// (plugin options win; then the environment and `.env`), and each input's options for the imports it holds.
import {
  extensionInfo,
  loadProject,
  type Project,
  type ResolvedAsset,
  type ResolveOptions,
  resolveProjectConfig,
} from "@rbxassets/core/node";
import type { RbxassetsOptions } from "./options.js";

export interface PluginProject {
  project: Project | undefined;
  /** The creator after precedence: option > environment > `.env` > project file. */
  creator: string | undefined;
}

/** Loads and validates the project file in `root` (a ProjectFileError lists every problem). */
export async function loadPluginProject(root: string, options: RbxassetsOptions): Promise<PluginProject> {
  const project = await loadProject(root);
  if (!project) return { project, creator: options.creator };
  const config = await resolveProjectConfig(
    {
      root,
      env: options.env ?? process.env,
      ...(options.creator !== undefined && { creator: options.creator }),
    },
    project,
  );
  return { project, creator: config.creator };
}

/** What resolving an imported file takes from the input that holds it: its image asset type and processing. */
export function inputResolveOptions(
  project: Project | undefined,
  projectPath: string,
): Partial<ResolveOptions> {
  const input = project?.inputOf(projectPath);
  if (!input) return {};
  const extension = projectPath.slice(projectPath.lastIndexOf(".") + 1).toLowerCase();
  const image = extensionInfo(extension)?.kind === "image";
  // `process` is the process stage's option (alpha bleed, spritesheets); a pipeline without it ignores it.
  const options: Partial<ResolveOptions> & { process?: unknown } = { process: input.processing };
  if (image) options.assetType = input.assetType;
  else if (input.modelAssetType && extensionInfo(extension)?.assetTypes.includes(input.modelAssetType))
    options.assetType = input.modelAssetType;
  return options;
}

/** What an `existing` entry resolves to: the id as given, nothing hashed or uploaded. */
export function existingAsset(file: string, assetId: string): ResolvedAsset {
  return {
    file,
    assetId,
    uri: `rbxassetid://${assetId}`,
    assetType: extensionInfo(file.slice(file.lastIndexOf(".") + 1).toLowerCase())?.assetTypes[0] ?? "Image",
    hash: "",
    status: "unchanged",
    moderation: "Approved",
  };
}
