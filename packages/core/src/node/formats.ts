import { contentTypes } from "@rbxassets/spec";
import type { AssetType } from "./types.js";

export type AssetKind = "image" | "audio" | "model" | "video";

/** Asset kinds per asset type the pipeline uploads (Mesh has no file mapping in the spec). */
const kindOf: Record<keyof typeof contentTypes, AssetKind> = {
  Image: "image",
  Decal: "image",
  Audio: "audio",
  Model: "model",
  Animation: "model",
  Video: "video",
};

export interface ExtensionInfo {
  extension: string;
  kind: AssetKind;
  /** Asset types that accept this extension, the default first (spec order). */
  assetTypes: AssetType[];
  /** Content type per asset type, from the spec. */
  contentTypes: Partial<Record<AssetType, string>>;
}

const byExtension = new Map<string, ExtensionInfo>();
for (const [assetType, entries] of Object.entries(contentTypes) as [
  keyof typeof contentTypes,
  readonly { extension: string; contentType: string }[],
][]) {
  for (const { extension, contentType } of entries) {
    let info = byExtension.get(extension);
    if (!info) {
      info = { extension, kind: kindOf[assetType], assetTypes: [], contentTypes: {} };
      byExtension.set(extension, info);
    }
    info.assetTypes.push(assetType);
    info.contentTypes[assetType] = contentType;
  }
}

/**
 * SVG is a source format: the process stage renders it to PNG, which is what goes up, under the spec's PNG
 * content type for each image asset type.
 */
const png = byExtension.get("png");
if (png) {
  byExtension.set("svg", {
    extension: "svg",
    kind: "image",
    assetTypes: [...png.assetTypes],
    contentTypes: { ...png.contentTypes },
  });
}

/** Extensions whose files are converted before upload (see the process stage). */
export function isConvertedExtension(extension: string): boolean {
  return extension.toLowerCase() === "svg";
}

export function extensionInfo(extension: string): ExtensionInfo | undefined {
  return byExtension.get(extension.toLowerCase());
}

export function supportedExtensions(): string[] {
  return [...byExtension.keys()].sort();
}

export function kindOfAssetType(assetType: AssetType): AssetKind | undefined {
  return (kindOf as Partial<Record<AssetType, AssetKind>>)[assetType];
}
