// An input's `existing` assets (files already on Roblox, by path below the input's base) as module entries:
// they are never uploaded, and always appear in the input's modules.
import type { ModuleFile } from "../codegen/modules.js";
import { globBase } from "./inputs.js";
import type { InputSpec } from "./schema.js";

export function existingModuleFiles(input: Pick<InputSpec, "include" | "existing">): ModuleFile[] {
  const base = globBase(input.include[0] ?? "");
  return Object.entries(input.existing ?? {}).map(([key, id]) => ({
    file: base === "" ? key : `${base}/${key}`,
    key,
    value: `rbxassetid://${id}`,
  }));
}
