// The Studio target: instead of uploading, write an input's images into Roblox Studio's `content` folder
// and point the generated modules at them (`rbxasset://rbxassets/<project>/…`), to try assets in Studio
// before they are uploaded. Files go through the same prepare and process stages as for the cloud
// (validated, bled, SVG rendered); a spritesheet input's atlases are packed and written once, and its
// sprites keep their shape. Nothing is sent and no credentials are needed.
import { basename, join } from "node:path";
import pLimit from "p-limit";
import { type ModuleFile, writeInputModules } from "../codegen/modules.js";
import type { CodegenValue } from "../codegen/tree.js";
import { moduleValue } from "../codegen/values.js";
import { writeIfChanged } from "../codegen/write.js";
import { describeError, PipelineError } from "../errors.js";
import { extensionInfo } from "../formats.js";
import type { Pipeline } from "../pipeline-options.js";
import { isDecodable, resolveProcessOptions } from "../process/options.js";
import type { ProjectInput } from "./inputs.js";
import type { Project } from "./loader.js";
import { studioProjectName } from "./studio.js";
import { type ProcessedFile, packStudioSheets, type StudioSprite } from "./studio-sheets.js";

/** Files decoded and processed at once: decoding is memory-heavy, and Studio's content folder is local. */
const STUDIO_CONCURRENCY = 4;

export interface StudioReport {
  /** Files written into Studio's content folder (project paths; atlases as `.atlases/<input>-<n>.png`). */
  copied: string[];
  /** Files already there as they are. */
  unchanged: string[];
  /** Files that cannot be served from `content` (models, audio…): with the note said about each. */
  notes: { file: string; note: string }[];
  /** Files refused as a cloud sync would refuse them (not an image, corrupt, too large…). */
  failed: { file: string; reason: string }[];
  /** Modules rewritten. */
  modules: string[];
}

/** Writes the inputs' processed images into `content` and the modules with `rbxasset://` paths. */
export async function syncStudio(
  project: Project,
  inputs: ProjectInput[],
  opts: { content: string; pipelineFor(input: ProjectInput): Pipeline },
): Promise<StudioReport> {
  const folder = studioProjectName(project.root);
  const report: StudioReport = { copied: [], unchanged: [], notes: [], failed: [], modules: [] };
  /** Writes `bytes` at `path` below the project's folder in content; its `rbxasset://` uri. */
  const place = async (path: string, bytes: Uint8Array, shown: string) => {
    const written = await writeIfChanged(
      join(opts.content, "rbxassets", folder, ...path.split("/")),
      Buffer.from(bytes),
    );
    (written ? report.copied : report.unchanged).push(shown);
    return `rbxasset://rbxassets/${folder}/${path}`;
  };
  const fail = (file: string, error: unknown) =>
    report.failed.push({
      file,
      reason: error instanceof PipelineError ? error.message : `${file}: ${describeError(error)}`,
    });

  const limit = pLimit(STUDIO_CONCURRENCY);
  for (const input of inputs) {
    const pipeline = opts.pipelineFor(input);
    // Prepared, validated and processed (bled, SVG rendered) exactly as for an upload.
    const processed = (file: string): Promise<ProcessedFile> =>
      limit(async () => {
        const { content } = await pipeline.processLocally(file, { processing: input.processing });
        return { bytes: new Uint8Array(await content.data.arrayBuffer()), fileName: content.fileName };
      });
    const processing = resolveProcessOptions(input.processing);
    const values = new Map<string, CodegenValue>();
    const images = input.files.filter(({ file }) => kindOf(file) === "image");
    const packed = processing.spritesheet ? images.filter(({ file }) => isDecodable(file)) : [];
    const alone = images.filter((image) => !packed.includes(image));

    if (packed.length > 0) {
      const sheets = await packStudioSheets(processed, input.name, packed, processing);
      for (const { file, error } of sheets.failed) fail(file, error);
      alone.push(...sheets.alone);
      for (const atlas of sheets.atlases) {
        const uri = await place(atlas.path, atlas.bytes, atlas.path);
        for (const sprite of atlas.sprites) values.set(sprite.file, spriteValue(uri, sprite));
      }
    }
    await Promise.all(
      alone.map(async ({ file }) => {
        try {
          const { bytes, fileName } = await processed(file);
          // An SVG is written as the PNG it was rendered to.
          const path = `${file.slice(0, file.lastIndexOf("/") + 1)}${fileName}`;
          values.set(file, await place(path, bytes, file));
        } catch (error) {
          fail(file, error);
        }
      }),
    );
    for (const { file } of input.files.filter(({ file }) => kindOf(file) !== "image")) {
      // Studio serves only images from its content folder: anything else keeps its cloud id, if it has one.
      const asset = await pipeline.lookup(file).catch(() => undefined);
      if (asset) values.set(file, moduleValue(asset));
      report.notes.push({
        file,
        note: asset
          ? `keeps its cloud id ${asset.uri} (Studio serves only images from content)`
          : "left out of the modules: Studio serves only images from content, and it is not uploaded yet (run rbxassets sync)",
      });
    }
    const files: ModuleFile[] = input.files.flatMap(({ file, key }) => {
      const value = values.get(file);
      return value === undefined ? [] : [{ file, key, value }];
    });
    report.modules.push(
      ...(await writeInputModules(project.root, input.output, files, basename(project.lockfile))),
    );
  }
  for (const list of [report.copied, report.unchanged]) list.sort();
  report.failed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return report;
}

function kindOf(file: string) {
  return extensionInfo(file.slice(file.lastIndexOf(".") + 1).toLowerCase())?.kind;
}

function spriteValue(uri: string, sprite: StudioSprite): CodegenValue {
  return moduleValue({ uri, sprite });
}
