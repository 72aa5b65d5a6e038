import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { formatAsset, formatFields } from "../format.js";
import { getAsset } from "../services/asset.js";

export async function run(
  env: CommandEnv,
  [assetId]: string[],
  options: { fields?: string[] },
): Promise<CommandResult> {
  const ctx = await env.context();
  const fields = options.fields ?? [];
  const asset = await getAsset(ctx, assetId!, { fields });
  if (fields.length === 0) {
    env.out.result(asset, () => formatAsset(asset));
    return ExitCode.ok;
  }
  // With --fields, the result is those fields (and the id) only.
  const record = asset as Record<string, unknown>;
  const picked = Object.fromEntries(
    ["assetId", ...fields.filter((field) => field !== "assetId")]
      .filter((f) => f in record)
      .map((f) => [f, record[f]]),
  );
  env.out.result(picked, () => formatFields(asset, fields));
  return ExitCode.ok;
}
