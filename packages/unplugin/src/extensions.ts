import { extensionsFor } from "@rbxassets/core";

/**
 * The file extensions the plugin claims from plain imports: the spec's for images and models (which kinds
 * is the plugin's product decision, mirrored in `client.d.ts`; the extensions come from the spec).
 */
export const IMAGE_EXTENSIONS = extensionsFor("Image");
export const MODEL_EXTENSIONS = extensionsFor("Model");
/** Audio is opt-in (`audio: true`): uploads count against a small monthly quota. */
export const AUDIO_EXTENSIONS = extensionsFor("Audio");

/** Sources converted before upload (SVG is rendered to PNG): opt-in only, bundlers claim `.svg` themselves. */
export const CONVERTED_EXTENSIONS = ["svg"] as const;

const ALL = new Set<string>([
  ...IMAGE_EXTENSIONS,
  ...MODEL_EXTENSIONS,
  ...AUDIO_EXTENSIONS,
  ...CONVERTED_EXTENSIONS,
]);

/** Extensions claimed by a plain import (no query). */
export function defaultExtensions(audio: boolean): Set<string> {
  return new Set<string>([...IMAGE_EXTENSIONS, ...MODEL_EXTENSIONS, ...(audio ? AUDIO_EXTENSIONS : [])]);
}

/** Extensions an explicit `?rbxasset` query may claim, whatever the options say. */
export function isOptInExtension(extension: string): boolean {
  return ALL.has(extension);
}

/** Lower-case extension of a path without query, no dot; "" when there is none. */
export function extensionOf(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const dot = path.lastIndexOf(".");
  return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : "";
}
