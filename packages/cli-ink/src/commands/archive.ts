import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { formatAsset } from "../format.js";
import { archiveAsset } from "../services/asset.js";

export async function run(env: CommandEnv, [assetId]: string[]): Promise<CommandResult> {
  const asset = await archiveAsset(await env.context(), assetId!);
  env.out.result(asset, () => formatAsset(asset));
  return ExitCode.ok;
}
