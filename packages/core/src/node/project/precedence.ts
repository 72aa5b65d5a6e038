import { type ResolveConfigOptions, type ResolvedConfig, resolveConfig } from "../config.js";
import type { Project } from "./loader.js";

/**
 * Configuration with the project file as the last source: explicit options > environment > `.env` >
 * project file. (Only the creator comes from it: secrets never live in a file that is committed.)
 */
export async function resolveProjectConfig(
  opts: ResolveConfigOptions,
  project: Pick<Project, "creator"> | undefined,
): Promise<ResolvedConfig> {
  const config = await resolveConfig(opts);
  if (config.creator !== undefined || project?.creator === undefined) return config;
  return resolveConfig({ ...opts, creator: project.creator });
}
