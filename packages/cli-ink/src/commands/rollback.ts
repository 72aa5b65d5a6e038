import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { formatVersion } from "../format.js";
import { rollback } from "../services/versions.js";

export async function run(env: CommandEnv, [assetId, version]: string[]): Promise<CommandResult> {
  const result = await rollback(await env.context(), assetId!, version!);
  env.out.result(result, () => formatVersion(result));
  return ExitCode.ok;
}
