import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { cliReason, OUTSIDE_ROOT_FIX } from "../fixes.js";
import { showPath } from "../output.js";
import { syncPaths } from "../services/sync.js";
import { closingLine, describeEvent, stoppingLine, summary } from "../sync-output.js";

interface SyncOptions {
  check?: boolean;
  /** `studio`: copy into Studio's content folder instead of uploading (sync-studio.ts). */
  target?: "cloud" | "studio";
  /** Keep watching the project file's inputs after the sync (sync-watch.ts). */
  watch?: boolean;
  expectedPrice?: number;
  /** Pack spritesheets afresh instead of keeping their layout. */
  repack?: boolean;
  /** `--no-quota-check`: false. */
  quotaCheck?: boolean;
  lockfile?: string;
  ts?: string;
  luau?: string;
}

export async function run(env: CommandEnv, paths: string[], options: SyncOptions): Promise<CommandResult> {
  if (options.target === "studio") return (await import("./sync-studio.js")).runStudio(env, paths, options);
  if (options.watch) return (await import("./sync-watch.js")).runWatch(env, paths, options);
  const ctx = await env.context();
  const check = options.check === true;
  // Failures worded with the CLI's fixes (by their rule), for the progress lines and the report alike.
  const reasons = new Map<string, string>();
  let stopping = false;
  const synced = await syncPaths(ctx, paths, {
    check,
    signal: env.signal,
    stop: env.stop,
    onEvent: (event) => {
      if (event.type === "stopping") {
        env.out.log(stoppingLine(event.finishing, !stopping));
        stopping = true;
        return;
      }
      if (event.type === "failed") reasons.set(event.file, cliReason(event));
      const line = describeEvent(event.type === "failed" ? { ...event, reason: cliReason(event) } : event);
      if (line) env.out.log(line);
    },
    outsideRootFix: OUTSIDE_ROOT_FIX,
    ...(options.expectedPrice !== undefined ? { expectedPrice: options.expectedPrice } : {}),
    ...(options.lockfile !== undefined ? { lockfile: options.lockfile } : {}),
    ...(options.repack ? { repack: true } : {}),
    ...(options.quotaCheck === false ? { quotaCheck: false } : {}),
    codegen: {
      ...(options.ts !== undefined ? { typescript: options.ts } : {}),
      ...(options.luau !== undefined ? { luau: options.luau } : {}),
    },
  });
  const report = {
    ...synced,
    failed: synced.failed.map((f) => ({ ...f, reason: reasons.get(f.file) ?? f.reason })),
  };
  for (const module of synced.modules ?? []) env.out.log(`wrote     ${showPath(module)}`);
  env.out.result(report, () => summary(report, check));
  const closing = closingLine(report, check);
  if (closing === undefined) return ExitCode.ok;
  env.out.error(closing);
  return ExitCode.failure;
}
