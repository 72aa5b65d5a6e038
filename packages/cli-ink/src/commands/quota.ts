import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { table } from "../output.js";
import { DEFAULT_QUOTA_TYPES, readQuotas } from "../services/quota.js";

const PERIOD: Record<string, string> = { MONTH: "month", DAY: "day" };

export async function run(
  env: CommandEnv,
  _args: string[],
  options: { type?: string[] },
): Promise<CommandResult> {
  const types = options.type?.length ? options.type : [...DEFAULT_QUOTA_TYPES];
  const result = await readQuotas(await env.context(), types, { signal: env.signal });
  env.out.result(result, () =>
    result.quotas.length === 0
      ? `no upload quota for ${types.join(", ")} (${result.creator})`
      : table(
          ["TYPE", "USED", "CAPACITY", "LEFT", "PER", "RESETS"],
          result.quotas.map((q) => [
            q.assetType,
            String(q.usage),
            String(q.capacity),
            String(q.left),
            PERIOD[q.period] ?? q.period.toLowerCase(),
            q.resetTime,
          ]),
        ),
  );
  return ExitCode.ok;
}
