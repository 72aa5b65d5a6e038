// Where the Studio target writes: Roblox Studio's `content` folder, and the project's folder in it
// (`rbxasset://rbxassets/<project>/…`). The sync itself is studio-sync.ts.
import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";

export const STUDIO_CONTENT_ENV = "RBXASSETS_STUDIO_CONTENT";

export interface StudioLookup {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  /** Windows: `%LOCALAPPDATA%` (default: from `env`). */
  localAppData?: string;
  /** macOS: where applications live (default `/Applications`). */
  applications?: string;
}

/**
 * Studio's `content` folder: `RBXASSETS_STUDIO_CONTENT`, else on Windows the newest
 * `%LOCALAPPDATA%\Roblox\Versions\*\` that holds `RobloxStudioBeta.exe`, else on macOS the one inside
 * `RobloxStudio.app`. Undefined when none is found.
 */
export async function findStudioContent(lookup: StudioLookup = {}): Promise<string | undefined> {
  const env = lookup.env ?? process.env;
  const given = env[STUDIO_CONTENT_ENV]?.trim();
  if (given) return resolve(given);
  const platform = lookup.platform ?? process.platform;
  if (platform === "win32") {
    const appData = lookup.localAppData ?? env.LOCALAPPDATA;
    if (!appData) return undefined;
    const versions = join(appData, "Roblox", "Versions");
    const names = await readdir(versions).catch(() => [] as string[]);
    let newest: { dir: string; time: number } | undefined;
    for (const name of names) {
      const exe = await stat(join(versions, name, "RobloxStudioBeta.exe")).catch(() => undefined);
      if (exe?.isFile() && (!newest || exe.mtimeMs > newest.time)) {
        newest = { dir: join(versions, name), time: exe.mtimeMs };
      }
    }
    return newest ? join(newest.dir, "content") : undefined;
  }
  if (platform === "darwin") {
    const content = join(
      lookup.applications ?? "/Applications",
      "RobloxStudio.app",
      "Contents",
      "Resources",
      "content",
    );
    return (await stat(content).catch(() => undefined))?.isDirectory() ? content : undefined;
  }
  return undefined;
}

/** The folder name a project gets under `content/rbxassets/`: the root's name, in safe characters. */
export function studioProjectName(root: string): string {
  return basename(root).replace(/[^A-Za-z0-9_.-]/g, "_") || "project";
}
