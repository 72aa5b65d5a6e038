// Whether the plain commands colour what they write: NO_COLOR (https://no-color.org) and FORCE_COLOR
// (https://force-color.org) first, else only on a terminal that has colours. NO_COLOR wins when both are
// set (bin/rbxassets.js also sets FORCE_COLOR=0 then, so Node, commander and Ink agree, and Node prints no
// warning about the pair).

interface ColorStream {
  isTTY?: boolean;
  hasColors?: () => boolean;
}

export function colorsOn(stream: ColorStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return stream.isTTY === true && (stream.hasColors?.() ?? false) && env.TERM !== "dumb";
}

/** The `rbxassets:` prefix of a failure line, red and bold when colour is on. */
export function failurePrefix(colored: boolean): string {
  return colored ? "\x1b[1;31mrbxassets:\x1b[22;39m" : "rbxassets:";
}
