// Types of the emulator's own that derive from the spec's (the wire types are imported from
// @rbxassets/spec by name, never hand-written).
import type { Asset, ModerationState } from "@rbxassets/spec";

/** The social-link fields of an Asset (`twitchSocialLink`, ...), derived from the spec's Asset type. */
export type SocialLinkField = Extract<keyof Asset, `${string}SocialLink`>;

/** Moderation outcomes the emulator produces (current PascalCase spelling). */
export type ModerationOutcome = Extract<ModerationState, "Approved" | "Rejected" | "Reviewing">;
