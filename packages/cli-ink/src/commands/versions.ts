import type { CommandEnv, CommandResult } from "../command-env.js";
import { CliError, ExitCode } from "../errors.js";
import { formatVersions } from "../format.js";
import { listVersions } from "../services/versions.js";

interface VersionsOptions {
  all?: boolean;
  pageSize?: number;
  pageToken?: string;
}

export async function run(
  env: CommandEnv,
  [assetId]: string[],
  options: VersionsOptions,
): Promise<CommandResult> {
  if (options.all && options.pageToken !== undefined) {
    throw new CliError("--all and --page-token do not go together: --all already reads every page", {
      rule: "usage",
    });
  }
  const page = await listVersions(await env.context(), assetId!, {
    all: options.all === true,
    ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
    ...(options.pageToken !== undefined ? { pageToken: options.pageToken } : {}),
  });
  env.out.result(page, () => formatVersions(page.versions));
  if (page.nextPageToken && !env.out.json) {
    env.out.log(`more: rbxassets versions ${assetId} --page-token ${page.nextPageToken}`);
  }
  return ExitCode.ok;
}
