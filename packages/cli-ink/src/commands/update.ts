import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { formatOperation } from "../format.js";
import { updateAsset } from "../services/update.js";

interface UpdateOptions {
  file?: string;
  name?: string;
  description?: string;
  icon?: string;
  preview?: string[];
  social?: Record<string, string>;
  expectedPrice?: number;
  wait?: boolean;
}

export async function run(
  env: CommandEnv,
  [assetId]: string[],
  options: UpdateOptions,
): Promise<CommandResult> {
  const ctx = await env.context();
  const result = await updateAsset(ctx, assetId!, {
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.name !== undefined ? { displayName: options.name } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.icon !== undefined ? { icon: options.icon } : {}),
    ...(options.preview !== undefined ? { previews: options.preview } : {}),
    ...(options.social !== undefined ? { social: options.social } : {}),
    ...(options.expectedPrice !== undefined ? { expectedPrice: options.expectedPrice } : {}),
    wait: options.wait === true,
    signal: env.signal,
  });
  env.out.result(result, () => formatOperation(result));
  if (result.status === "pending")
    env.out.log(`not finished yet: rbxassets operation ${result.operationId} --wait`);
  if (result.status === "failed") env.out.error(`update failed: ${result.error?.message ?? "unknown error"}`);
  return result.status === "succeeded" || result.status === "pending" ? ExitCode.ok : ExitCode.failure;
}
