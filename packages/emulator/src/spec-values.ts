// Runtime lists of spec enums and field names. Each is a Record keyed by the generated type, so adding or
// removing a value in the spec breaks the typecheck here instead of silently drifting.

import type {
  Asset,
  AssetCreateRequest,
  AssetPrivacy,
  AssetUpdateRequest,
  RequestAssetType,
} from "@rbxassets/spec";
import { limits } from "@rbxassets/spec";
import type { SocialLinkField } from "./types.js";

const requestAssetTypeSet: Record<RequestAssetType, true> = {
  Image: true,
  Decal: true,
  Audio: true,
  Model: true,
  Animation: true,
  Video: true,
  Mesh: true,
};
export const requestAssetTypes = Object.keys(requestAssetTypeSet) as RequestAssetType[];

const assetPrivacySet: Record<AssetPrivacy, true> = { default: true, restricted: true, openUse: true };
export const assetPrivacies = Object.keys(assetPrivacySet) as AssetPrivacy[];

const socialLinkFieldSet: Record<SocialLinkField, true> = {
  facebookSocialLink: true,
  twitterSocialLink: true,
  youtubeSocialLink: true,
  twitchSocialLink: true,
  discordSocialLink: true,
  githubSocialLink: true,
  robloxSocialLink: true,
  guildedSocialLink: true,
  devForumSocialLink: true,
};
export const socialLinkFields = Object.keys(socialLinkFieldSet) as SocialLinkField[];

const createRequestFieldSet: Record<keyof AssetCreateRequest, true> = {
  assetType: true,
  displayName: true,
  description: true,
  creationContext: true,
};
export const createRequestFields = Object.keys(createRequestFieldSet) as (keyof AssetCreateRequest)[];

const updateRequestFieldSet: Record<keyof AssetUpdateRequest, true> = {
  assetId: true,
  assetType: true,
  displayName: true,
  description: true,
  icon: true,
  previews: true,
  creationContext: true,
  ...socialLinkFieldSet,
};
export const updateRequestFields = Object.keys(updateRequestFieldSet) as (keyof AssetUpdateRequest)[];

const assetFieldSet: Record<keyof Asset, true> = {
  "@type": true,
  path: true,
  assetId: true,
  revisionId: true,
  revisionCreateTime: true,
  displayName: true,
  description: true,
  assetType: true,
  creationContext: true,
  moderationResult: true,
  state: true,
  icon: true,
  previews: true,
  ...socialLinkFieldSet,
};
export const assetFields = Object.keys(assetFieldSet) as (keyof Asset)[];

/** Fields a mask (readMask / updateMask) may name to change or include optional metadata. */
export type MaskableField = "displayName" | "description" | "icon" | "previews" | SocialLinkField;
export const maskableFields: MaskableField[] = [
  "displayName",
  "description",
  "icon",
  "previews",
  ...socialLinkFields,
];

/** At most this many social links per asset. */
export const maxSocialLinks = limits.maxSocialLinks;

/** Versions page sizes. */
export const { defaultPageSize, maxPageSize } = limits;
