// The zsh completion script: `source <(rbxassets completion zsh)` (after compinit), or saved as `_rbxassets`
// on $fpath. The same walk as bash's: the command path from the words, then values, options, subcommands
// (with their descriptions) or files.
import { pathKey, valueOptions } from "./bash.js";
import { type CommandSpec, walk } from "./spec.js";

/** A zsh single-quoted word; a `_describe` entry also escapes its colons. */
const single = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
const described = (name: string, description: string) =>
  single(`${name.replaceAll(":", "\\:")}:${description.replaceAll("\n", " ")}`);

export function zshScript(spec: CommandSpec): string {
  const name = spec.name;
  const commands = walk(spec);
  const values = valueOptions(spec);
  const withValue = values.flatMap((option) => option.flags);
  const descend = commands
    .filter(({ path }) => path.length > 0)
    .map(({ path }) => `      ${pathKey(path)}) cmdpath="$cmdpath $word" ;;`)
    .join("\n");
  const valueCases = values
    .map((option) =>
      option.choices.length > 0
        ? `    ${option.flags.join("|")}) compadd -- ${option.choices.map(single).join(" ")}; return ;;`
        : `    ${option.flags.join("|")}) _files; return ;;`,
    )
    .join("\n");
  const pathCases = commands
    .map(({ path, command }) => {
      const options = command.options.map((option) =>
        described(option.flags.find((f) => f.startsWith("--")) ?? option.flags[0] ?? "", option.description),
      );
      const subcommands = [
        ...command.subcommands.map((sub) => described(sub.name, sub.description)),
        ...command.argumentChoices.map((choice) => single(choice)),
      ];
      return `    ${pathKey(path)}) subcommands=(${subcommands.join(" ")}); options=(${options.join(" ")}) ;;`;
    })
    .join("\n");
  return `#compdef ${name}
# ${name} completion for zsh. Load it in this shell with: source <(${name} completion zsh)
# or for every shell: ${name} completion zsh > "\${fpath[1]}/_${name}"
_${name}() {
  local cmdpath="" word prev="\${words[CURRENT-1]}"
  local -a subcommands options
  local i
  for (( i = 2; i < CURRENT; i++ )); do
    word="\${words[i]}"
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
  esac
  if [[ "$PREFIX" == -* ]]; then
    _describe -t options option options
  elif (( \${#subcommands} )); then
    _describe -t commands command subcommands
  else
    _files
  fi
}
if (( $+functions[compdef] )); then
  compdef _${name} ${name}
fi
`;
}
