import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { table } from "../output.js";
import { type GrantOutcome, grantAssets } from "../services/grant.js";

/** One row per asset and experience: granted, or why not. */
function describe(outcomes: GrantOutcome[]): string {
  const rows = outcomes.flatMap(({ experience, successAssetIds, errors }) => [
    ...successAssetIds.map((id) => [id, experience, "granted"]),
    ...errors.map((e) => [e.assetId, experience, `not granted: ${e.reason} (${e.code})`]),
  ]);
  return table(["ASSET", "EXPERIENCE", "RESULT"], rows);
}

export async function run(
  env: CommandEnv,
  assetIds: string[],
  options: { experience?: string[] },
): Promise<CommandResult> {
  const outcomes = await grantAssets(await env.context(), assetIds, options.experience ?? [], {
    signal: env.signal,
  });
  env.out.result({ experiences: outcomes }, () => describe(outcomes));
  const refused = outcomes.reduce((n, outcome) => n + outcome.errors.length, 0);
  if (refused === 0) return ExitCode.ok;
  env.out.error(`${refused} grant${refused === 1 ? "" : "s"} refused`);
  return ExitCode.failure;
}
