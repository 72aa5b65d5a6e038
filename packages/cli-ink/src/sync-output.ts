// What `rbxassets sync` prints: a progress line per finished, failed or skipped file on stderr, then the
// table and the counts on stdout, and the one closing line that says what (if anything) is wrong.
import { refusalCause, refusalFix } from "./fixes.js";
import { showPath, table } from "./output.js";
import type { PipelineEvent, SyncReport } from "./services/sync.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Pipeline reasons usually start with the file already (`a.png: … — …`): don't say it twice. */
const withFile = (file: string, reason: string) => {
  const shown = showPath(file);
  if (reason.startsWith(`${shown}: `)) return reason;
  if (reason.startsWith(`${file}: `)) return `${shown}${reason.slice(file.length)}`;
  return `${shown}: ${reason}`;
};

/** Progress lines for stderr: one per finished, failed or skipped file. */
export function describeEvent(event: PipelineEvent): string | undefined {
  switch (event.type) {
    case "scan":
      return `found ${plural(event.files, "file")}`;
    case "done":
      return `${event.asset.status.padEnd(9)} ${showPath(event.asset.file)} -> ${event.asset.uri}`;
    case "failed":
      return `failed    ${withFile(event.file, event.reason)}`;
    case "skipped":
      return `skipped   ${withFile(event.file, event.reason)}`;
    case "warning":
      return `warning   ${withFile(event.file, event.message)}`;
    case "granted":
      return `granted   ${showPath(event.file)} -> experience ${event.experience}`;
    case "grantRefused":
      return `refused   ${event.message} — ${grantFix(event)}`;
    case "quota":
      return quotaLine(event);
    default:
      return undefined;
  }
}

/** A refused grant request's fix in the CLI's terms. */
function grantFix(refusal: { rule: string; fix: string }): string {
  return refusal.rule === "grant-permission"
    ? "give the API key the asset-permissions API with its Write operation (scope asset-permissions:write) in the Creator Dashboard; the uploads are recorded, run rbxassets sync again to grant"
    : refusal.fix;
}

/** The quota read before uploading (by a sync or an upload): the numbers, or why there are none. */
export function quotaLine(event: Extract<PipelineEvent, { type: "quota" }>): string {
  if (event.status === "unpublished") {
    return `quota     Roblox does not publish upload quotas for groups (${event.creator}): uploads may stop at the cap`;
  }
  if (event.status === "unavailable") return `quota     could not read the upload quotas (${event.reason})`;
  const left = Math.max(0, event.capacity - event.usage);
  return `quota     ${event.assetType}: ${event.toUpload} to upload, ${left} of ${event.capacity} left (resets ${event.resetTime.slice(0, 10)})`;
}

/** The table and the counts, for stdout. Check mode counts what would happen, not what did. */
export function summary(report: SyncReport, check: boolean): string {
  const refused = report.refusal?.files ?? [];
  const rows = [
    ...report.uploaded.map((a) => [showPath(a.file), "uploaded", a.uri, a.moderation]),
    ...report.updated.map((a) => [showPath(a.file), "updated", a.uri, a.moderation]),
    ...report.unchanged.map((a) => [showPath(a.file), a.status, a.uri, a.moderation]),
    ...report.failed.map((f) => [showPath(f.file), "failed", "-", "-"]),
    ...refused.map((file) => [showPath(file), "refused", "-", "-"]),
    ...report.pending.map((file) => [showPath(file), check ? "to upload" : "not done", "-", "-"]),
  ];
  const head = rows.length > 0 ? `${table(["FILE", "STATUS", "URI", "MODERATION"], rows)}\n` : "";
  const seconds = `in ${(report.elapsedMs / 1000).toFixed(1)}s`;
  if (check) {
    const counts = [
      `${report.unchanged.length} up to date`,
      `${report.pending.length} to upload`,
      `${report.failed.length} failed`,
      `${report.skipped.length} skipped`,
      ...(report.pendingGrants ? [`${plural(report.pendingGrants.length, "grant")} to send`] : []),
    ].join(", ");
    return `${head}${counts} (check only: nothing was uploaded) ${seconds}`;
  }
  const counts = [
    `${report.uploaded.length} uploaded`,
    `${report.updated.length} updated`,
    `${report.unchanged.length} unchanged`,
    `${report.failed.length} failed`,
    `${report.skipped.length} skipped`,
    ...(report.pending.length > 0 ? [`${report.pending.length} pending`] : []),
    ...(report.refusal ? [`${refused.length} refused`, `${report.notAttempted.length} not attempted`] : []),
  ].join(", ");
  return `${head}${counts}${report.aborted ? " (aborted)" : ""} ${seconds}`;
}

/** The closing line on stderr when the run is not a success, or undefined when it is. */
export function closingLine(report: SyncReport, check: boolean): string | undefined {
  if (report.refusal) {
    const { refusal } = report;
    const untouched = report.notAttempted.length;
    const stopped = untouched > 0 ? `; ${plural(untouched, "file")} not attempted` : "";
    return `${refusalCause(refusal)}${stopped} — ${refusalFix(refusal)}`;
  }
  if (report.aborted) return "sync aborted; finished uploads are recorded in the lockfile";
  const grantRefusal = report.grants?.refusals[0];
  if (grantRefusal) {
    const more = report.failed.length > 0 ? `; ${plural(report.failed.length, "file")} failed` : "";
    return `${grantRefusal.message}${more} — ${grantFix(grantRefusal)}`;
  }
  const failed = report.failed.length;
  const pending = report.pending.length;
  if (check && failed > 0 && pending > 0) {
    return `${plural(failed, "file")} failed the check and ${plural(pending, "file")} would be uploaded: fix the failures, then run rbxassets sync`;
  }
  if (failed > 0) return `${plural(failed, "file")} failed`;
  if (!check) return undefined;
  const more = [staleModulesLine(report), pendingGrantsLine(report)].filter((part) => part !== undefined);
  if (pending > 0)
    return `${[`${plural(pending, "file")} to upload`, ...more].join("; ")}: run rbxassets sync`;
  if (more.length > 0) return `${more.join("; ")}: run rbxassets sync`;
  return undefined;
}

/** Check mode: the grants a sync would send, by experience, in one clause. */
function pendingGrantsLine(report: SyncReport): string | undefined {
  const grants = report.pendingGrants ?? [];
  if (grants.length === 0) return undefined;
  const byExperience = new Map<string, string[]>();
  for (const { experience, file } of grants)
    byExperience.set(experience, [...(byExperience.get(experience) ?? []), file]);
  const each = [...byExperience].map(
    ([experience, files]) => `experience ${experience} for ${files.map(showPath).join(", ")}`,
  );
  return `${plural(grants.length, "grant")} not recorded in the lockfile: ${each.join("; ")}`;
}

const STALE_STATE = {
  missing: "missing",
  studio: "written by --target studio (rbxasset:// paths work only on this machine)",
  stale: "stale",
} as const;

/** Check mode: each generated module a sync would rewrite, with why, in one clause. */
function staleModulesLine(report: SyncReport): string | undefined {
  const stale = report.staleModules ?? [];
  if (stale.length === 0) return undefined;
  const each = stale.map(({ module, state }) => `${showPath(module)} ${STALE_STATE[state]}`).join(", ");
  return `${plural(stale.length, "generated module")} not as a sync writes ${stale.length === 1 ? "it" : "them"}: ${each}`;
}

/** What a graceful stop says while uploads already sent are finishing (each time their number falls). */
export function stoppingLine(finishing: number, first: boolean): string {
  if (finishing === 0) return first ? "stopping…" : "stopping: every upload sent is recorded";
  const uploads = finishing === 1 ? "1 upload" : `${finishing} uploads`;
  return `${uploads} finishing… Ctrl-C again to leave them to the next run`;
}
