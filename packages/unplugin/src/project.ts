// The project file (`rbxassets.config.*`), read by the plugin as by the CLI: its creator and lockfile
// (plugin options win; then the environment and `.env`), and each input's options for the imports it holds.
import { assetUri } from "@rbxassets/core";
import {
  extensionInfo,
  type InputFlags,
  loadProject,
  type Project,
  type ResolvedAsset,
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

/** The plugin's options that stand for an input's own when no input holds a file. */
export function pluginFlags(options: RbxassetsOptions): InputFlags {
  return {
    ...(options.lockfile !== undefined && { lockfile: options.lockfile }),
    ...(options.imageAssetType !== undefined && { imageAssetType: options.imageAssetType }),
    ...(options.alphaBleed !== undefined && { alphaBleed: options.alphaBleed }),
  };
}

/** What an `existing` entry resolves to: the id as given, nothing hashed or uploaded. */
export function existingAsset(file: string, assetId: string): ResolvedAsset {
  return {
    file,
    assetId,
    uri: assetUri(assetId),
    assetType: extensionInfo(file.slice(file.lastIndexOf(".") + 1).toLowerCase())?.assetTypes[0] ?? "Image",
    hash: "",
    status: "unchanged",
    moderation: "Approved",
  };
}
