// What the journal holds: one JSON line per event of an upload in flight. An intent is written (and made
// durable) before the request is sent, the operation id as soon as the answer arrives, and an end once the
// result is in the lockfile (or the upload definitely stored nothing).
import type { AtlasEntry, SpriteEntry } from "../lockfile-sheets.js";
import type { AssetType } from "../types.js";

/** What is being uploaded, enough to record the result in the lockfile without the run that sent it. */
export interface UploadIntent {
  /** `file`: a project file (recorded under `assets`); `atlas`: a spritesheet atlas and its sprites. */
  kind: "file" | "atlas";
  /** Project path, or the atlas's name. */
  file: string;
  /** Hash of the bytes sent (a file's source hash; an atlas's PNG hash). */
  hash: string;
  assetType: AssetType;
  creator: string;
  /** The in-run key of this content (same content, creator and type share it). */
  key: string;
  /** A model update: the asset whose new version this is. */
  target?: string;
  /** Processing fingerprint (images processed before upload). */
  process?: string;
  /** Atlases: the entry fields known before upload, and the sprites it holds. */
  atlas?: Omit<AtlasEntry, "assetId" | "moderation">;
  sprites?: [string, SpriteEntry][];
}

export type JournalRecord =
  | { t: "intent"; id: string; intent: UploadIntent }
  | { t: "sent"; id: string; operation: string }
  | { t: "end"; id: string };

/** An upload still in flight according to a journal: its intent, and its operation once answered. */
export interface LiveUpload {
  id: string;
  intent: UploadIntent;
  operation?: string;
}

/** The uploads a journal's text leaves in flight, in order. A torn last line (a kill mid-append) is skipped. */
export function liveUploads(text: string): LiveUpload[] {
  const live = new Map<string, LiveUpload>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
    } catch {
      continue;
    }
    if (record.t === "intent" && typeof record.intent?.hash === "string") {
      live.set(record.id, { id: record.id, intent: record.intent });
    } else if (record.t === "sent") {
      const upload = live.get(record.id);
      if (upload && typeof record.operation === "string") upload.operation = record.operation;
    } else if (record.t === "end") {
      live.delete(record.id);
    }
  }
  return [...live.values()];
}
