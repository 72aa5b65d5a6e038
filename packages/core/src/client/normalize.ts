// Helpers over the generated types: the 2023 enum spellings folded into the current ones, ids from paths.
import { contentTypes } from "@rbxassets/spec";
import type { Asset, AssetVersion, Operation } from "./types.js";

function pascalFromUpperSnake(value: string, prefix: string): string | undefined {
  if (!value.startsWith(prefix)) return undefined;
  const words = value.slice(prefix.length).toLowerCase().split("_").filter(Boolean);
  return words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join("");
}

// Both return plain `string` (not an open literal union) so that `=== "Approved"` narrows for callers.

/** `ASSET_TYPE_IMAGE` -> `Image`; PascalCase passes through; anything else is returned unchanged. */
export function normalizeAssetType(value: string): string {
  return pascalFromUpperSnake(value, "ASSET_TYPE_") ?? value;
}

/** `MODERATION_STATE_APPROVED` -> `Approved`; PascalCase passes through. */
export function normalizeModerationState(value: string): string {
  return pascalFromUpperSnake(value, "MODERATION_STATE_") ?? value;
}

/** The asset id: `assetId`, else the digits of `path` (`assets/123`). */
export function assetIdOf(asset: Pick<Asset, "path"> & { assetId?: string | undefined }): string {
  if (asset.assetId) return asset.assetId;
  const match = /^assets\/([0-9]+)/.exec(asset.path ?? "");
  if (!match?.[1]) throw new TypeError(`Not an asset path: ${asset.path}`);
  return match[1];
}

/** The version number of an AssetVersion (`assets/123/versions/4` -> 4). */
export function versionNumberOf(version: Pick<AssetVersion, "path">): number {
  const match = /\/versions\/([0-9]+)$/.exec(version.path ?? "");
  if (!match?.[1]) throw new TypeError(`Not an asset version path: ${version.path}`);
  return Number(match[1]);
}

/** The operation id: `operationId`, else the part of `path` after `operations/`. */
export function operationIdOf(operation: Pick<Operation, "path" | "operationId">): string {
  if (operation.operationId) return operation.operationId;
  const path = operation.path ?? "";
  return path.startsWith("operations/") ? path.slice("operations/".length) : path;
}

/** `rbxassetid://<id>`, the form Roblox properties take. */
export function assetUri(assetOrId: string | Pick<Asset, "path" | "assetId">): `rbxassetid://${string}` {
  return `rbxassetid://${typeof assetOrId === "string" ? assetOrId : assetIdOf(assetOrId)}`;
}

function extensionOf(fileNameOrExtension: string): string {
  const dot = fileNameOrExtension.lastIndexOf(".");
  return (dot >= 0 ? fileNameOrExtension.slice(dot + 1) : fileNameOrExtension).toLowerCase();
}

/** The content type the spec lists for this asset type and file extension, if the pair is supported. */
export function contentTypeFor(assetType: string, fileNameOrExtension: string): string | undefined {
  const type = normalizeAssetType(assetType) as keyof typeof contentTypes;
  const extension = extensionOf(fileNameOrExtension);
  const entries: readonly { extension: string; contentType: string }[] | undefined = contentTypes[type];
  return entries?.find((entry) => entry.extension === extension)?.contentType;
}

// Spec facts: answered where the others are (one lookup over the spec's content types).
export { contentTypeForExtension, extensionForContentType } from "../spec-facts.js";
