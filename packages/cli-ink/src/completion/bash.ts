// The bash completion script: `source <(rbxassets completion bash)`. The command path is the words that
// name subcommands (options and their values skipped); then an option's values, the path's options, its
// subcommands, or (with `-o default`) file names for its arguments.
import { commandPathWalk } from "./command-path.js";
import type { CommandSpec } from "./spec.js";

const quoted = (words: string[]) => `"${words.join(" ")}"`;

export function bashScript(spec: CommandSpec): string {
  const name = spec.name;
  const walk = commandPathWalk(spec, "bash", {
    valueCase: (option) =>
      option.choices.length > 0
        ? `COMPREPLY=($(compgen -W ${quoted(option.choices)} -- "$cur")); return`
        : "return",
    pathCase: (command) => {
      const options = command.options.flatMap((option) => option.flags.filter((f) => f.startsWith("--")));
      const subcommands = [...command.subcommands.map((sub) => sub.name), ...command.argumentChoices];
      return `words=${quoted(subcommands)}; opts=${quoted(options)}`;
    },
  });
  return `# ${name} completion for bash. Load it in this shell with: source <(${name} completion bash)
# or for every shell: ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
_${name}_completion() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" cmdpath="" word i words opts
  (( COMP_CWORD > 0 )) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
${walk}
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
