// sharp (image processing) and chokidar (watching) are optional peer dependencies of core, so that a
// client-only install (`npm i @rbxassets/core`, the browser client) brings no native binaries; the CLI
// and the bundler plugins depend on them. Core loads them on first use, and a missing one is one line
// that names the package to install.
import { PipelineError } from "./errors.js";

/** The packages core loads on demand, with the range it is built and tested against. */
export const OPTIONAL_DEPENDENCIES = {
  sharp: { range: "^0.35.5", for: "image processing (alpha bleed, SVG, spritesheets)" },
  chokidar: { range: "^5.0.0", for: "watching files" },
} as const;

export type OptionalDependency = keyof typeof OPTIONAL_DEPENDENCIES;

/**
 * Imports an optional dependency; when it is not installed, throws a PipelineError (rule
 * `missing-dependency`, facts `{ package, range }`) about `file` that names what to install.
 */
export async function loadOptionalDependency<T>(
  name: OptionalDependency,
  file: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingPackage(error, name)) throw error;
    const { range, for: purpose } = OPTIONAL_DEPENDENCIES[name];
    throw new PipelineError(
      file,
      "missing-dependency",
      `${purpose} needs ${name}, which is not installed`,
      `install it beside @rbxassets/core: npm install ${name}@${range}`,
      { cause: error, facts: { package: name, range } },
    );
  }
}

/** Only the package itself missing; an error from inside an installed one is reported as it is. */
function isMissingPackage(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code !== "ERR_MODULE_NOT_FOUND" && code !== "MODULE_NOT_FOUND") return false;
  return (error as Error).message.includes(`'${name}'`);
}
