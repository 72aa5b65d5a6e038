import type { RequestAssetType as AssetType } from "@rbxassets/core/node";
import type { CommandEnv, CommandResult } from "../command-env.js";
import { CliError, ExitCode } from "../errors.js";
import { EXPECTED_PRICE_FIX } from "../fixes.js";
import { formatUpload } from "../format.js";
import { showPath } from "../output.js";
import { promptChoice } from "../prompt.js";
import { inputAssetType } from "../services/project-upload.js";
import { detectAssetType, type UploadResult, uploadFile } from "../services/upload.js";
import { quotaLine, stoppingLine } from "../sync-output.js";

interface UploadOptions {
  type?: AssetType;
  name?: string;
  description?: string;
  expectedPrice?: number;
  wait?: boolean;
  /** `--no-quota-check`: false. */
  quotaCheck?: boolean;
}

export async function run(env: CommandEnv, [file]: string[], options: UploadOptions): Promise<CommandResult> {
  const ctx = await env.context();
  let assetType = options.type ?? inputAssetType(ctx, file!);
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
    throw new CliError(`video uploads carry a fee: ${EXPECTED_PRICE_FIX}`, { rule: "expected-price" });
  }
  let stopping = false;
  const result = await uploadFile(ctx, {
    file: file!,
    assetType,
    ...(options.name !== undefined ? { displayName: options.name } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.expectedPrice !== undefined ? { expectedPrice: options.expectedPrice } : {}),
    wait: options.wait === true,
    // The quota line a sync prints, and its opt-out.
    quotaCheck: options.quotaCheck !== false,
    onQuota: (event) => env.out.log(quotaLine(event)),
    signal: env.signal,
    stop: env.stop,
    onStopping: (finishing) => {
      env.out.log(stoppingLine(finishing, !stopping));
      stopping = true;
    },
    onStage: (stage) =>
      env.out.log(
        stage === "uploading"
          ? `uploading ${showPath(file!)} as ${assetType}…`
          : "waiting for the upload to finish…",
      ),
  });
  env.out.result(result, () => formatUpload(result));
  for (const note of uploadNotes(result, options)) env.out.log(note);
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

/** What a person should know beside the result: what the lockfile made of it, or why it is not recorded. */
function uploadNotes(result: UploadResult, options: UploadOptions): string[] {
  if (!result.recorded) {
    return [`not recorded in the lockfile (${result.notRecorded}): a later sync does not know this upload`];
  }
  const lockfile = result.lockfile ?? "the lockfile";
  switch (result.outcome) {
    case "uploaded":
      return [`recorded in ${lockfile}`];
    case "updated":
      return [`${lockfile} recorded asset ${result.assetId} for this file: its content became a new version`];
    default: {
      const where = result.outcome === "reused" ? "under another file" : "for this file";
      const renamed = options.name !== undefined || options.description !== undefined;
      return [
        `nothing uploaded: ${lockfile} already holds this content ${where} as ${result.uri}`,
        ...(renamed
          ? [`to change its name or description: rbxassets update ${result.assetId} --name …`]
          : []),
      ];
    }
  }
}
