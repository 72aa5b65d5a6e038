import type { components } from "@rbxassets/spec";
import type { AccountRefusal } from "./account-refusal.js";

/** An asset type as sent in requests. */
export type AssetType = components["schemas"]["RequestAssetType"];

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
  failed: { file: string; reason: string }[];
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
  aborted: boolean;
  elapsedMs: number;
}

export type PipelineEvent =
  /**
   * `files` will be uploaded or checked; `others` (skipped as not assets, missing, outside the root) are
   * reported too, each with an outcome, so that a progress count can include them.
   */
  | { type: "scan"; files: number; others?: number }
  | { type: "start"; file: string; action: "upload" | "update" }
  | { type: "done"; asset: ResolvedAsset }
  /** `rule` and `fix` when the failure is a PipelineError: a shell may word its own fix from the rule. */
  | { type: "failed"; file: string; reason: string; rule?: string; fix?: string }
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
  | { type: "refused"; file: string; refusal: AccountRefusal; message: string };

/** The account-level refusal that stopped a sync. */
export interface SyncRefusal extends AccountRefusal {
  /** One line: `<first refused file>: <problem> — <neutral fix>`. */
  message: string;
  /** Files whose requests were sent and refused this way (those in flight when the first came back). */
  files: string[];
}
