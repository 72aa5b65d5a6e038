// Metadata a person types (a name, a description, an icon, previews, social links) turned into the fields
// of an update request: `update`'s flags and the TUI's edit form both come here. Core holds the parsing
// rules (previews, social links, limits); this checks the whole input and words refusals as ServiceErrors.
import {
  AssetsClientError,
  descriptionProblem,
  displayNameProblem,
  parsePreview,
  parseSocialLinks,
  socialLinkKinds,
} from "@rbxassets/core";
import { ServiceError } from "./errors.js";
import { referencedAssetId } from "./ids.js";

/** Social link kinds, as `update --social kind=uri` takes them (`twitch` for `twitchSocialLink`). */
export const SOCIAL_LINK_KINDS: readonly string[] = socialLinkKinds;

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
    set(
      "previews",
      input.previews.map((preview) => asServiceError(() => parsePreview(preview))),
    );
  }
  if (input.social !== undefined && Object.keys(input.social).length > 0) {
    const links = asServiceError(() => parseSocialLinks(input.social ?? {}));
    for (const [field, link] of Object.entries(links)) set(field, link);
  }
  return { fields, mask };
}

/** Core's rule, in the flags' words (`--name`, `--description`). */
function parseDisplayName(value: string): string {
  const name = value.trim();
  const found = displayNameProblem(name);
  if (found?.kind === "empty") throw new ServiceError("the name is empty: give the asset a name");
  if (found) throw new ServiceError(`the name is ${found.length} characters long: keep it to ${found.limit}`);
  return name;
}

function parseDescription(value: string): string {
  const found = descriptionProblem(value);
  if (found) {
    throw new ServiceError(`the description is ${found.length} characters long: keep it to ${found.limit}`);
  }
  return value;
}

/** Core's parsers refuse with an AssetsClientError: to the caller that is bad input, a usage error. */
function asServiceError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof AssetsClientError) throw new ServiceError(error.message, { cause: error });
    throw error;
  }
}
