import type { Pipeline } from "@rbxassets/core/node";
import type { AssetMap } from "./virtual-module.js";

/** Every path → id in the lockfile, as on disk now (no network; a missing lockfile is empty). */
export async function readAssetMap(pipeline: Pipeline): Promise<AssetMap> {
  const map: AssetMap = {};
  for (const { file, uri } of await pipeline.entries()) map[file] = uri;
  return map;
}
