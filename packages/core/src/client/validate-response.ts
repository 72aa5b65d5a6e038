// Minimal structural checks of 2xx bodies: only what the client and its callers rely on, so that a broken
// answer becomes an INVALID_RESPONSE error at the call, not an `undefined` far from it. Lenient where the
// live service varies (ids as numbers, extra fields, proto3's `{}` for an empty page). Problems name fields
// and kinds, never values (a value may be huge, or echo a credential).
import type { OperationId } from "@rbxassets/spec";

export type ResponseCheck = { ok: true; value: unknown } | { ok: false; problem: string };

type Fields = Record<string, unknown>;

class ShapeProblem extends Error {}

function fail(problem: string): never {
  throw new ShapeProblem(problem);
}

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return typeof value === "undefined" ? "missing" : `a ${typeof value}`;
}

function object(value: unknown, what: string): Fields {
  if (!isFields(value)) fail(`${what} is ${kindOf(value)}, not an object`);
  return value;
}

function requiredString(fields: Fields, name: string, where: string): void {
  if (typeof fields[name] !== "string") fail(`${where}${name} is ${kindOf(fields[name])}, not a string`);
}

function optional(fields: Fields, name: string, type: "string" | "boolean" | "object", where: string): void {
  const value = fields[name];
  if (value === undefined) return;
  if (type === "object" ? !isFields(value) : typeof value !== type) {
    fail(`${where}${name} is ${kindOf(value)}, not ${type === "object" ? "an object" : `a ${type}`}`);
  }
}

/** A digit string; a non-negative safe integer is accepted and becomes its digit string. */
function digits(fields: Fields, name: string, where: string, required: boolean): void {
  const value = fields[name];
  if (value === undefined && !required) return;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) fields[name] = String(value);
  else if (typeof value !== "string" || !/^[0-9]{1,20}$/.test(value)) {
    fail(`${where}${name} is ${kindOf(value)}, not a string of digits`);
  }
}

function asset(value: unknown): Fields {
  const fields = { ...object(value, "the body") };
  digits(fields, "assetId", "", true);
  requiredString(fields, "assetType", "");
  for (const name of ["path", "displayName", "description"]) optional(fields, name, "string", "");
  digits(fields, "revisionId", "", false);
  optional(fields, "moderationResult", "object", "");
  optional(fields, "creationContext", "object", "");
  return fields;
}

function operation(value: unknown): Fields {
  const fields = { ...object(value, "the body") };
  const named = ["path", "operationId"].some(
    (name) => typeof fields[name] === "string" && fields[name] !== "",
  );
  if (!named) fail("neither path nor operationId is a non-empty string");
  optional(fields, "path", "string", "");
  optional(fields, "operationId", "string", "");
  optional(fields, "done", "boolean", "");
  optional(fields, "response", "object", "");
  optional(fields, "error", "object", "");
  // The asset inside is checked by whoever uses it (the pipeline refuses one without an id); ids are
  // normalised here so that every Asset the client hands out carries a string id.
  if (isFields(fields.response) && typeof fields.response.assetId === "number") {
    const response = { ...fields.response };
    digits(response, "assetId", "response.", false);
    fields.response = response;
  }
  return fields;
}

function assetVersion(value: unknown, where = "", what = "the body"): Fields {
  const fields = object(value, what);
  requiredString(fields, "path", where);
  return fields;
}

const LIST_FIELDS = new Set(["assetVersions", "nextPageToken"]);

function assetVersionList(value: unknown): Fields {
  const fields = { ...object(value, "the body") };
  optional(fields, "nextPageToken", "string", "");
  if (fields.assetVersions === undefined) {
    // proto3 JSON omits an empty list: `{}` is an empty page. An object carrying other fields is not one.
    const other = Object.keys(fields).find((name) => !LIST_FIELDS.has(name));
    if (other !== undefined) fail(`assetVersions is missing (the body has ${other} instead)`);
    fields.assetVersions = [];
  }
  if (!Array.isArray(fields.assetVersions))
    fail(`assetVersions is ${kindOf(fields.assetVersions)}, not an array`);
  fields.assetVersions.forEach((item, index) => {
    assetVersion(item, `assetVersions[${index}].`, `assetVersions[${index}]`);
  });
  return fields;
}

/** An id as a digit string, from a digit string or a safe integer. */
function idValue(value: unknown, where: string): string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && /^[0-9]{1,20}$/.test(value)) return value;
  fail(`${where} is ${kindOf(value)}, not an id`);
}

function listOf(fields: Fields, name: string): unknown[] {
  const value = fields[name] ?? [];
  if (!Array.isArray(value)) fail(`${name} is ${kindOf(value)}, not an array`);
  return value;
}

/** Grant answers: ids normalised to digit strings, missing lists (proto3 omits empty ones) filled in. */
function grantResult(value: unknown): Fields {
  const fields = { ...object(value, "the body") };
  fields.successAssetIds = listOf(fields, "successAssetIds").map((id, i) =>
    idValue(id, `successAssetIds[${i}]`),
  );
  fields.errors = listOf(fields, "errors").map((item, i) => {
    const entry = object(item, `errors[${i}]`);
    requiredString(entry, "code", `errors[${i}].`);
    return { ...entry, assetId: idValue(entry.assetId, `errors[${i}].assetId`) };
  });
  return fields;
}

/** A count as a number, from a number or a digit string (proto3 JSON's int64). */
function count(value: unknown, where: string): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === "string" && /^[0-9]{1,15}$/.test(value)) return Number(value);
  fail(`${where} is ${kindOf(value)}, not a count`);
}

function quotaList(value: unknown): Fields {
  const fields = { ...object(value, "the body") };
  optional(fields, "nextPageToken", "string", "");
  fields.assetQuotas = listOf(fields, "assetQuotas").map((item, i) => {
    const where = `assetQuotas[${i}].`;
    const quota = { ...object(item, `assetQuotas[${i}]`) };
    for (const name of ["assetType", "quotaType", "period", "usageResetTime"])
      requiredString(quota, name, where);
    quota.usage = count(quota.usage, `${where}usage`);
    quota.capacity = count(quota.capacity, `${where}capacity`);
    return quota;
  });
  return fields;
}

/** What each operation answers with, by the name used in messages, and its check. */
const SHAPES: Record<OperationId, { name: string; check: (value: unknown) => Fields }> = {
  Assets_CreateAsset: { name: "an Operation", check: operation },
  Assets_UpdateAsset: { name: "an Operation", check: operation },
  Assets_GetOperation: { name: "an Operation", check: operation },
  Assets_GetAsset: { name: "an Asset", check: asset },
  Assets_ArchiveAsset: { name: "an Asset", check: asset },
  Assets_RestoreAsset: { name: "an Asset", check: asset },
  Assets_GetAssetVersion: { name: "an AssetVersion", check: (value) => assetVersion(value) },
  Assets_RollbackAssetVersion: { name: "an AssetVersion", check: (value) => assetVersion(value) },
  Assets_ListAssetVersions: { name: "a ListAssetVersionsResponse", check: assetVersionList },
  AssetPermissions_GrantAssetPermissions: { name: "a BatchGrantPermissionsResponse", check: grantResult },
  Cloud_ListAssetQuotas: { name: "a ListAssetQuotasResponse", check: quotaList },
};

/**
 * Checks a parsed 2xx body against what `operationId` answers with. The value it hands back is the body
 * with numeric ids turned into digit strings (and a missing empty list filled in); the input is not changed.
 */
export function validateResponse(operationId: string, body: unknown): ResponseCheck {
  const shape = SHAPES[operationId as OperationId] as (typeof SHAPES)[OperationId] | undefined;
  if (!shape) return { ok: true, value: body };
  try {
    return { ok: true, value: shape.check(body) };
  } catch (error) {
    if (!(error instanceof ShapeProblem)) throw error;
    return { ok: false, problem: `a body that is not ${shape.name} (${error.message})` };
  }
}
