// The fish completion script: `rbxassets completion fish | source`, or saved under
// ~/.config/fish/completions/rbxassets.fish. One `complete` line per subcommand and per option, each
// guarded by the command path it belongs to.
import { type CommandSpec, walk } from "./spec.js";

const single = (text: string) => `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

export function fishScript(spec: CommandSpec): string {
  const name = spec.name;
  const lines = [
    `# ${name} completion for fish. Load it with: ${name} completion fish | source`,
    `# or for every shell: ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `complete -c ${name} -e`,
  ];
  for (const { path, command } of walk(spec)) {
    // This command's path is on the line, and none of its subcommands yet.
    const seen = path.map((word) => `__fish_seen_subcommand_from ${word}`);
    const children = command.subcommands.map((sub) => sub.name);
    const notDeeper = children.length > 0 ? [`not __fish_seen_subcommand_from ${children.join(" ")}`] : [];
    const rootOnly =
      path.length === 0
        ? [`not __fish_seen_subcommand_from ${spec.subcommands.map((s) => s.name).join(" ")}`]
        : [];
    const condition = [...seen, ...(path.length === 0 ? rootOnly : notDeeper)].join("; and ");
    const guard = condition === "" ? "" : ` -n ${single(condition)}`;
    for (const sub of command.subcommands) {
      lines.push(`complete -c ${name}${guard} -f -a ${sub.name} -d ${single(sub.description)}`);
    }
    if (command.argumentChoices.length > 0) {
      lines.push(`complete -c ${name}${guard} -f -a ${single(command.argumentChoices.join(" "))}`);
    }
    for (const option of command.options) {
      const flags = option.flags
        .map((flag) => (flag.startsWith("--") ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`))
        .join(" ");
      const value = option.takesValue
        ? option.choices.length > 0
          ? ` -x -a ${single(option.choices.join(" "))}`
          : " -r -F"
        : "";
      lines.push(`complete -c ${name}${guard} ${flags}${value} -d ${single(option.description)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
