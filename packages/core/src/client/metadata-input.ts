// Metadata as people type it (previews `id:alt text`, social links `kind=uri`), parsed into what Update
// Asset takes. One parser for the CLI's flags, the TUI's edit form and any other caller.
import { limits, socialLinkFields } from "@rbxassets/spec";
import { AssetsClientError } from "./errors.js";
import { assetIdOrThrow } from "./ids.js";
import type { Preview, SocialLink } from "./types.js";

type SocialLinkField = (typeof socialLinkFields)[number];

const PREFIX = "rbxassetid://";

/** `123`, `123:alt text`, `rbxassetid://123:alt text` or `assets/123:alt` to a preview. */
export function parsePreview(text: string): Preview {
  const value = text.trim();
  const colon = value.indexOf(":", value.startsWith(PREFIX) ? PREFIX.length : 0);
  const ref = colon === -1 ? value : value.slice(0, colon);
  const altText = colon === -1 ? undefined : value.slice(colon + 1).trim();
  return { asset: `assets/${assetIdOrThrow(ref, "preview")}`, ...(altText ? { altText } : {}) };
}

/** The Asset field of a social link kind: `twitch`, `Twitch` or `twitchSocialLink` to `twitchSocialLink`. */
export function socialLinkFieldOf(kind: string): SocialLinkField {
  const short = kind
    .trim()
    .replace(/SocialLink$/i, "")
    .toLowerCase();
  const field = socialLinkFields.find(
    (known) => known.slice(0, -"SocialLink".length).toLowerCase() === short,
  );
  if (field === undefined) {
    const kinds = socialLinkFields.map((known) => known.slice(0, -"SocialLink".length));
    throw new AssetsClientError(
      `unknown social link ${JSON.stringify(kind)}: use one of ${kinds.join(", ")}`,
    );
  }
  return field;
}

/** An http(s) URI for a link of `kind`, or an AssetsClientError naming it. */
export function socialLinkUri(kind: string, uri: string): string {
  const value = uri.trim();
  try {
    const { protocol } = new URL(value);
    if (protocol === "https:" || protocol === "http:") return value;
  } catch {
    // reported below
  }
  throw new AssetsClientError(`${kind} link ${JSON.stringify(uri)} is not an http(s) URL`);
}

/**
 * Social links as `kind → uri` pairs (or `kind=uri` texts) to the Asset fields Update Asset takes. Refuses
 * an unknown kind, a non-http(s) URI, a kind given twice and more links than the spec allows.
 */
export function parseSocialLinks(
  links: Record<string, string> | readonly string[],
): Partial<Record<SocialLinkField, SocialLink>> {
  const pairs = Array.isArray(links)
    ? (links as readonly string[]).map(splitKindUri)
    : Object.entries(links as Record<string, string>);
  if (pairs.length > limits.maxSocialLinks) {
    throw new AssetsClientError(
      `at most ${limits.maxSocialLinks} social links can be set, got ${pairs.length}`,
    );
  }
  const out: Partial<Record<SocialLinkField, SocialLink>> = {};
  for (const [kind, uri] of pairs) {
    const field = socialLinkFieldOf(kind);
    if (out[field] !== undefined) throw new AssetsClientError(`the ${kind} link is given twice`);
    out[field] = { uri: socialLinkUri(kind, uri) };
  }
  return out;
}

function splitKindUri(text: string): [string, string] {
  const at = text.indexOf("=");
  if (at <= 0) throw new AssetsClientError(`social link ${JSON.stringify(text)} is not kind=uri`);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}
