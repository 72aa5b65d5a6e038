// Reads the multipart body of Create/Update Asset: a JSON `request` part (sent as a plain field, a JSON
// field or a file part with Content-Type application/json) and an optional `fileContent` part.
// Limits come from the spec metadata (`x-rbxassets-limits`); the whole body's cap is framing.ts's.
import { createHash } from "node:crypto";
import { once } from "node:events";
import type { IncomingMessage } from "node:http";
import { limits } from "@rbxassets/spec";
import type { FastifyRequest } from "fastify";
import { ApiError, invalidArgument } from "./errors.js";

export interface UploadedFile {
  buffer: Buffer;
  /** The part's media type, lower-cased, without parameters (text/plain when the part declared none). */
  contentType: string;
  /** The part's `filename` (Content-Disposition); null when the part was sent without one. */
  fileName: string | null;
  sha256: string;
}

export interface AssetForm {
  /** The parsed `request` part; undefined when it was missing. */
  request: unknown;
  file?: UploadedFile;
}

const fileTooLarge = () =>
  invalidArgument(
    `fileContent is larger than the ${limits.maxFileBytes}-byte (${limits.maxFileBytes / 1_000_000} MB) limit per file.`,
  );

export async function readAssetForm(req: FastifyRequest): Promise<AssetForm> {
  if (!req.isMultipart()) {
    throw invalidArgument("The body must be multipart/form-data with a `request` part.");
  }
  const form: AssetForm = { request: undefined };
  let sawRequest = false;
  try {
    const parts = req.parts({ limits: { fileSize: limits.maxFileBytes, files: 4, fields: 16, parts: 20 } });
    for await (const part of parts) {
      if (part.fieldname === "request") {
        if (sawRequest) throw invalidArgument("The `request` part was sent more than once.");
        sawRequest = true;
        const raw = part.type === "file" ? (await part.toBuffer()).toString("utf8") : part.value;
        form.request = typeof raw === "string" ? parseJson(raw) : raw;
      } else if (part.fieldname === "fileContent") {
        if (form.file) throw invalidArgument("Only one fileContent part is allowed per call.");
        const buffer = part.type === "file" ? await part.toBuffer() : Buffer.from(String(part.value));
        form.file = {
          buffer,
          contentType: mediaType(part.mimetype),
          fileName: part.type === "file" && part.filename ? part.filename : null,
          sha256: createHash("sha256").update(buffer).digest("hex"),
        };
      } else if (part.type === "file") {
        await part.toBuffer(); // unknown parts are ignored, but their bytes still have to be read
      }
    }
  } catch (error) {
    throw mapMultipartError(error);
  }
  return form;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalidArgument("The `request` part is not valid JSON.");
  }
}

function mediaType(mimetype: string | undefined): string {
  return (mimetype ?? "").split(";")[0]!.trim().toLowerCase();
}

function mapMultipartError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: string }).code;
  if (code === "FST_REQ_FILE_TOO_LARGE") return fileTooLarge();
  if (code === "FST_INVALID_JSON_FIELD_ERROR")
    return invalidArgument("The `request` part is not valid JSON.");
  if (code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") {
    return invalidArgument("Too many parts: send one `request` part and at most one `fileContent` part.");
  }
  const message = error instanceof Error ? error.message : String(error);
  return invalidArgument(`Malformed multipart body: ${message}`);
}

/** Reads and discards the rest of a request body. */
export async function drain(stream: IncomingMessage): Promise<void> {
  if (stream.readableEnded) return;
  stream.resume();
  await once(stream, "end");
}
