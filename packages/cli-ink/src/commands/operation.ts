import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { formatOperation } from "../format.js";
import { getOperation } from "../services/operations.js";

export async function run(
  env: CommandEnv,
  [operationId]: string[],
  options: { wait?: boolean },
): Promise<CommandResult> {
  const report = await getOperation(await env.context(), operationId!, {
    wait: options.wait === true,
    signal: env.signal,
  });
  env.out.result(report, () => formatOperation(report));
  if (report.status === "failed")
    env.out.error(`operation failed: ${report.error?.message ?? "unknown error"}`);
  if (report.status === "timedOut")
    env.out.error("operation not done before the time limit; try again later");
  if (report.status === "aborted") env.out.error("aborted");
  return report.status === "succeeded" || report.status === "pending" ? ExitCode.ok : ExitCode.failure;
}
