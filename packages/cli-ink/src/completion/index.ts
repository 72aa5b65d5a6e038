// `rbxassets completion bash|zsh|fish`: a completion script derived from the program's command definitions.
import type { Command } from "commander";
import { bashScript } from "./bash.js";
import { fishScript } from "./fish.js";
import { completionSpec } from "./spec.js";
import { zshScript } from "./zsh.js";

export const COMPLETION_SHELLS = ["bash", "zsh", "fish"] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

const GENERATORS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;

export function completionScript(program: Command, shell: CompletionShell): string {
  return GENERATORS[shell](completionSpec(program));
}
