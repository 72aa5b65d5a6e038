// Editing an asset's metadata: the draft is plain text per field (what the prompts show), parsed and
// compared with the asset to build an update that names only what changed.
import { limits, parseSocialLinks, socialLinkKinds } from "@rbxassets/core";
import { type MetadataInput, parseMetadataInput } from "../services.js";
import { assetIdOfPath } from "./format.js";
import { descriptionError, nameError } from "./metadata-problem.js";
import { parseAssetId } from "./navigation.js";
import { MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from "./upload.js";

/** Social link kinds (`github` for `githubSocialLink`) and how many an asset may have: from the spec. */
export const SOCIAL_KINDS: readonly string[] = socialLinkKinds;
export type SocialKind = string;
export const MAX_SOCIAL_LINKS = limits.maxSocialLinks;

export type MetadataField = "displayName" | "description" | "icon" | "previews" | "social";
export const METADATA_FIELDS: readonly MetadataField[] = [
  "displayName",
  "description",
  "icon",
  "previews",
  "social",
];

export const FIELD_LABELS: Record<MetadataField, string> = {
  displayName: "Name",
  description: "Description",
  icon: "Icon",
  previews: "Previews",
  social: "Social links",
};

export const FIELD_HELP: Record<MetadataField, string> = {
  displayName: `Up to ${MAX_NAME_LENGTH} characters.`,
  description: `Up to ${MAX_DESCRIPTION_LENGTH} characters; empty clears it.`,
  icon: "A square Image asset id, e.g. 1234567890.",
  previews: "Image asset ids separated by commas, each optionally id:alt text.",
  social: `Up to ${MAX_SOCIAL_LINKS} as kind=url, separated by commas, e.g. github=https://github.com/me`,
};

export type MetadataDraft = Record<MetadataField, string>;

/** The metadata fields of an asset as the API returns them. */
export interface AssetMetadata {
  displayName?: string;
  description?: string;
  icon?: string;
  previews?: { asset: string; altText?: string }[];
  [socialLink: `${string}SocialLink`]: { title?: string; uri: string } | undefined;
}

/** What to send: only the fields that changed. Mirrors the update service's options. */
export interface MetadataChanges {
  displayName?: string;
  description?: string;
  icon?: string;
  previews?: string[];
  social?: Record<string, string>;
}

export function draftFromAsset(asset: AssetMetadata): MetadataDraft {
  const social = SOCIAL_KINDS.flatMap((kind) => {
    const link = asset[`${kind}SocialLink`];
    return link?.uri ? [`${kind}=${link.uri}`] : [];
  });
  return {
    displayName: asset.displayName ?? "",
    description: asset.description ?? "",
    icon: assetIdOfPath(asset.icon) ?? "",
    previews: (asset.previews ?? [])
      .map((p) => `${assetIdOfPath(p.asset) ?? p.asset}${p.altText ? `:${p.altText}` : ""}`)
      .join(", "),
    social: social.join(", "),
  };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function splitList(text: string, separator: RegExp = /[,\s]+/): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseIcon(text: string): Parsed<string> {
  if (text.trim() === "") return { ok: true, value: "" };
  const id = parseAssetId(text);
  return id
    ? { ok: true, value: id }
    : { ok: false, error: "The icon must be an asset id, e.g. 1234567890." };
}

/** `123, 456:Side view` to `["123", "456:Side view"]` (the update service's `id[:alt text]` form). */
export function parsePreviews(text: string): Parsed<string[]> {
  const previews: string[] = [];
  for (const item of splitList(text, /,/)) {
    const colon = item.indexOf(":", item.startsWith("rbxassetid://") ? "rbxassetid://".length : 0);
    const ref = colon === -1 ? item : item.slice(0, colon);
    const id = parseAssetId(ref);
    if (!id) return { ok: false, error: `"${ref}" is not an asset id.` };
    const alt = colon === -1 ? "" : item.slice(colon + 1).trim();
    previews.push(alt ? `${id}:${alt}` : id);
  }
  return { ok: true, value: previews };
}

/**
 * `github=https://…, twitch=https://…` to `{ github: uri, … }`: the form's list syntax, then core's one rule
 * for social links (`parseSocialLinks`: known kinds, http(s) only, a kind once, the spec's most).
 */
export function parseSocial(text: string): Parsed<Record<string, string>> {
  let fields: ReturnType<typeof parseSocialLinks>;
  try {
    fields = parseSocialLinks(splitList(text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${message.charAt(0).toUpperCase()}${message.slice(1)}.` };
  }
  const links: Record<string, string> = {};
  for (const [field, link] of Object.entries(fields)) {
    if (link) links[field.slice(0, -"SocialLink".length)] = link.uri;
  }
  return { ok: true, value: links };
}

/** Checks one field's text against its original; the message says how to fix it. */
export function validateField(field: MetadataField, text: string, original = ""): string | undefined {
  const own = checkText(field, text, original);
  if (own !== undefined) return own;
  // The services' one parser for metadata input (the same as `update`'s flags) has the last word.
  const input = inputFor(field, text);
  if (input === undefined) return undefined;
  try {
    parseMetadataInput(input);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
  }
}

/** The field's text as the services take it; undefined when there is nothing to send. */
function inputFor(field: MetadataField, text: string): MetadataInput | undefined {
  switch (field) {
    case "displayName":
      return { displayName: text.trim() };
    case "description":
      return { description: text.trim() };
    case "icon": {
      const icon = parseIcon(text);
      return icon.ok && icon.value !== "" ? { icon: icon.value } : undefined;
    }
    case "previews": {
      const previews = parsePreviews(text);
      return previews.ok ? { previews: previews.value } : undefined;
    }
    case "social": {
      const social = parseSocial(text);
      return social.ok ? { social: social.value } : undefined;
    }
  }
}

/** The form's own reading of the text (its list and `kind=url` syntax, what it cannot send). */
function checkText(field: MetadataField, text: string, original: string): string | undefined {
  // The API clears a field named in the update mask without a value, but the update service only sets
  // values: say so rather than send an update that silently keeps the old value.
  const cleared = text.trim() === "" && original.trim() !== "";
  if (cleared && (field === "icon" || field === "previews")) {
    return `Clearing the ${FIELD_LABELS[field].toLowerCase()} is not supported: enter new ids, or Esc to keep them.`;
  }
  if (field === "social") {
    const before = parseSocial(original);
    const after = parseSocial(text);
    if (before.ok && after.ok) {
      const removed = Object.keys(before.value).filter((kind) => !(kind in after.value));
      if (removed.length > 0) {
        return `Removing a link (${removed.join(", ")}) is not supported: change its URL instead, or Esc.`;
      }
    }
  }
  switch (field) {
    case "displayName":
      return nameError(text);
    case "description":
      return descriptionError(text);
    case "icon": {
      const parsed = parseIcon(text);
      return parsed.ok ? undefined : parsed.error;
    }
    case "previews": {
      const parsed = parsePreviews(text);
      return parsed.ok ? undefined : parsed.error;
    }
    case "social": {
      const parsed = parseSocial(text);
      return parsed.ok ? undefined : parsed.error;
    }
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The update to send for a draft, compared field by field with the original; `{}` when nothing changed. */
export function changesFrom(original: MetadataDraft, draft: MetadataDraft): MetadataChanges {
  const changes: MetadataChanges = {};
  if (draft.displayName.trim() !== original.displayName.trim())
    changes.displayName = draft.displayName.trim();
  if (draft.description.trim() !== original.description.trim())
    changes.description = draft.description.trim();
  const icon = parseIcon(draft.icon);
  const originalIcon = parseIcon(original.icon);
  if (icon.ok && icon.value !== "" && (!originalIcon.ok || icon.value !== originalIcon.value))
    changes.icon = icon.value;
  const previews = parsePreviews(draft.previews);
  const originalPreviews = parsePreviews(original.previews);
  const previewsChanged =
    previews.ok && (!originalPreviews.ok || !sameList(previews.value, originalPreviews.value));
  if (previews.ok && previews.value.length > 0 && previewsChanged) {
    changes.previews = previews.value;
  }
  const social = parseSocial(draft.social);
  const originalSocial = parseSocial(original.social);
  if (social.ok && originalSocial.ok) {
    const kinds = new Set([...Object.keys(social.value), ...Object.keys(originalSocial.value)]);
    const changed: Record<string, string> = {};
    for (const kind of kinds) {
      const now = social.value[kind];
      if (now !== undefined && now !== originalSocial.value[kind]) changed[kind] = now;
    }
    if (Object.keys(changed).length > 0) changes.social = changed;
  }
  return changes;
}

export function changedFieldCount(changes: MetadataChanges): number {
  return Object.keys(changes).length;
}

/** The first field whose text does not parse, with its message. */
export function firstInvalidField(
  draft: MetadataDraft,
  original?: MetadataDraft,
): { field: MetadataField; error: string } | undefined {
  for (const field of METADATA_FIELDS) {
    const error = validateField(field, draft[field], original?.[field]);
    if (error) return { field, error };
  }
  return undefined;
}

export type EditMode =
  | { kind: "loading" }
  | { kind: "load-failed"; error: unknown }
  | { kind: "fields"; saved?: boolean }
  | { kind: "editing"; field: MetadataField; error: string | undefined }
  | { kind: "saving" }
  | { kind: "save-failed"; error: unknown };

export interface EditState {
  original: MetadataDraft;
  draft: MetadataDraft;
  mode: EditMode;
}

export type EditAction =
  | { type: "loaded"; asset: AssetMetadata }
  | { type: "load-failed"; error: unknown }
  | { type: "edit"; field: MetadataField }
  | { type: "submit-field"; value: string }
  | { type: "cancel-field" }
  | { type: "save-started" }
  | { type: "saved"; asset: AssetMetadata }
  | { type: "save-failed"; error: unknown }
  | { type: "dismiss" };

const emptyDraft: MetadataDraft = { displayName: "", description: "", icon: "", previews: "", social: "" };

export const initialEdit: EditState = { original: emptyDraft, draft: emptyDraft, mode: { kind: "loading" } };

export function editReducer(state: EditState, action: EditAction): EditState {
  switch (action.type) {
    case "loaded": {
      const draft = draftFromAsset(action.asset);
      return { original: draft, draft, mode: { kind: "fields" } };
    }
    case "load-failed":
      return { ...state, mode: { kind: "load-failed", error: action.error } };
    case "edit":
      return state.mode.kind === "fields"
        ? { ...state, mode: { kind: "editing", field: action.field, error: undefined } }
        : state;
    case "submit-field": {
      if (state.mode.kind !== "editing") return state;
      const { field } = state.mode;
      const error = validateField(field, action.value, state.original[field]);
      if (error) return { ...state, mode: { kind: "editing", field, error } };
      return { ...state, draft: { ...state.draft, [field]: action.value.trim() }, mode: { kind: "fields" } };
    }
    case "cancel-field":
      return state.mode.kind === "editing" ? { ...state, mode: { kind: "fields" } } : state;
    case "save-started":
      return { ...state, mode: { kind: "saving" } };
    case "saved": {
      const draft = draftFromAsset(action.asset);
      // Back to the fields, which now show what is stored, with a note that the save went through.
      return { original: draft, draft, mode: { kind: "fields", saved: true } };
    }
    case "save-failed":
      return { ...state, mode: { kind: "save-failed", error: action.error } };
    case "dismiss":
      return state.mode.kind === "save-failed" ? { ...state, mode: { kind: "fields" } } : state;
  }
}
