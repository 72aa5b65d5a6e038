// Stage: process. Between validation and upload, turns a prepared file into the bytes to send. Image
// processing (alpha bleed, SVG, atlases) plugs in here; by default the file goes as it is, streamed.
import { openAsBlob } from "node:fs";
import { basename } from "node:path";
import { extensionInfo } from "../formats.js";
import type { PreparedFile } from "./prepare.js";

/** What an upload sends: the bytes (streamed from disk for a file), its name and its content type. */
export interface UploadContent {
  data: Blob;
  fileName: string;
  contentType: string;
}

/** A process stage: a pure function of the prepared source (its bytes, options fixed at creation). */
export type ProcessStage = (prepared: PreparedFile, signal?: AbortSignal) => Promise<UploadContent>;

/** The default stage: the source file itself, with the content type the spec gives its extension and type. */
export const sendAsIs: ProcessStage = async (prepared) => {
  const contentType =
    extensionInfo(prepared.detected.extension)?.contentTypes[prepared.assetType] ??
    prepared.detected.contentType;
  return {
    data: await openAsBlob(prepared.absolute, { type: contentType }),
    fileName: basename(prepared.absolute),
    contentType,
  };
};
