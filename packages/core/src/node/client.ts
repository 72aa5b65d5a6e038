// The client for Node: undici transport (streamed uploads of declared length) and `{ path }` file inputs
// read lazily from disk.
import { openAsBlob } from "node:fs";
import { basename } from "node:path";
import { type AssetsClient, createAssetsClientWith } from "../client/client.js";
import type { AssetsClientOptions } from "../client/config.js";
import { describeFile, type FileInput, type FileResolver, resolveFileInput } from "../client/files.js";
import { contentTypeFor, contentTypeForExtension } from "../client/normalize.js";
import { multipartWithLength } from "./multipart-body.js";
import { nodeFetch } from "./node-fetch.js";

/** FileInput plus a file on disk, streamed (never read whole). */
export type NodeFileInput = FileInput | { path: string; fileName?: string; contentType?: string };

export type NodeAssetsClient = AssetsClient<NodeFileInput>;

function isPathInput(
  input: NodeFileInput,
): input is { path: string; fileName?: string; contentType?: string } {
  return typeof input === "object" && input !== null && "path" in input && typeof input.path === "string";
}

export const resolveNodeFileInput: FileResolver<NodeFileInput> = async (input, assetType) => {
  if (!isPathInput(input)) return resolveFileInput(input, assetType);
  const fileName = input.fileName ?? basename(input.path);
  const contentType =
    input.contentType ??
    (assetType ? contentTypeFor(assetType, fileName) : undefined) ??
    contentTypeForExtension(fileName);
  // The Blob reads from disk when the body is sent (once per attempt), never all at once.
  const blob = await openAsBlob(input.path, contentType ? { type: contentType } : undefined);
  return describeFile(blob, { fileName, contentType, assetType });
};

/** `createAssetsClient` with the undici transport, `{ path }` file inputs and multipart bodies of declared length. */
export function createNodeAssetsClient(options?: AssetsClientOptions): NodeAssetsClient {
  return createAssetsClientWith(
    { ...options, fetch: options?.fetch ?? nodeFetch },
    resolveNodeFileInput,
    multipartWithLength,
  );
}

export { nodeFetch };
