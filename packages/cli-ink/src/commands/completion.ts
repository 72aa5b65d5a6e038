import type { CommandEnv, CommandResult } from "../command-env.js";
import { type CompletionShell, completionScript } from "../completion/index.js";
import { ExitCode } from "../errors.js";
import { createProgram } from "../program.js";

/** Prints the completion script for a shell (its argument's choices are checked by commander). */
export async function run(env: CommandEnv, [shell]: string[]): Promise<CommandResult> {
  // The program as the user runs it, rebuilt here: the script follows its commands and options.
  const program = createProgram({ exitCode: ExitCode.ok }, "0.0.0");
  const script = completionScript(program, shell as CompletionShell);
  env.out.result({ shell, script }, () => script);
  return ExitCode.ok;
}
