import { CliError } from "./errors.js";

// The emulator (a fastify server) is an optional peer dependency, so that installing the CLI does not
// install a web server: `rbxassets emulator` loads it when the user has installed it and otherwise says
// what to install.
export const EMULATOR_PACKAGE = "@rbxassets/emulator";

/** Imports `@rbxassets/emulator`, or throws a one-line CliError naming the package to install. */
export async function loadEmulator(): Promise<typeof import("@rbxassets/emulator")> {
  try {
    return await import("@rbxassets/emulator");
  } catch (error) {
    if (isMissing(error, EMULATOR_PACKAGE)) {
      throw new CliError(
        `rbxassets emulator needs ${EMULATOR_PACKAGE}, which is not installed: install it beside the CLI with \`npm install --save-dev ${EMULATOR_PACKAGE}\` (with -g if the CLI is global)`,
        { rule: "missing-dependency", facts: { package: EMULATOR_PACKAGE } },
      );
    }
    throw error;
  }
}

// Only the package itself missing: an error from inside an installed emulator (one of its own
// dependencies missing, say) is reported as it is.
function isMissing(error: unknown, name: string): boolean {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== "ERR_MODULE_NOT_FOUND")
    return false;
  return error.message.includes(`'${name}'`);
}
