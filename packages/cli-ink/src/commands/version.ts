import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { formatVersion } from "../format.js";
import { getVersion } from "../services/versions.js";

export async function run(env: CommandEnv, [assetId, version]: string[]): Promise<CommandResult> {
  const result = await getVersion(await env.context(), assetId!, version!);
  env.out.result(result, () => formatVersion(result));
  return ExitCode.ok;
}
