/**
 * The file extensions the plugin claims from plain imports. The list is the plugin's product decision (and
 * mirrors `client.d.ts`); whether a given file may be uploaded is decided by the pipeline, from the spec.
 */
export const IMAGE_EXTENSIONS = ["png", "jpg", "jpeg", "bmp", "tga"] as const;
export const MODEL_EXTENSIONS = ["fbx", "gltf", "glb", "rbxm", "rbxmx"] as const;
/** Audio is opt-in (`audio: true`): uploads count against a small monthly quota. */
export const AUDIO_EXTENSIONS = ["mp3", "ogg", "wav", "flac"] as const;

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
