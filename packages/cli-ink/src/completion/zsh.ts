// The zsh completion script: `source <(rbxassets completion zsh)` (after compinit), or saved as `_rbxassets`
// on $fpath. The same walk as bash's: the command path from the words, then values, options, subcommands
// (with their descriptions) or files.
import { commandPathWalk } from "./command-path.js";
import type { CommandSpec } from "./spec.js";

/** A zsh single-quoted word; a `_describe` entry also escapes its colons. */
const single = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
const described = (name: string, description: string) =>
  single(`${name.replaceAll(":", "\\:")}:${description.replaceAll("\n", " ")}`);

export function zshScript(spec: CommandSpec): string {
  const name = spec.name;
  const walk = commandPathWalk(spec, "zsh", {
    valueCase: (option) =>
      option.choices.length > 0
        ? `compadd -- ${option.choices.map(single).join(" ")}; return`
        : "_files; return",
    pathCase: (command) => {
      const options = command.options.map((option) =>
        described(option.flags.find((f) => f.startsWith("--")) ?? option.flags[0] ?? "", option.description),
      );
      const subcommands = [
        ...command.subcommands.map((sub) => described(sub.name, sub.description)),
        ...command.argumentChoices.map((choice) => single(choice)),
      ];
      return `subcommands=(${subcommands.join(" ")}); options=(${options.join(" ")})`;
    },
  });
  return `#compdef ${name}
# ${name} completion for zsh. Load it in this shell with: source <(${name} completion zsh)
# or for every shell: ${name} completion zsh > "\${fpath[1]}/_${name}"
_${name}() {
  local cmdpath="" word prev="\${words[CURRENT-1]}"
  local -a subcommands options
  local i
${walk}
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
