// PATCH /asset-permissions-api/v1/assets/permissions: grant a universe `Use` of several assets.
// Request-level problems answer 400/403 `{error:{code,message}}`; per-asset refusals are a 200 listing
// each refused asset with its code (what the spec describes; live ordering of checks is unconfirmed).
import type { FastifyInstance } from "fastify";
import { callerOf, type EmulatorContext } from "../context.js";
import { type CreatorRef, creatorRefOf } from "../creator.js";
import { permissionsError } from "../errors.js";
import { type GrantPolicy, universeUseTypes } from "../grants.js";
import { isRecord } from "../validation.js";
import { defineOperation } from "./define.js";

const requestFields = ["subjectType", "subjectId", "action", "requests", "assetIds"];
const grantFields = ["assetId", "grantToDependencies", "parentVersionNumber"];
const subjectTypes = ["User", "Group", "GroupRoleset", "All", "Universe"];
const actions = ["Edit", "Use", "Download", "CopyFromRcc", "UpdateFromRcc"];

type GrantError = { assetId: number; code: string };

const invalid = (message: string) => permissionsError(400, "InvalidRequest", message);

function assetIdOf(value: unknown, field: string): string {
  if (typeof value === "string" && /^[0-9]{1,19}$/.test(value)) return value.replace(/^0+(?=\d)/, "");
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  throw invalid(`${field} must be an asset id (digits).`);
}

/** The asset ids of the request: `requests` wins over the deprecated `assetIds`. */
function requestedIds(body: Record<string, unknown>): string[] {
  const { requests, assetIds } = body;
  if (requests !== undefined) {
    if (!Array.isArray(requests) || requests.length === 0)
      throw invalid("requests must be a non-empty array.");
    return requests.map((entry, index) => {
      if (!isRecord(entry)) throw invalid(`requests[${index}] must be an object.`);
      for (const key of Object.keys(entry)) {
        if (!grantFields.includes(key)) throw invalid(`Unknown field 'requests[${index}].${key}'.`);
      }
      return assetIdOf(entry.assetId, `requests[${index}].assetId`);
    });
  }
  if (!Array.isArray(assetIds) || assetIds.length === 0) throw invalid("requests must be a non-empty array.");
  return assetIds.map((id, index) => assetIdOf(id, `assetIds[${index}]`));
}

export function registerPermissionRoutes(
  app: FastifyInstance,
  context: EmulatorContext,
  policy: GrantPolicy,
): void {
  defineOperation(app, "AssetPermissions_GrantAssetPermissions", async (request) => {
    const body = request.body;
    if (!isRecord(body)) throw invalid("The body must be a JSON object.");
    for (const key of Object.keys(body)) {
      if (!requestFields.includes(key)) throw invalid(`Unknown field '${key}'.`);
    }
    if (!subjectTypes.includes(body.subjectType as string)) {
      throw invalid(`subjectType must be one of ${subjectTypes.join(", ")}.`);
    }
    if (!actions.includes(body.action as string))
      throw invalid(`action must be one of ${actions.join(", ")}.`);
    if (body.subjectType !== "Universe") {
      throw invalid("The emulator models grants to experiences only: subjectType must be Universe.");
    }
    if (typeof body.subjectId !== "string" || !/^[0-9]+$/.test(body.subjectId)) {
      throw invalid("subjectId must be the universe id as a string of digits.");
    }
    const ids = requestedIds(body);
    const universeId = body.subjectId.replace(/^0+(?=\d)/, "");
    const caller = callerOf(context, request).creator;
    if (!policy.universes.has(universeId)) {
      throw permissionsError(400, "SubjectNotFound", `Universe ${universeId} does not exist.`);
    }
    const grantableBy = policy.universes.get(universeId);
    if (grantableBy && !grantableBy.has(caller)) {
      throw permissionsError(
        403,
        "CannotManageSubject",
        `${caller} may not grant to universe ${universeId}.`,
      );
    }
    const successAssetIds: number[] = [];
    const errors: GrantError[] = [];
    for (const assetId of ids) {
      const code = grantOne(context, policy, caller, assetId, universeId, body.action as string);
      if (code) errors.push({ assetId: Number(assetId), code });
      else successAssetIds.push(Number(assetId));
    }
    context.store.save();
    // The upstream spec types these ids as integers; the emulator answers as it documents.
    return { successAssetIds, errors };
  });
}

/** Grants one asset, or says why not. */
function grantOne(
  context: EmulatorContext,
  policy: GrantPolicy,
  caller: CreatorRef,
  assetId: string,
  universeId: string,
  action: string,
): string | undefined {
  context.operations.settle(assetId);
  const asset = context.store.assets.get(assetId);
  if (!asset) return "AssetNotFound";
  if (creatorRefOf(asset.creator) !== caller) return "CannotManageAsset";
  if (action !== "Use" || !universeUseTypes.has(asset.assetType)) return "AssetTypeNotEnabled";
  if (asset.privacy === "openUse") return "PublicAssetCannotBeGrantedTo";
  const grants = asset.grants ?? [];
  if (grants.includes(universeId)) return undefined;
  if (grants.length >= policy.maxGrantsPerAsset) return "PermissionLimitReached";
  asset.grants = [...grants, universeId];
  return undefined;
}
