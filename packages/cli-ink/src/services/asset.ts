// One asset's record: reading it (all fields or a read mask), archiving and restoring it.
import type { Asset } from "@rbxassets/core";
import { maskFields } from "@rbxassets/core/internal";
import type { ServiceContext } from "./context.js";
import { ServiceError } from "./errors.js";
import { assetIdOrThrow } from "./ids.js";

/** Asset fields Get Asset can be asked for with `readMask` (checked against the generated Asset type). */
export const ASSET_FIELDS = [
  "path",
  "assetId",
  "revisionId",
  "revisionCreateTime",
  "assetType",
  "creationContext",
  "moderationResult",
  "state",
  ...maskFields.read,
] as const satisfies ReadonlyArray<keyof Asset>;

export async function getAsset(
  ctx: ServiceContext,
  assetId: string,
  opts: { fields?: string[] } = {},
): Promise<Asset> {
  const id = assetIdOrThrow(assetId);
  const fields = opts.fields?.map((field) => field.trim()).filter(Boolean) ?? [];
  const unknown = fields.filter((field) => !ASSET_FIELDS.includes(field as never));
  if (unknown.length > 0) {
    throw new ServiceError(`unknown field ${unknown.join(", ")}: fields are ${ASSET_FIELDS.join(", ")}`);
  }
  return ctx.client().getAsset(id, fields.length > 0 ? { readMask: fields } : {});
}

export async function archiveAsset(ctx: ServiceContext, assetId: string): Promise<Asset> {
  return ctx.client().archiveAsset(assetIdOrThrow(assetId));
}

export async function restoreAsset(ctx: ServiceContext, assetId: string): Promise<Asset> {
  return ctx.client().restoreAsset(assetIdOrThrow(assetId));
}
