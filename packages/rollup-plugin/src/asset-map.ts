import { Lockfile, type Pipeline } from "@rbxassets/core/node";
import type { AssetMap } from "./virtual-module.js";

/** Every path → id in the lockfile, as on disk now (no network; a missing lockfile is empty). */
export async function readAssetMap(pipeline: Pipeline): Promise<AssetMap> {
  const lockfile = await Lockfile.open(pipeline.lockfilePath, { root: pipeline.root });
  const map: AssetMap = {};
  for (const [path, entry] of lockfile.entries()) map[path] = `rbxassetid://${entry.assetId}`;
  return map;
}
