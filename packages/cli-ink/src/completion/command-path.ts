// The part of the bash and zsh scripts that is the same in both: the walk over the typed words to the
// command path (options and their values skipped), then the cases for an option's values and for each path.
import { type CommandSpec, type OptionSpec, walk } from "./spec.js";

/** How the scripts spell a command path: `""` for the program, `" lockfile merge"` for a subcommand's. */
export const pathKey = (path: string[]) => (path.length === 0 ? '""' : `" ${path.join(" ")}"`);

/** Options that take a value, once each, across every command. */
export function valueOptions(spec: CommandSpec): OptionSpec[] {
  const seen = new Map<string, OptionSpec>();
  for (const { command } of walk(spec)) {
    for (const option of command.options) if (option.takesValue) seen.set(option.flags.join("|"), option);
  }
  return [...seen.values()];
}

/** Each shell's array of typed words, the index of the first after the program's, and the cursor's. */
const WORDS = {
  bash: { words: "COMP_WORDS", first: 1, cursor: "COMP_CWORD" },
  zsh: { words: "words", first: 2, cursor: "CURRENT" },
} as const;

export interface CommandPathCases {
  /** The case body for an option's values (`return` when done). */
  valueCase: (option: OptionSpec) => string;
  /** The case body for a command path: sets the shell's lists of subcommands and options. */
  pathCase: (command: ReturnType<typeof walk>[number]["command"]) => string;
}

/** The script's lines from the walk up to the open `case "$cmdpath" in` (each shell closes it its way). */
export function commandPathWalk(
  spec: CommandSpec,
  shellName: keyof typeof WORDS,
  shell: CommandPathCases,
): string {
  const { words, first, cursor } = WORDS[shellName];
  const commands = walk(spec);
  const values = valueOptions(spec);
  const withValue = values.flatMap((option) => option.flags);
  const descend = commands
    .filter(({ path }) => path.length > 0)
    .map(({ path }) => `      ${pathKey(path)}) cmdpath="$cmdpath $word" ;;`)
    .join("\n");
  const valueCases = values.map((option) => `    ${option.flags.join("|")}) ${shell.valueCase(option)} ;;`);
  const pathCases = commands.map(
    ({ path, command }) => `    ${pathKey(path)}) ${shell.pathCase(command)} ;;`,
  );
  return `  for (( i = ${first}; i < ${cursor}; i++ )); do
    word="\${${words}[i]}"
    case "$word" in
      ${withValue.length > 0 ? `${withValue.join("|")}) (( i++ )); continue ;;` : ""}
      -*) continue ;;
    esac
    case "$cmdpath $word" in
${descend}
    esac
  done
  case "$prev" in
${valueCases.join("\n")}
  esac
  case "$cmdpath" in
${pathCases.join("\n")}`;
}
