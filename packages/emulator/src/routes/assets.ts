// Create, Get, Update, Archive and Restore Asset.

import type { State as AssetState, Operation } from "@rbxassets/spec";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { checkContent } from "../content-check.js";
import { type EmulatorContext, timestamp } from "../context.js";
import { creatorRefOf } from "../creator.js";
import { invalidArgument, notFound } from "../errors.js";
import { checkFee } from "../fees.js";
import { readAssetForm, type UploadedFile } from "../multipart.js";
import { requireCreator } from "../ownership.js";
import { renderAsset } from "../render.js";
import {
  assetFields,
  type MaskableField,
  maskableFields,
  maxSocialLinks,
  updateRequestFields,
} from "../spec-values.js";
import type { StoredAsset, StoredVersion } from "../store.js";
import {
  checkContentType,
  isRecord,
  parseAssetPath,
  parseAssetType,
  parseCreateRequest,
  parseDescription,
  parseDisplayName,
  parseExpectedPrice,
  parseInt64,
  parseMask,
  parsePathId,
  parsePreviews,
  parseSocialLink,
} from "../validation.js";
import { defineOperation, type Params, type Query } from "./define.js";

/** The asset as visible now: operations whose time has come are applied first. */
export function findAsset(context: EmulatorContext, rawId: string | undefined): StoredAsset {
  const assetId = parsePathId(rawId ?? "", "assetId");
  context.operations.settle(assetId);
  const asset = context.store.assets.get(assetId);
  if (!asset) throw notFound(`Asset ${assetId} not found.`);
  return asset;
}

/** An asset the caller is about to change: it must belong to the caller's creator. */
export function findOwnedAsset(
  context: EmulatorContext,
  request: FastifyRequest,
  rawId: string | undefined,
): StoredAsset {
  const asset = findAsset(context, rawId);
  requireCreator(context, request, asset.creator);
  return asset;
}

export function registerAssetRoutes(app: FastifyInstance, context: EmulatorContext): void {
  const { store, moderator, stats } = context;

  defineOperation(app, "Assets_CreateAsset", async (request): Promise<Operation> => {
    const form = await readAssetForm(request);
    recordFilePart(stats, "Assets_CreateAsset", form.file);
    const input = parseCreateRequest(form.request);
    requireCreator(context, request, input.creator);
    if (!form.file) throw invalidArgument("The fileContent part is required.");
    checkContentType(input.assetType, form.file);
    await checkContent(form.file);
    moderator.screen(input);
    checkFee(context.fees, input.assetType, input.expectedPrice);
    const owner = creatorRefOf(input.creator);
    context.quotas.check(owner, input.assetType);
    const now = timestamp(context);
    const moderationState = moderator.judge(input);
    const assetId = store.allocateAssetId();
    const asset: StoredAsset = {
      assetId,
      assetType: input.assetType,
      displayName: input.displayName,
      description: input.description,
      creator: input.creator,
      state: "Active",
      moderationState,
      socialLinks: {},
      revisionId: 1,
      revisionCreateTime: now,
      versions: [
        {
          number: 1,
          createTime: now,
          creator: input.creator,
          moderationState,
          contentSha256: form.file.sha256,
        },
      ],
    };
    if (input.assetPrivacy) asset.privacy = input.assetPrivacy;
    if (moderationState === "Reviewing") asset.reviewReadsLeft = moderator.reviewPolls;
    context.quotas.count(owner, input.assetType);
    stats.created();
    stats.contentUploaded(form.file.sha256);
    if (context.keepContent) store.content.set(form.file.sha256, form.file.buffer);
    return context.operations.start("create", assetId, { kind: "create", asset });
  });

  defineOperation(app, "Assets_GetAsset", async (request) => {
    const asset = findAsset(context, (request.params as Params).assetId);
    const { readMask } = request.query as Query;
    const mask = readMask === undefined ? undefined : parseMask(readMask, assetFields, "readMask");
    advanceReview(asset);
    store.save();
    // Without a mask Get Asset answers the core fields and description, as the spec describes.
    const include = new Set<string>(mask ?? ["description"]);
    return renderAsset(asset, include);
  });

  defineOperation(app, "Assets_UpdateAsset", async (request): Promise<Operation> => {
    const rawId = (request.params as Params).assetId;
    parsePathId(rawId ?? "", "assetId");
    const form = await readAssetForm(request);
    recordFilePart(stats, "Assets_UpdateAsset", form.file);
    const asset = findOwnedAsset(context, request, rawId);
    if (asset.state === "Archived") {
      // Unconfirmed live; the strict answer: an archived asset takes no changes until restored.
      throw invalidArgument(`Asset ${asset.assetId} is archived; restore it before updating it.`);
    }
    const body = form.request;
    if (body === undefined) throw invalidArgument("The `request` part is required.");
    if (!isRecord(body)) throw invalidArgument("The `request` part must be a JSON object.");
    for (const key of Object.keys(body)) {
      if (!(updateRequestFields as string[]).includes(key)) throw invalidArgument(`Unknown field '${key}'.`);
    }
    if (body.assetId !== undefined && parseInt64(body.assetId, "assetId") !== asset.assetId) {
      throw invalidArgument("request.assetId does not match the asset id in the path.");
    }
    if (body.assetType !== undefined && parseAssetType(body.assetType) !== asset.assetType) {
      throw invalidArgument(`assetType cannot be changed (the asset is a ${asset.assetType}).`);
    }
    if (body.creationContext !== undefined) {
      if (!isRecord(body.creationContext)) throw invalidArgument("creationContext must be an object.");
      parseExpectedPrice(body.creationContext.expectedPrice);
    }
    const { updateMask } = request.query as Query;
    // No mask: update the maskable fields the body carries. With a mask, a named field absent from the
    // body is cleared and fields the mask does not name are ignored.
    const mask =
      updateMask === undefined
        ? maskableFields.filter((field) => body[field] !== undefined)
        : parseMask(updateMask, maskableFields, "updateMask");

    const draft = structuredClone(asset);
    for (const field of mask) applyField(context, draft, field, body[field]);
    if (Object.keys(draft.socialLinks).length > maxSocialLinks) {
      throw invalidArgument(`An asset can have at most ${maxSocialLinks} social links.`);
    }
    if (mask.includes("displayName") || mask.includes("description")) {
      moderator.screen({
        ...(mask.includes("displayName") ? { displayName: draft.displayName } : {}),
        ...(mask.includes("description") ? { description: draft.description } : {}),
      });
      draft.moderationState = moderator.judge(draft);
      draft.reviewReadsLeft = draft.moderationState === "Reviewing" ? moderator.reviewPolls : undefined;
    }
    const file = form.file;
    let content: Omit<StoredVersion, "number"> | undefined;
    if (file) {
      // Only Model content can be replaced; every other type is fixed at upload.
      if (draft.assetType !== "Model") {
        throw invalidArgument(
          `The content of ${draft.assetType} assets cannot be updated; only Model content can.`,
        );
      }
      checkContentType(draft.assetType, file);
      await checkContent(file);
      content = {
        createTime: timestamp(context),
        creator: draft.creator,
        moderationState: draft.moderationState,
        contentSha256: file.sha256,
      };
      stats.contentUploaded(file.sha256);
      if (context.keepContent) store.content.set(file.sha256, file.buffer);
    }
    // Nothing is visible before the operation is done: it carries the change.
    return context.operations.start("update", draft.assetId, {
      kind: "update",
      fields: mask,
      draft,
      ...(content ? { content } : {}),
    });
  });

  const setState = (state: AssetState) => async (request: FastifyRequest) => {
    const asset = findOwnedAsset(context, request, (request.params as Params).assetId);
    asset.state = state;
    store.save();
    return renderAsset(asset);
  };
  defineOperation(app, "Assets_ArchiveAsset", setState("Archived"));
  defineOperation(app, "Assets_RestoreAsset", setState("Active"));

  /** A Reviewing asset with `reviewPolls` configured turns Approved after that many reads. */
  function advanceReview(asset: StoredAsset): void {
    if (asset.moderationState !== "Reviewing" || asset.reviewReadsLeft === undefined) return;
    if (asset.reviewReadsLeft > 0) {
      asset.reviewReadsLeft -= 1;
      return;
    }
    asset.moderationState = "Approved";
    asset.reviewReadsLeft = undefined;
    const current = asset.versions.at(-1);
    if (current) current.moderationState = "Approved";
  }
}

/** Sets (or, when the body lacks it, clears) one masked field on the draft asset. */
function applyField(
  context: EmulatorContext,
  draft: StoredAsset,
  field: MaskableField,
  value: unknown,
): void {
  const present = value !== undefined && value !== null;
  switch (field) {
    case "displayName":
      if (!present) throw invalidArgument("displayName cannot be cleared.");
      draft.displayName = parseDisplayName(value);
      return;
    case "description":
      draft.description = parseDescription(value);
      return;
    case "icon":
      if (!present) delete draft.icon;
      else draft.icon = `assets/${requireImage(context, parseAssetPath(value, "icon"), "icon")}`;
      return;
    case "previews":
      if (!present) {
        delete draft.previews;
        return;
      }
      draft.previews = parsePreviews(value);
      draft.previews.forEach((preview, index) => {
        requireImage(context, parseAssetPath(preview.asset, "asset"), `previews[${index}].asset`);
      });
      return;
    default:
      if (!present) delete draft.socialLinks[field];
      else draft.socialLinks[field] = parseSocialLink(value, field);
  }
}

/** Icons and previews must be existing Image assets. */
function requireImage(context: EmulatorContext, assetId: string, field: string): string {
  context.operations.settle(assetId);
  const referenced = context.store.assets.get(assetId);
  if (!referenced) throw invalidArgument(`${field}: asset ${assetId} does not exist.`);
  if (referenced.assetType !== "Image")
    throw invalidArgument(`${field}: asset ${assetId} is not an Image asset.`);
  return assetId;
}

/** What the client put on the file part (its name and type), for tests of each runtime's multipart. */
function recordFilePart(
  stats: EmulatorContext["stats"],
  operationId: string,
  file: UploadedFile | undefined,
) {
  if (file) stats.filePart({ operationId, fileName: file.fileName, contentType: file.contentType });
}
