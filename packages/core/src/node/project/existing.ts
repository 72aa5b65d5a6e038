// An input's `existing` assets (files already on Roblox, by path below the input's base) as module entries:
// they are never uploaded, and always appear in the input's modules.
import type { ModuleFile } from "../codegen/modules.js";
import { globBase } from "./inputs.js";
import type { InputSpec } from "./schema.js";

export function existingModuleFiles(
  input: Pick<InputSpec, "include" | "existing">,
): (ModuleFile & { value: string })[] {
  const base = globBase(input.include[0] ?? "");
  return Object.entries(input.existing ?? {}).map(([key, id]) => ({
    file: base === "" ? key : `${base}/${key}`,
    key,
    value: `rbxassetid://${id}`,
  }));
}

/** The asset id an input's `existing` gives this project path (a file it must never upload), if any. */
export function existingAssetId(
  inputs: readonly Pick<InputSpec, "include" | "existing">[],
  file: string,
): string | undefined {
  for (const input of inputs) {
    for (const { file: path, value } of existingModuleFiles(input)) {
      if (path === file) return value.slice("rbxassetid://".length);
    }
  }
  return undefined;
}
