// What a completion script knows, read from commander's own command definitions (never a hand list), so
// that a command added to the program completes without touching this folder.
import type { Command, Option } from "commander";

export interface OptionSpec {
  /** Every spelling, e.g. `["-C", "--cwd"]`. */
  flags: string[];
  description: string;
  /** The option takes a value (`--type <type>`). */
  takesValue: boolean;
  /** The values it takes, when commander knows them (`.choices()`). */
  choices: string[];
}

export interface CommandSpec {
  name: string;
  description: string;
  /** Options of this command, the program's global ones included for subcommands. */
  options: OptionSpec[];
  subcommands: CommandSpec[];
  /** The command takes arguments (completed as file names, unless commander knows their choices). */
  takesArguments: boolean;
  /** The first argument's values, when commander knows them (`completion <shell>`). */
  argumentChoices: string[];
}

const optionSpec = (option: Option): OptionSpec => ({
  flags: [option.short, option.long].filter((flag): flag is string => flag !== undefined),
  description: option.description,
  takesValue: option.required || option.optional,
  choices: option.argChoices ?? [],
});

const visibleOptions = (command: Command): OptionSpec[] =>
  command.options.filter((option) => !option.hidden).map(optionSpec);

const HELP: OptionSpec = {
  flags: ["-h", "--help"],
  description: "display help",
  takesValue: false,
  choices: [],
};

function commandSpec(command: Command, inherited: OptionSpec[]): CommandSpec {
  const options = [...visibleOptions(command), ...inherited, HELP];
  return {
    name: command.name(),
    description: command.description().split("\n")[0] ?? "",
    options,
    subcommands: command.commands
      .filter((sub) => !(sub as Command & { _hidden?: boolean })._hidden && sub.name() !== "help")
      .map((sub) => commandSpec(sub, inherited)),
    takesArguments: command.registeredArguments.length > 0,
    argumentChoices: command.registeredArguments[0]?.argChoices ?? [],
  };
}

/** The program as completion sees it: global options (without `--version`) also belong to each command. */
export function completionSpec(program: Command): CommandSpec {
  const globals = visibleOptions(program).filter((option) => !option.flags.includes("--version"));
  const root = commandSpec(program, []);
  return {
    ...root,
    subcommands: program.commands.filter((c) => c.name() !== "help").map((c) => commandSpec(c, globals)),
  };
}

/** Every command with its path of names from the root (the root's path is empty). */
export function walk(
  spec: CommandSpec,
  path: string[] = [],
): Array<{ path: string[]; command: CommandSpec }> {
  return [{ path, command: spec }, ...spec.subcommands.flatMap((sub) => walk(sub, [...path, sub.name]))];
}
