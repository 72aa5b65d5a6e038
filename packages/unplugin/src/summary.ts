// The one line a build prints about its assets, through each bundler's own logging (so that its log-level
// settings apply); none when nothing was sent. The line holds counts only: never a key or a path.
import type { ResolvedAsset } from "@rbxassets/core/node";
import { compilationOf, type EndContext } from "./build-end.js";
import { PLUGIN_NAME } from "./plugin-shape.js";

/**
 * `3 assets uploaded, 1 updated, 12 from the lockfile`, with `, 2 grants` when the build granted experiences
 * (an asset or an atlas to one experience each); undefined when nothing was uploaded, updated or granted.
 */
export function buildSummary(statuses: Iterable<ResolvedAsset["status"]>, grants = 0): string | undefined {
  let uploaded = 0;
  let updated = 0;
  let known = 0;
  for (const status of statuses) {
    if (status === "uploaded") uploaded++;
    else if (status === "updated") updated++;
    else known++;
  }
  if (uploaded === 0 && updated === 0 && grants === 0) return undefined;
  const granted = grants > 0 ? `, ${grants} ${grants === 1 ? "grant" : "grants"}` : "";
  return `${uploaded} ${uploaded === 1 ? "asset" : "assets"} uploaded, ${updated} updated, ${known} from the lockfile${granted}`;
}

/**
 * Rollup, Rolldown and Vite: `this.info`. webpack and rspack: the compilation's logger, which their stats
 * print under `LOG from rbxassets` (as text, stats log at "info" by default; `stats.logging: "warn"` or a
 * quieter preset hides it); their buildEnd runs after a failed module too, so a compilation with errors prints nothing, as
 * a failed Rollup build does. esbuild has no logger for plugins: see `finishOnEnd`.
 */
export function logSummary(ctx: EndContext, line: string): void {
  if (typeof ctx.info === "function") {
    ctx.info(line);
    return;
  }
  const compilation = compilationOf(ctx);
  if (compilation && compilation.errors.length === 0) compilation.getLogger(PLUGIN_NAME).info(line);
}

/** The part of esbuild's PluginBuild used here. */
interface EsbuildLike {
  initialOptions: { logLevel?: string };
  onEnd(callback: (result: { errors: unknown[] }) => void | Promise<void>): void;
}

/** esbuild's levels at which it prints its own summary of a build (the CLI's default is "info"). */
const ESBUILD_INFO_LEVELS = new Set(["info", "debug", "verbose"]);

/**
 * esbuild: after a build without errors, `finish` (the build's grants; what it throws esbuild reports as the
 * build's error), then its line on stderr, where esbuild prints its own summary and at the same log levels
 * (the JS API's default, "warning", keeps both quiet). Its end callback, unlike buildEnd, knows whether the
 * build failed.
 */
export function finishOnEnd(build: EsbuildLike, finish: () => Promise<string | undefined>): void {
  build.onEnd(async (result) => {
    if (result.errors.length > 0) return;
    const line = await finish();
    if (!ESBUILD_INFO_LEVELS.has(build.initialOptions.logLevel ?? "warning")) return;
    if (line !== undefined) process.stderr.write(`[plugin ${PLUGIN_NAME}] ${line}\n`);
  });
}
