// An input's `existing` assets (files already on Roblox, by path below the input's base) as module entries:
// they are never uploaded, and always appear in the input's modules.
import { assetUri } from "../../client/normalize.js";
import type { ModuleFile } from "../codegen/modules.js";
import { globBase } from "./inputs.js";
import type { InputSpec } from "./schema.js";

export function existingModuleFiles(
  input: Pick<InputSpec, "include" | "existing">,
): (ModuleFile & { value: string })[] {
  return existingEntries(input).map(({ file, key, id }) => ({ file, key, value: assetUri(id) }));
}

/** The asset id an input's `existing` gives this project path (a file it must never upload), if any. */
export function existingAssetId(
  inputs: readonly Pick<InputSpec, "include" | "existing">[],
  file: string,
): string | undefined {
  for (const input of inputs) {
    const found = existingEntries(input).find((entry) => entry.file === file);
    if (found) return found.id;
  }
  return undefined;
}

/** Each `existing` entry: its project path (below the input's base), its key there, and its id. */
function existingEntries(input: Pick<InputSpec, "include" | "existing">) {
  const base = globBase(input.include[0] ?? "");
  return Object.entries(input.existing ?? {}).map(([key, id]) => ({
    file: base === "" ? key : `${base}/${key}`,
    key,
    id: String(id),
  }));
}
