// Stage: process. Between validation and upload, turns a prepared file into the bytes to send. Image
// processing (alpha bleed, SVG, atlases) plugs in here; by default the file goes as it is, streamed.
import { openAsBlob } from "node:fs";
import { basename } from "node:path";
import { extensionInfo } from "../formats.js";
import { hashBlob } from "../hash.js";
import { assertSameContent, changedDuringSync } from "./changed.js";
import type { PreparedFile } from "./prepare.js";

/** What an upload sends: the bytes (streamed from disk for a file), its name and its content type. */
export interface UploadContent {
  data: Blob;
  fileName: string;
  contentType: string;
}

/** A process stage: a pure function of the prepared source (its bytes, options fixed at creation). */
export type ProcessStage = (prepared: PreparedFile, signal?: AbortSignal) => Promise<UploadContent>;

/**
 * The default stage: the source file itself, with the content type the spec gives its extension and type.
 * The blob is hashed before it is sent: it cannot be read once the file changes, so what is sent is what
 * was hashed.
 */
export const sendAsIs: ProcessStage = async (prepared) => {
  const contentType =
    extensionInfo(prepared.detected.extension)?.contentTypes[prepared.assetType] ??
    prepared.detected.contentType;
  const data = await openAsBlob(prepared.absolute, { type: contentType });
  const hash = await hashBlob(data).catch((error: unknown) => {
    if ((error as Error)?.name === "NotReadableError") throw changedDuringSync(prepared.file);
    throw error;
  });
  assertSameContent(prepared.file, prepared.hash, hash);
  return {
    data,
    fileName: basename(prepared.absolute),
    contentType,
  };
};
