// The types a host plugin (the Vite one) and tools that compose plugins work with. Kept apart from
// plugin.ts, which needs rollup's types: this file and the "./host" entry must never import "rollup", so
// that a Vite 8 app (rolldown; rollup not installed) type-checks its vite.config.ts.
import type { Pipeline } from "@rbxassets/core/node";

/**
 * How imports become ids. `upload`: the pipeline's full resolve (lockfile hit, else upload or update).
 * `lockfile-only`: no network; a file whose content is not in the lockfile fails with the fix.
 */
export type ResolutionMode = "upload" | "lockfile-only";

/** What a host plugin (the Vite one) may set before the first build. */
export interface HostSettings {
  root?: string;
  resolution?: ResolutionMode;
  /** `serve`: modules are served one by one (no `renderChunk`), so the virtual module holds the map itself. */
  command?: "build" | "serve";
}

/** Exposed as `plugin.api`, for the Vite plugin and for tools that compose plugins. */
export interface RbxassetsApi {
  /** Applies host settings; has effect until the pipeline is created (at the first build start). */
  configure(settings: HostSettings): void;
  /** The pipeline, created on first use. */
  pipeline(): Pipeline;
  /** True when `file` (absolute) is the lockfile this plugin reads and writes. */
  isLockfile(file: string): boolean;
}
