// Checks of request bodies, path ids and masks, answering 400 INVALID_ARGUMENT the way the service does.
// Limits and content types come from the spec metadata.
import {
  type AssetPrivacy,
  type Creator,
  contentTypes,
  limits,
  type Preview,
  type RequestAssetType,
  type SocialLink,
} from "@rbxassets/spec";
import { invalidArgument } from "./errors.js";
import type { UploadedFile } from "./multipart.js";
import { checkSocialLinkUri } from "./social-links.js";
import { assetPrivacies, createRequestFields, requestAssetTypes, socialLinkFields } from "./spec-values.js";
import type { SocialLinkField } from "./types.js";

const digits = /^[0-9]+$/;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An int64 id from a request: digit string or non-negative integer (the spec's Int64Input). */
export function parseInt64(value: unknown, field: string): string {
  if (typeof value === "string" && digits.test(value)) return value.replace(/^0+(?=\d)/, "");
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  throw invalidArgument(`${field} must be an id: a string of digits or a non-negative integer.`);
}

export function parsePathId(value: string, field: string): string {
  if (!digits.test(value)) throw invalidArgument(`Invalid ${field} '${value}': expected digits.`);
  return value.replace(/^0+(?=\d)/, "");
}

export function parseAssetType(value: unknown): RequestAssetType {
  if (typeof value === "string" && (requestAssetTypes as string[]).includes(value)) {
    return value as RequestAssetType;
  }
  throw invalidArgument(
    `Invalid assetType '${String(value)}': expected one of ${requestAssetTypes.join(", ")}.`,
  );
}

/** Text length as the live limits count it: in code points, so an emoji is one character, not two. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

export function parseDisplayName(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw invalidArgument("displayName is required.");
  if (characterCount(value) > limits.maxDisplayNameLength) {
    throw invalidArgument(`displayName is longer than ${limits.maxDisplayNameLength} characters.`);
  }
  return value;
}

export function parseDescription(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw invalidArgument("description must be a string.");
  if (characterCount(value) > limits.maxDescriptionLength) {
    throw invalidArgument(`description is longer than ${limits.maxDescriptionLength} characters.`);
  }
  return value;
}

export function parseCreator(value: unknown): Creator {
  if (!isRecord(value)) throw invalidArgument("creationContext.creator is required.");
  const hasUser = value.userId !== undefined && value.userId !== null;
  const hasGroup = value.groupId !== undefined && value.groupId !== null;
  if (hasUser === hasGroup) {
    throw invalidArgument("creationContext.creator must have exactly one of userId or groupId.");
  }
  return hasUser
    ? { userId: parseInt64(value.userId, "creationContext.creator.userId") }
    : { groupId: parseInt64(value.groupId, "creationContext.creator.groupId") };
}

export function parseExpectedPrice(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const price = typeof value === "string" && digits.test(value) ? Number(value) : value;
  if (typeof price !== "number" || !Number.isFinite(price) || price < 0) {
    throw invalidArgument("creationContext.expectedPrice must be a non-negative number.");
  }
  return price;
}

export interface CreateInput {
  assetType: RequestAssetType;
  displayName: string;
  description: string;
  creator: Creator;
  expectedPrice?: number;
  assetPrivacy?: AssetPrivacy;
}

export function parseCreateRequest(body: unknown): CreateInput {
  if (body === undefined) throw invalidArgument("The `request` part is required.");
  if (!isRecord(body)) throw invalidArgument("The `request` part must be a JSON object.");
  for (const key of Object.keys(body)) {
    if ((socialLinkFields as string[]).includes(key)) {
      throw invalidArgument(`${key}: social links cannot be set on Create; set them with Update Asset.`);
    }
    if (!(createRequestFields as string[]).includes(key)) throw invalidArgument(`Unknown field '${key}'.`);
  }
  const assetType = parseAssetType(body.assetType);
  const displayName = parseDisplayName(body.displayName);
  const description = parseDescription(body.description);
  const context = body.creationContext;
  if (!isRecord(context)) throw invalidArgument("creationContext is required.");
  for (const key of Object.keys(context)) {
    if (!["creator", "expectedPrice", "assetPrivacy"].includes(key)) {
      throw invalidArgument(`Unknown field 'creationContext.${key}'.`);
    }
  }
  const creator = parseCreator(context.creator);
  const expectedPrice = parseExpectedPrice(context.expectedPrice);
  let assetPrivacy: AssetPrivacy | undefined;
  if (context.assetPrivacy !== undefined) {
    if (!(assetPrivacies as unknown[]).includes(context.assetPrivacy)) {
      throw invalidArgument(
        `Invalid creationContext.assetPrivacy: expected one of ${assetPrivacies.join(", ")}.`,
      );
    }
    assetPrivacy = context.assetPrivacy as AssetPrivacy;
  }
  return { assetType, displayName, description, creator, expectedPrice, assetPrivacy };
}

/** The file's content type must be one the spec lists for the asset type (`x-rbxassets-content-types`). */
export function checkContentType(assetType: RequestAssetType, file: UploadedFile): void {
  const accepted: readonly { contentType: string }[] =
    (contentTypes as Partial<Record<string, readonly { contentType: string }[]>>)[assetType] ?? [];
  if (!accepted.some((entry) => entry.contentType === file.contentType)) {
    const expected = [...new Set(accepted.map((entry) => entry.contentType))];
    throw invalidArgument(
      `Content type '${file.contentType || "(none)"}' is not supported for asset type ${assetType}` +
        (expected.length > 0 ? `; expected one of ${expected.join(", ")}.` : "."),
    );
  }
}

const assetPathPattern = /^assets\/([0-9]+)$/;

export function parseAssetPath(value: unknown, field: string): string {
  const match = typeof value === "string" ? assetPathPattern.exec(value) : null;
  if (!match?.[1]) throw invalidArgument(`${field} must be an asset path like 'assets/123'.`);
  return match[1];
}

export function parsePreviews(value: unknown): Preview[] {
  if (!Array.isArray(value)) throw invalidArgument("previews must be an array.");
  return value.map((item, index) => {
    if (!isRecord(item)) throw invalidArgument(`previews[${index}] must be an object.`);
    const asset = `assets/${parseAssetPath(item.asset, `previews[${index}].asset`)}`;
    if (item.altText !== undefined && typeof item.altText !== "string") {
      throw invalidArgument(`previews[${index}].altText must be a string.`);
    }
    return item.altText === undefined ? { asset } : { asset, altText: item.altText };
  });
}

export function parseSocialLink(value: unknown, field: SocialLinkField): SocialLink {
  if (!isRecord(value)) throw invalidArgument(`${field} must be an object with a uri.`);
  if (typeof value.uri !== "string" || !URL.canParse(value.uri)) {
    throw invalidArgument(`${field}.uri must be an absolute URI.`);
  }
  checkSocialLinkUri(field, value.uri);
  if (value.title !== undefined && typeof value.title !== "string") {
    throw invalidArgument(`${field}.title must be a string.`);
  }
  return value.title === undefined ? { uri: value.uri } : { title: value.title, uri: value.uri };
}

/**
 * Parses a comma-separated mask. Field names are camelCase (`displayName`); snake_case (`display_name`)
 * is accepted too, as Google-style APIs take both. Unknown names are a 400.
 */
export function parseMask<T extends string>(raw: string, allowed: readonly T[], name: string): T[] {
  const fields: T[] = [];
  for (const entry of raw.split(",")) {
    const trimmed = entry.trim();
    if (trimmed === "") continue;
    const camel = trimmed.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    const field = allowed.find((candidate) => candidate === camel);
    if (!field) throw invalidArgument(`Invalid ${name}: unknown field '${trimmed}'.`);
    if (!fields.includes(field)) fields.push(field);
  }
  return fields;
}
