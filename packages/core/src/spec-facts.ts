// Spec facts, answered from the generated metadata: the one place shells ask which asset types can be
// uploaded, which files each takes, the limits, the social link kinds, the moderation states and the host.
import { contentTypes, defaultServerUrl, enums, limits, socialLinkFields } from "@rbxassets/spec";

/** An asset type that takes a file upload (Mesh has no file format in the spec). */
export type UploadableAssetType = keyof typeof contentTypes;

/** The asset types that can be uploaded, in spec order: `Image`, `Decal`, `Audio`, `Model`, ... */
export const uploadableAssetTypes = Object.freeze(Object.keys(contentTypes) as UploadableAssetType[]);

export function isUploadableAssetType(value: string): value is UploadableAssetType {
  return Object.hasOwn(contentTypes, value);
}

/** The file extensions (lower case, no dot) an asset type takes, in spec order. */
export function extensionsFor(assetType: UploadableAssetType): string[] {
  return contentTypes[assetType].map((entry) => entry.extension);
}

/** Extension → content type for an asset type. */
export function contentTypesOf(assetType: UploadableAssetType): Record<string, string> {
  return Object.fromEntries(contentTypes[assetType].map((entry) => [entry.extension, entry.contentType]));
}

/** Every (extension, content type) pair of the spec, in spec order (types in order, then their entries). */
const ENTRIES: readonly { extension: string; contentType: string }[] = Object.values(contentTypes).flat();

/** The content type for an extension under any asset type (for updates, where the type may be unknown). */
export function contentTypeForExtension(fileNameOrExtension: string): string | undefined {
  const dot = fileNameOrExtension.lastIndexOf(".");
  const extension = (dot >= 0 ? fileNameOrExtension.slice(dot + 1) : fileNameOrExtension).toLowerCase();
  return ENTRIES.find((entry) => entry.extension === extension)?.contentType;
}

/** The first extension the spec lists for a content type (to name an unnamed upload). */
export function extensionForContentType(contentType: string): string | undefined {
  const wanted = contentType.split(";")[0]?.trim().toLowerCase();
  return ENTRIES.find((entry) => entry.contentType === wanted)?.extension;
}

/** Every extension some asset type takes, sorted. */
export const uploadableExtensions = Object.freeze(
  [
    ...new Set(Object.values(contentTypes).flatMap((entries) => entries.map((entry) => entry.extension))),
  ].sort(),
);

/** The asset types a file extension can be uploaded as (empty when none), in spec order. */
export function assetTypesForExtension(extension: string): UploadableAssetType[] {
  const wanted = extension.replace(/^\./, "").toLowerCase();
  return uploadableAssetTypes.filter((type) =>
    contentTypes[type].some((entry) => entry.extension === wanted),
  );
}

/** The asset types an image can be uploaded as (`Image`, `Decal`): those whose files include `.png`. */
export type ImageAssetType = {
  [K in UploadableAssetType]: Extract<(typeof contentTypes)[K][number], { extension: "png" }> extends never
    ? never
    : K;
}[UploadableAssetType];

/** The image asset types, in spec order; the first (`Image`) is the default, its id fits `ImageLabel.Image`. */
export const imageAssetTypes = Object.freeze(assetTypesForExtension("png") as ImageAssetType[]);

/** The spec's field, size and page limits (display name 50, description 1000, 3 social links, page 8/50...). */
export { limits };

/** The Asset fields that hold a social link, e.g. `twitchSocialLink`. */
export type SocialLinkField = (typeof socialLinkFields)[number];

/** Social link kinds in their short form (`twitch` for `twitchSocialLink`), in spec order. */
export const socialLinkKinds = Object.freeze(
  socialLinkFields.map((field) => field.slice(0, -"SocialLink".length)),
);

export { socialLinkFields };

/** The moderation states, current spellings only: `Reviewing`, `Rejected`, `Approved`. */
export const moderationStates = Object.freeze(
  enums.ModerationState.filter((state) => !state.startsWith("MODERATION_STATE_")),
) as readonly ("Reviewing" | "Rejected" | "Approved")[];

/** An asset's states: `Active`, `Archived`. */
export const assetStates = Object.freeze([...enums.State]);

/** The spec's server URL (`https://apis.roblox.com/assets`) and its host. */
export { defaultServerUrl };
export const defaultHost = new URL(defaultServerUrl).host;
