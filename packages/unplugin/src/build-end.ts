// What the end of a build (buildEnd) may do, per bundler: learn whether a module failed, and fail the build
// itself. Rollup-like bundlers pass buildEnd the error and have `this.error`; unplugin's webpack and rspack
// contexts have neither at the end, only the compilation (whose errors fail the build as their own).
import { PLUGIN_NAME } from "./plugin-shape.js";

/** The part of webpack's and rspack's Compilation used here (typed here: their declarations are not loaded). */
export interface CompilationLike {
  errors: unknown[];
  getLogger(name: string): { info(message: string): void };
}

/** The parts of a hook's context the end uses (unplugin's webpack and rspack contexts, or Rollup's). */
export interface EndContext {
  error?(message: string): unknown;
  info?(message: string): void;
  getNativeBuildContext?(): { framework: string; compilation?: unknown };
}

/** webpack's and rspack's compilation, from unplugin's context; undefined for every other bundler. */
export function compilationOf(ctx: EndContext): CompilationLike | undefined {
  const native = ctx.getNativeBuildContext?.();
  if (native?.framework !== "webpack" && native?.framework !== "rspack") return undefined;
  return native.compilation as CompilationLike | undefined;
}

/** webpack and rspack call buildEnd after a failed module too: its error is in the compilation already. */
export function failedBefore(ctx: EndContext): boolean {
  return (compilationOf(ctx)?.errors.length ?? 0) > 0;
}

/**
 * Fails the build with `message` from its end: an error of the compilation (webpack, rspack: printed as
 * their own `ERROR in rbxassets: …`, without a stack), else `this.error` (Rollup, Rolldown, Vite: they name
 * the plugin), else a throw (esbuild makes one thrown in its end callback a build error naming the plugin).
 */
export function failAtEnd(ctx: EndContext, message: string): void {
  const compilation = compilationOf(ctx);
  if (compilation) {
    compilation.errors.push(new Error(`${PLUGIN_NAME}: ${message}`));
    return;
  }
  if (typeof ctx.error === "function") ctx.error(message);
  throw new Error(message);
}
