import type { CommandEnv, CommandResult } from "../command-env.js";
import { CliError, ExitCode } from "../errors.js";
import { formatUpload } from "../format.js";
import { showPath } from "../output.js";
import { promptChoice } from "../prompt.js";
import { type AssetType, detectAssetType, uploadFile } from "../services/assets.js";

interface UploadOptions {
  type?: AssetType;
  name?: string;
  description?: string;
  expectedPrice?: number;
  wait?: boolean;
}

export async function run(env: CommandEnv, [file]: string[], options: UploadOptions): Promise<CommandResult> {
  const ctx = await env.context();
  let assetType = options.type;
  if (assetType === undefined) {
    // An .rbxm could be a Model or an Animation: ask, or (without a terminal) say which flag decides.
    const detected = await detectAssetType(ctx, file!);
    assetType =
      detected.assetType ??
      (await promptChoice({
        message: `${showPath(file!)} could be ${detected.candidates.join(" or ")}: which asset type?`,
        choices: detected.candidates.map((value) => ({ value })),
        flag: `--type ${detected.candidates.join("|")}`,
      }));
  }
  if (assetType === "Video" && options.expectedPrice === undefined) {
    throw new CliError(
      "video uploads carry a fee: pass --expected-price <robux> (the most you accept to pay)",
      ExitCode.usage,
    );
  }
  const result = await uploadFile(ctx, {
    file: file!,
    assetType,
    ...(options.name !== undefined ? { displayName: options.name } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.expectedPrice !== undefined ? { expectedPrice: options.expectedPrice } : {}),
    wait: options.wait === true,
    signal: env.signal,
    onStage: (stage) =>
      env.out.log(
        stage === "uploading"
          ? `uploading ${showPath(file!)} as ${assetType}…`
          : "waiting for the upload to finish…",
      ),
  });
  env.out.result(result, () => formatUpload(result));
  if (!result.done && !options.wait)
    env.out.log(`not finished yet: rbxassets operation ${result.operationId} --wait`);
  if (result.status === "failed") env.out.error(`upload failed: ${result.error?.message ?? "unknown error"}`);
  if (result.status === "timedOut" || result.status === "aborted") {
    env.out.error(
      `upload ${result.status === "aborted" ? "aborted" : "timed out"}: rbxassets operation ${result.operationId} --wait`,
    );
  }
  return result.status === "succeeded" || result.status === "pending" ? ExitCode.ok : ExitCode.failure;
}
