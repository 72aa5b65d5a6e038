import type { components } from "@rbxassets/spec";
import type { AccountRefusal } from "./account-refusal.js";
import type { StaleModule } from "./codegen/modules.js";
import type { FileFailure } from "./failure.js";

/** An asset type as sent in requests. */
/** An asset type an upload may ask for (the spec's `RequestAssetType`, as `@rbxassets/core` names it). */
export type RequestAssetType = components["schemas"]["RequestAssetType"];
/** @deprecated Use `RequestAssetType`: `AssetType` from `@rbxassets/core` is the wider type assets report. */
export type AssetType = RequestAssetType;

export type ModerationStatus = "Approved" | "Reviewing" | "Rejected" | "Unknown";

export interface ResolvedAsset {
  /** Posix path relative to the project root. */
  file: string;
  assetId: string;
  uri: `rbxassetid://${string}`;
  assetType: AssetType;
  hash: string;
  status: "uploaded" | "updated" | "unchanged" | "reused";
  moderation: ModerationStatus;
  warning?: string;
  /** A sprite packed into a spritesheet: its rect in the atlas, whose id `assetId` is. */
  sprite?: { x: number; y: number; width: number; height: number };
  /** A sprite's atlas, by name (`<input>#<n>`). */
  atlas?: string;
}

export interface SyncReport {
  uploaded: ResolvedAsset[];
  updated: ResolvedAsset[];
  /** Files whose content was already known: `status` is "unchanged" or "reused". */
  unchanged: ResolvedAsset[];
  /** Each with its problem and fix as fields, and `reason`: the line naming the file once. */
  failed: FileFailure[];
  skipped: { file: string; reason: string }[];
  /** Check mode: what would be uploaded. After an abort: what was not done. */
  pending: string[];
  /**
   * Set when the service refused the whole account (wrong key, moderated account, creator not allowed):
   * the run started no upload after it. Reported once, not as a failure per file.
   */
  refusal?: SyncRefusal;
  /** Files that needed a request and were never attempted, because of `refusal`. */
  notAttempted: string[];
  /** With `grant`: the grants sent by this run, and the requests refused (each once). */
  grants?: { granted: GrantedAsset[]; refusals: GrantRefusal[] };
  aborted: boolean;
  elapsedMs: number;
  /** Generated modules this run rewrote (project paths); an unchanged module is not rewritten. */
  modules?: string[];
  /** Check mode: generated modules on disk that a sync would rewrite, each with why. */
  staleModules?: StaleModule[];
  /**
   * Check mode with `grant`: the grants a sync would send (an asset, by its path or atlas name, and an
   * experience the lockfile does not record it granted to).
   */
  pendingGrants?: GrantedAsset[];
}

export type PipelineEvent =
  /**
   * `files` will be uploaded or checked; `others` (skipped as not assets, missing, outside the root) are
   * reported too, each with an outcome, so that a progress count can include them.
   */
  | { type: "scan"; files: number; others?: number }
  | { type: "start"; file: string; action: "upload" | "update" }
  | { type: "done"; asset: ResolvedAsset }
  /** `rule` when the failure is a PipelineError: a shell may word its own fix from the rule. */
  | ({ type: "failed" } & FileFailure)
  | { type: "warning"; file: string; message: string }
  /** The process stage decoded (or rendered) this image: never on a warm run. */
  | { type: "decode"; file: string }
  | { type: "skipped"; file: string; reason: string }
  /**
   * A graceful stop: no new upload starts; `finishing` uploads already sent are still settling (told
   * again each time that number falls).
   */
  | { type: "stopping"; finishing: number }
  /** Once per sync, at the first account-level refusal: no new upload starts after it. */
  | { type: "refused"; file: string; refusal: AccountRefusal; message: string }
  /** An experience was granted `Use` of the file's asset (not repeated on a warm run). */
  | ({ type: "granted" } & GrantedAsset)
  /** A grant request was refused as a whole (once per experience, or once for all: see GrantRefusal). */
  | ({ type: "grantRefused" } & GrantRefusal)
  /** Before the first upload: a quota the sync's audio or video uploads count against (see `QuotaFacts`). */
  | ({ type: "quota" } & QuotaFacts);

export interface GrantedAsset {
  file: string;
  assetId: string;
  /** The experience's universe id. */
  experience: string;
}

/** What granting experiences did (`Pipeline.grant`; a sync puts the same in its report). */
export interface GrantReport {
  /** Each grant sent and recorded: an asset's under its file, a sprite's under its atlas (`<input>#<n>`). */
  granted: GrantedAsset[];
  /** Requests refused as a whole, each once; `grant-permission` or `grant-credentials` stopped every grant. */
  refusals: GrantRefusal[];
  /** Assets the service refused (rule `grant-refused`), each named like a failed file (or its atlas). */
  failed: FileFailure[];
}

/**
 * A grant request refused as a whole: `grant-permission` (the credentials may not grant) and
 * `grant-credentials` (none are configured) stopped every grant; `grant-experience` that experience's.
 */
export interface GrantRefusal {
  rule: "grant-permission" | "grant-credentials" | "grant-experience" | "grant-failed";
  experience: string;
  message: string;
  /** A neutral fix; shells may word their own from the rule. */
  fix: string;
  status?: number;
  /** The service's code (`SubjectNotFound`, `CannotManageSubject`). */
  code?: string;
}

/**
 * One asset type's upload quota as read before a sync (`status: "read"`), or why none was read:
 * `unpublished` for a group creator (Roblox publishes no group quotas), `unavailable` when the read failed.
 */
export type QuotaFacts =
  | {
      status: "read";
      assetType: AssetType;
      /** Files of this type the sync is about to upload. */
      toUpload: number;
      usage: number;
      capacity: number;
      period: string;
      resetTime: string;
    }
  | { status: "unpublished"; creator: string; toUpload: Partial<Record<AssetType, number>> }
  | { status: "unavailable"; reason: string };

/** The account-level refusal that stopped a sync. */
export interface SyncRefusal extends AccountRefusal {
  /** One line: `<first refused file>: <problem> — <neutral fix>`. */
  message: string;
  /** Files whose requests were sent and refused this way (those in flight when the first came back). */
  files: string[];
}
