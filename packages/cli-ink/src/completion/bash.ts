// The bash completion script: `source <(rbxassets completion bash)`. The command path is the words that
// name subcommands (options and their values skipped); then an option's values, the path's options, its
// subcommands, or (with `-o default`) file names for its arguments.
import { type CommandSpec, type OptionSpec, walk } from "./spec.js";

const quoted = (words: string[]) => `"${words.join(" ")}"`;
/** How the script spells a command path: `""` for the program, `" lockfile merge"` for a subcommand's. */
export const pathKey = (path: string[]) => (path.length === 0 ? '""' : `" ${path.join(" ")}"`);

/** Options that take a value, once each, across every command. */
export function valueOptions(spec: CommandSpec): OptionSpec[] {
  const seen = new Map<string, OptionSpec>();
  for (const { command } of walk(spec)) {
    for (const option of command.options) if (option.takesValue) seen.set(option.flags.join("|"), option);
  }
  return [...seen.values()];
}

export function bashScript(spec: CommandSpec): string {
  const name = spec.name;
  const commands = walk(spec);
  const descend = commands
    .filter(({ path }) => path.length > 0)
    .map(({ path }) => `      ${pathKey(path)}) cmdpath="$cmdpath $word" ;;`)
    .join("\n");
  const values = valueOptions(spec);
  const withValue = values.flatMap((option) => option.flags);
  const valueCases = values
    .map((option) =>
      option.choices.length > 0
        ? `    ${option.flags.join("|")}) COMPREPLY=($(compgen -W ${quoted(option.choices)} -- "$cur")); return ;;`
        : `    ${option.flags.join("|")}) return ;;`,
    )
    .join("\n");
  const pathCases = commands
    .map(({ path, command }) => {
      const options = command.options.flatMap((option) => option.flags.filter((f) => f.startsWith("--")));
      const subcommands = [...command.subcommands.map((sub) => sub.name), ...command.argumentChoices];
      return `    ${pathKey(path)}) words=${quoted(subcommands)}; opts=${quoted(options)} ;;`;
    })
    .join("\n");
  return `# ${name} completion for bash. Load it in this shell with: source <(${name} completion bash)
# or for every shell: ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
_${name}_completion() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" cmdpath="" word i words opts
  (( COMP_CWORD > 0 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  for (( i = 1; i < COMP_CWORD; i++ )); do
    word="\${COMP_WORDS[i]}"
    case "$word" in
      ${withValue.length > 0 ? `${withValue.join("|")}) (( i++ )); continue ;;` : ""}
      -*) continue ;;
    esac
    case "$cmdpath $word" in
${descend}
    esac
  done
  case "$prev" in
${valueCases}
  esac
  case "$cmdpath" in
${pathCases}
    *) words=""; opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ -n "$words" ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
}
complete -o default -F _${name}_completion ${name}
`;
}
