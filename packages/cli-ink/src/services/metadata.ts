// Metadata a person types (a name, a description, an icon, previews, social links) turned into the fields
// of an update request. The one parser for it: `update`'s flags and the TUI's edit form both come here.
import { limits, maskFields } from "@rbxassets/core";
import { ServiceError } from "./errors.js";
import { referencedAssetId } from "./ids.js";

/** Social link kinds, as `update --social kind=uri` takes them (`twitch` for `twitchSocialLink`). */
export const SOCIAL_LINK_KINDS: readonly string[] = maskFields.update
  .filter((field) => field.endsWith("SocialLink"))
  .map((field) => field.slice(0, -"SocialLink".length));

/** Metadata as typed: only the fields given change. */
export interface MetadataInput {
  displayName?: string;
  description?: string;
  /** Icon: an Image asset id (`123`, `rbxassetid://123` or `assets/123`). */
  icon?: string;
  /** Previews: Image asset ids, each optionally followed by `:alt text`. Replaces the whole list. */
  previews?: string[];
  /** Social links by kind (`twitch`, `github`, … or the full field name). */
  social?: Record<string, string>;
}

/** The request fields to send and the update mask that names them. */
export interface MetadataUpdate {
  fields: Record<string, unknown>;
  mask: string[];
}

/** Checks and converts metadata input; throws a one-line ServiceError naming the field and the fix. */
export function parseMetadataInput(input: MetadataInput): MetadataUpdate {
  const fields: Record<string, unknown> = {};
  const mask: string[] = [];
  const set = (field: string, value: unknown) => {
    fields[field] = value;
    mask.push(field);
  };
  if (input.displayName !== undefined) set("displayName", parseDisplayName(input.displayName));
  if (input.description !== undefined) set("description", parseDescription(input.description));
  if (input.icon !== undefined) set("icon", `assets/${referencedAssetId("icon", input.icon)}`);
  if (input.previews !== undefined && input.previews.length > 0) {
    set("previews", input.previews.map(parsePreview));
  }
  const social = Object.entries(input.social ?? {});
  if (social.length > limits.maxSocialLinks) {
    throw new ServiceError(`at most ${limits.maxSocialLinks} social links can be set, got ${social.length}`);
  }
  for (const [kind, uri] of social) set(socialField(kind), { uri: parseLinkUri(kind, uri) });
  return { fields, mask };
}

function parseDisplayName(value: string): string {
  const name = value.trim();
  if (name === "") throw new ServiceError("the name is empty: give the asset a name");
  if ([...name].length > limits.maxDisplayNameLength) {
    throw new ServiceError(
      `the name is ${[...name].length} characters long: keep it to ${limits.maxDisplayNameLength}`,
    );
  }
  return name;
}

function parseDescription(value: string): string {
  if ([...value].length > limits.maxDescriptionLength) {
    throw new ServiceError(
      `the description is ${[...value].length} characters long: keep it to ${limits.maxDescriptionLength}`,
    );
  }
  return value;
}

/** `123` or `123:Front view` (the alt text after the first colon past an `rbxassetid://` prefix). */
export function parsePreview(value: string): { asset: string; altText?: string } {
  const colon = value.indexOf(":", value.startsWith("rbxassetid://") ? "rbxassetid://".length : 0);
  const ref = colon === -1 ? value : value.slice(0, colon);
  const altText = colon === -1 ? undefined : value.slice(colon + 1).trim();
  return { asset: `assets/${referencedAssetId("preview", ref)}`, ...(altText ? { altText } : {}) };
}

/** `github` (any case, or `githubSocialLink`) to the request field `githubSocialLink`. */
export function socialField(kind: string): string {
  const short = kind.trim().replace(/SocialLink$/i, "");
  const match = SOCIAL_LINK_KINDS.find((known) => known.toLowerCase() === short.toLowerCase());
  if (!match)
    throw new ServiceError(
      `unknown social link ${JSON.stringify(kind)}: use one of ${SOCIAL_LINK_KINDS.join(", ")}`,
    );
  return `${match}SocialLink`;
}

function parseLinkUri(kind: string, value: string): string {
  try {
    const { protocol } = new URL(value);
    if (protocol === "https:" || protocol === "http:") return value;
  } catch {
    // reported below
  }
  throw new ServiceError(`${kind} link ${JSON.stringify(value)} is not an http(s) URL`);
}
