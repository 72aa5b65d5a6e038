// NO_COLOR (https://no-color.org) for the TUI. Ink's chalk does not read it, and turning chalk off would
// also take away bold, dim and the inverse that draws a text field's cursor. So colours alone are taken out
// of what Ink writes: the SGR parameters that set a foreground or background colour. FORCE_COLOR, when
// set, wins (chalk reads it: `FORCE_COLOR=0` turns every style off, `FORCE_COLOR=1` keeps colours).

/** Whether the environment asks for no colour: NO_COLOR set and not empty, and no FORCE_COLOR. */
export function noColorRequested(env: NodeJS.ProcessEnv): boolean {
  return (env.NO_COLOR ?? "") !== "" && env.FORCE_COLOR === undefined;
}

/**
 * SGR parameters (`ESC [ … m`) without those that set a colour (the defaults, 39 and 49, stay); a sequence
 * left empty is dropped. Text with no colour comes back unchanged.
 */
export function withoutColor(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the terminal's escape sequences
  return text.replace(/\u001B\[([\d;]*)m/g, (whole, params: string) => {
    if (params === "" || params === "0") return whole;
    const codes = params.split(";").map(Number);
    const kept: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      if (code === 38 || code === 48 || code === 58) {
        // 38;5;n or 38;2;r;g;b: skip the colour's own parameters too.
        i += codes[i + 1] === 5 ? 2 : codes[i + 1] === 2 ? 4 : 0;
        continue;
      }
      // 39 and 49 set the terminal's default colours back: they add no colour, and may stay.
      const colour = (code >= 30 && code <= 38) || (code >= 40 && code <= 48) || (code >= 90 && code <= 107);
      if (!colour) kept.push(code);
    }
    return kept.length === 0 ? "" : `\u001B[${kept.join(";")}m`;
  });
}

/** The terminal's stream, writing without colours; everything else (size, resize events) is the stream's. */
export function noColorStream(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return new Proxy(stream, {
    get(target, property) {
      if (property === "write") {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(
            typeof chunk === "string" ? withoutColor(chunk) : chunk,
            ...rest,
          );
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Ink's `stdout` option for the terminal: the stream without colours when NO_COLOR asks, else Ink's own. */
export function terminalStdout(): { stdout?: NodeJS.WriteStream } {
  return noColorRequested(process.env) ? { stdout: noColorStream(process.stdout) } : {};
}
