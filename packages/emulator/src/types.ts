// Wire types come from the generated spec only; these are aliases, never hand-written shapes.
import type { components } from "@rbxassets/spec";

type Schemas = components["schemas"];

export type Asset = Schemas["Asset"];
export type AssetVersion = Schemas["AssetVersion"];
export type ListAssetVersionsResponse = Schemas["ListAssetVersionsResponse"];
export type Operation = Schemas["Operation"];
export type Status = Schemas["Status"];
export type Creator = Schemas["Creator"];
export type Preview = Schemas["Preview"];
export type SocialLink = Schemas["SocialLink"];
export type RequestAssetType = Schemas["RequestAssetType"];
export type AssetPrivacy = Schemas["AssetPrivacy"];
export type ModerationState = Schemas["ModerationState"];
export type AssetState = Schemas["State"];
export type ServiceError = Schemas["ServiceError"];
export type GatewayError = Schemas["GatewayError"];
export type AssetCreateRequest = Schemas["AssetCreateRequest"];
export type AssetUpdateRequest = Schemas["AssetUpdateRequest"];
export type RollbackAssetVersionRequest = Schemas["RollbackAssetVersionRequest"];

/** The social-link fields of an Asset (`twitchSocialLink`, ...), derived from the spec's Asset type. */
export type SocialLinkField = Extract<keyof Asset, `${string}SocialLink`>;

/** Moderation outcomes the emulator produces (current PascalCase spelling). */
export type ModerationOutcome = Extract<ModerationState, "Approved" | "Rejected" | "Reviewing">;
