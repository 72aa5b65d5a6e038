// File inputs to multipart parts. The Blob is resolved once per call; each attempt builds a fresh FormData
// around it (a Blob re-reads its bytes, so nothing is cloned or buffered twice).
import { contentTypes } from "@rbxassets/spec";
import { AssetsClientError } from "./errors.js";
import {
  contentTypeFor,
  contentTypeForExtension,
  extensionForContentType,
  normalizeAssetType,
} from "./normalize.js";
import { SNIFF_BYTES, sniffContentType } from "./sniff.js";

export type FileInput =
  | Blob
  | Uint8Array
  | { data: Blob | Uint8Array; fileName?: string; contentType?: string };

/** A file ready to go into a multipart part: `blob.type` is the part's Content-Type. */
export interface ResolvedFile {
  blob: Blob;
  fileName: string;
}

/** Turns a caller's file input into a ResolvedFile; `assetType` helps pick the content type. */
export type FileResolver<F> = (input: F, assetType: string | undefined) => Promise<ResolvedFile>;

const FALLBACK_CONTENT_TYPE = "application/octet-stream";

function toBlob(data: Blob | Uint8Array): Blob {
  return data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]);
}

/**
 * Picks the part's content type (explicit; the Blob's own; from the spec by extension; from the first bytes;
 * the asset type's only one) and a file name.
 */
export async function describeFile(
  blob: Blob,
  options: {
    fileName?: string | undefined;
    contentType?: string | undefined;
    assetType?: string | undefined;
  },
): Promise<ResolvedFile> {
  const nameFromBlob =
    typeof File !== "undefined" && blob instanceof File && blob.name ? blob.name : undefined;
  const knownName = options.fileName ?? nameFromBlob;
  const byName = knownName
    ? ((options.assetType ? contentTypeFor(options.assetType, knownName) : undefined) ??
      contentTypeForExtension(knownName))
    : undefined;
  const contentType =
    options.contentType ||
    blob.type ||
    byName ||
    sniffContentType(new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer())) ||
    onlyContentTypeOf(options.assetType) ||
    FALLBACK_CONTENT_TYPE;
  const extension = extensionForContentType(contentType);
  const fileName = knownName ?? (extension ? `file.${extension}` : "file");
  // slice() re-labels without copying the bytes (also for file-backed Blobs).
  const typed = blob.type === contentType ? blob : blob.slice(0, blob.size, contentType);
  return { blob: typed, fileName };
}

function onlyContentTypeOf(assetType: string | undefined): string | undefined {
  if (!assetType) return undefined;
  const entries: readonly { contentType: string }[] | undefined =
    contentTypes[normalizeAssetType(assetType) as keyof typeof contentTypes];
  const distinct = new Set(entries?.map((entry) => entry.contentType));
  return distinct.size === 1 ? [...distinct][0] : undefined;
}

export const resolveFileInput: FileResolver<FileInput> = async (input, assetType) => {
  if (input instanceof Blob || input instanceof Uint8Array) return describeFile(toBlob(input), { assetType });
  return describeFile(toBlob(input.data), {
    fileName: input.fileName,
    contentType: input.contentType,
    assetType,
  });
};

/**
 * A fresh multipart body: `request` as a JSON field, `fileContent` as the file part. The part is a File
 * carrying its name and type itself: runtimes differ in what `append(name, blob, fileName)` keeps (Bun's
 * framing sent neither a filename nor a Content-Type), but every runtime frames a File with both. Wrapping
 * references the Blob's bytes (a file on disk stays unread until sent).
 */
export function buildMultipart(request: unknown, file: ResolvedFile | undefined): FormData {
  const form = new FormData();
  form.append("request", JSON.stringify(request));
  if (file) form.append("fileContent", asFile(file), file.fileName);
  return form;
}

function asFile({ blob, fileName }: ResolvedFile): File {
  const type = blob.type || FALLBACK_CONTENT_TYPE;
  if (blob instanceof File && blob.name === fileName && blob.type === type) return blob;
  return new File([blob], fileName, { type });
}

/** A multipart body as it is handed to the transport, with the framing headers it needs, if any. */
export interface EncodedMultipart {
  body: FormData | Blob;
  headers?: Record<string, string>;
}

/** Frames a fresh FormData for sending; called once per attempt, so each attempt's length is its own. */
export type MultipartEncoder = (form: FormData) => EncodedMultipart;

/**
 * fetch's own framing: the FormData goes as it is, and the runtime sets Content-Type (with the boundary)
 * and Content-Length (every part is a string or a Blob of known size).
 */
export const formDataAsIs: MultipartEncoder = (form) => ({ body: form });

/**
 * Sends a request carrying `file`, turning a failure to read it mid-send (a file on disk changed, shrank or
 * went away since it was resolved: the Blob refuses to read it) into one line naming the file. Such a body
 * was cut short, so the service cannot have taken it.
 */
export async function sendingFile<T>(file: ResolvedFile | undefined, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (file && unreadable(error)) {
      throw new AssetsClientError(
        `${file.fileName}: the file changed or could not be read while it was being sent, so it was not uploaded; upload it again`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** NotReadableError (what a Blob throws when its file changed) along the cause chain (fetch wraps it). */
function unreadable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if ((current as { name?: unknown }).name === "NotReadableError") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
