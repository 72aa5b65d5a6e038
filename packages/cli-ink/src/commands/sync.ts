import type { CommandEnv, CommandResult } from "../command-env.js";
import { ExitCode } from "../errors.js";
import { showPath, table } from "../output.js";
import { type PipelineEvent, type SyncReport, syncPaths } from "../services/sync.js";

interface SyncOptions {
  check?: boolean;
  lockfile?: string;
  ts?: string;
  luau?: string;
}

/** Pipeline reasons usually start with the file already (`a.png: … — …`): don't say it twice. */
const withFile = (file: string, reason: string) => {
  const shown = showPath(file);
  if (reason.startsWith(`${shown}: `)) return reason;
  if (reason.startsWith(`${file}: `)) return `${shown}${reason.slice(file.length)}`;
  return `${shown}: ${reason}`;
};

/** Progress lines for stderr: one per finished, failed or skipped file. */
function describeEvent(event: PipelineEvent): string | undefined {
  switch (event.type) {
    case "scan":
      return `found ${event.files} file${event.files === 1 ? "" : "s"}`;
    case "done":
      return `${event.asset.status.padEnd(9)} ${showPath(event.asset.file)} -> ${event.asset.uri}`;
    case "failed":
      return `failed    ${withFile(event.file, event.reason)}`;
    case "skipped":
      return `skipped   ${withFile(event.file, event.reason)}`;
    case "warning":
      return `warning   ${withFile(event.file, event.message)}`;
    default:
      return undefined;
  }
}

function summary(report: SyncReport, check: boolean): string {
  const rows = [
    ...report.uploaded.map((a) => [showPath(a.file), "uploaded", a.uri, a.moderation]),
    ...report.updated.map((a) => [showPath(a.file), "updated", a.uri, a.moderation]),
    ...report.unchanged.map((a) => [showPath(a.file), a.status, a.uri, a.moderation]),
    ...report.failed.map((f) => [showPath(f.file), "failed", "-", "-"]),
    ...report.pending.map((file) => [showPath(file), check ? "pending" : "not done", "-", "-"]),
  ];
  const counts = [
    `${report.uploaded.length} uploaded`,
    `${report.updated.length} updated`,
    `${report.unchanged.length} unchanged`,
    `${report.failed.length} failed`,
    `${report.skipped.length} skipped`,
    ...(check || report.pending.length > 0 ? [`${report.pending.length} pending`] : []),
  ].join(", ");
  const head = rows.length > 0 ? `${table(["FILE", "STATUS", "URI", "MODERATION"], rows)}\n` : "";
  return `${head}${counts}${report.aborted ? " (aborted)" : ""} in ${(report.elapsedMs / 1000).toFixed(1)}s`;
}

export async function run(env: CommandEnv, paths: string[], options: SyncOptions): Promise<CommandResult> {
  const ctx = await env.context();
  const check = options.check === true;
  const report = await syncPaths(ctx, paths, {
    check,
    signal: env.signal,
    onEvent: (event) => {
      const line = describeEvent(event);
      if (line) env.out.log(line);
    },
    ...(options.lockfile !== undefined ? { lockfile: options.lockfile } : {}),
    codegen: {
      ...(options.ts !== undefined ? { typescript: options.ts } : {}),
      ...(options.luau !== undefined ? { luau: options.luau } : {}),
    },
  });
  env.out.result(report, () => summary(report, check));
  if (report.aborted) {
    env.out.error("sync aborted; finished uploads are recorded in the lockfile");
    return ExitCode.failure;
  }
  // Minimal until the CLI words its own line (core's neutral message meanwhile): never exit 0 on a refusal.
  if (report.refusal) {
    env.out.error(`${report.refusal.message} (${report.notAttempted.length} not attempted)`);
    return ExitCode.failure;
  }
  if (report.failed.length > 0) {
    env.out.error(`${report.failed.length} file${report.failed.length === 1 ? "" : "s"} failed`);
    return ExitCode.failure;
  }
  if (check && report.pending.length > 0) {
    env.out.error(
      `${report.pending.length} file${report.pending.length === 1 ? "" : "s"} to upload: run rbxassets sync`,
    );
    return ExitCode.failure;
  }
  return ExitCode.ok;
}
