// The one line a build prints about its assets, through each bundler's own logging (so that its log-level
// settings apply); none when nothing was sent. The line holds counts only: never a key or a path.
import type { ResolvedAsset } from "@rbxassets/core/node";
import { PLUGIN_NAME } from "./plugin-shape.js";

/** `3 assets uploaded, 1 updated, 12 from the lockfile`, or undefined when nothing was uploaded or updated. */
export function buildSummary(statuses: Iterable<ResolvedAsset["status"]>): string | undefined {
  let uploaded = 0;
  let updated = 0;
  let known = 0;
  for (const status of statuses) {
    if (status === "uploaded") uploaded++;
    else if (status === "updated") updated++;
    else known++;
  }
  if (uploaded === 0 && updated === 0) return undefined;
  return `${uploaded} ${uploaded === 1 ? "asset" : "assets"} uploaded, ${updated} updated, ${known} from the lockfile`;
}

/** The parts of a hook's context the line may go through (typed here: no bundler's declarations load). */
export interface SummaryContext {
  info?(message: string): void;
  getNativeBuildContext?(): { framework: string; compilation?: unknown };
}

/** The part of webpack's and rspack's Compilation used here. */
interface CompilationLike {
  errors: unknown[];
  getLogger(name: string): { info(message: string): void };
}

/**
 * Rollup, Rolldown and Vite: `this.info`. webpack and rspack: the compilation's logger, which their stats
 * print under `LOG from rbxassets` (as text, stats log at "info" by default; `stats.logging: "warn"` or a
 * quieter preset hides it); their buildEnd runs after a failed module too, so a compilation with errors prints nothing, as
 * a failed Rollup build does. esbuild has no logger for plugins: see `printSummaryOnEnd`.
 */
export function logSummary(ctx: SummaryContext, line: string): void {
  if (typeof ctx.info === "function") {
    ctx.info(line);
    return;
  }
  const native = ctx.getNativeBuildContext?.();
  if (native?.framework !== "webpack" && native?.framework !== "rspack") return;
  const compilation = native.compilation as CompilationLike | undefined;
  if (compilation && compilation.errors.length === 0) compilation.getLogger(PLUGIN_NAME).info(line);
}

/** The part of esbuild's PluginBuild used here. */
interface EsbuildLike {
  initialOptions: { logLevel?: string };
  onEnd(callback: (result: { errors: unknown[] }) => void): void;
}

/** esbuild's levels at which it prints its own summary of a build (the CLI's default is "info"). */
const ESBUILD_INFO_LEVELS = new Set(["info", "debug", "verbose"]);

/**
 * esbuild: after a build without errors, one line on stderr, where esbuild prints its own summary and at the
 * same log levels (the JS API's default, "warning", keeps both quiet). Its end callback, unlike buildEnd,
 * knows whether the build failed.
 */
export function printSummaryOnEnd(build: EsbuildLike, summary: () => string | undefined): void {
  build.onEnd((result) => {
    if (result.errors.length > 0) return;
    if (!ESBUILD_INFO_LEVELS.has(build.initialOptions.logLevel ?? "warning")) return;
    const line = summary();
    if (line !== undefined) process.stderr.write(`[plugin ${PLUGIN_NAME}] ${line}\n`);
  });
}
