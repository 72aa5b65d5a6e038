// The Studio target: instead of uploading, copy an input's images into Roblox Studio's `content` folder
// and point the generated modules at them (`rbxasset://rbxassets/<project>/…`), to try assets in Studio
// before they are uploaded. Nothing is sent and no credentials are needed.
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { ModuleFile } from "../codegen/modules.js";
import { writeInputModules } from "../codegen/modules.js";
import { writeIfChanged } from "../codegen/write.js";
import { extensionInfo } from "../formats.js";
import type { Pipeline } from "../pipeline.js";
import { existingModuleFiles } from "./existing.js";
import type { ProjectInput } from "./inputs.js";
import type { Project } from "./loader.js";
import { moduleValue } from "./sync-project.js";

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

export interface StudioReport {
  /** Files copied into Studio's content folder (project paths), and those already there as they are. */
  copied: string[];
  unchanged: string[];
  /** Files that cannot be served from `content` (models, audio…): with the note said about each. */
  notes: { file: string; note: string }[];
  /** Modules rewritten. */
  modules: string[];
}

/** Copies the inputs' images into `content` and writes the modules with `rbxasset://` paths. */
export async function syncStudio(
  project: Project,
  inputs: ProjectInput[],
  opts: { content: string; pipelineFor(input: ProjectInput): Pipeline },
): Promise<StudioReport> {
  const name = studioProjectName(project.root);
  const report: StudioReport = { copied: [], unchanged: [], notes: [], modules: [] };
  for (const input of inputs) {
    const pipeline = opts.pipelineFor(input);
    const files: ModuleFile[] = [];
    for (const { file, key } of input.files) {
      const extension = file.slice(file.lastIndexOf(".") + 1).toLowerCase();
      if (extensionInfo(extension)?.kind === "image") {
        const target = join(opts.content, "rbxassets", name, ...file.split("/"));
        const bytes = await readFile(resolve(project.root, file));
        (await writeIfChanged(target, bytes)) ? report.copied.push(file) : report.unchanged.push(file);
        files.push({ file, key, value: `rbxasset://rbxassets/${name}/${file}` });
        continue;
      }
      // Studio serves only images from its content folder: anything else keeps its cloud id, if it has one.
      const asset = await pipeline.lookup(file).catch(() => undefined);
      if (asset) {
        files.push({ file, key, value: moduleValue(asset) });
        report.notes.push({
          file,
          note: `keeps its cloud id ${asset.uri} (Studio serves only images from content)`,
        });
      } else {
        report.notes.push({
          file,
          note: "left out of the modules: Studio serves only images from content, and it is not uploaded yet (run rbxassets sync)",
        });
      }
    }
    report.modules.push(
      ...(await writeInputModules(
        project.root,
        input.output,
        [...existingModuleFiles(input), ...files],
        basename(project.lockfile),
      )),
    );
  }
  return report;
}
