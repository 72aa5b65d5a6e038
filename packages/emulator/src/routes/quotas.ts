// GET /cloud/v2/users/{userId}/asset-quotas: the user's upload quotas, filtered and paged. The filter
// spells values in PascalCase, answers in SCREAMING_CASE (`quotaFilterValues` maps one to the other).
import { quotaFilterValues } from "@rbxassets/spec";
import type { FastifyInstance } from "fastify";
import { callerOf, type EmulatorContext } from "../context.js";
import { invalidArgument, serviceError } from "../errors.js";
import type { QuotaBook } from "../quotas.js";
import { parsePathId } from "../validation.js";
import { defineOperation, type Params, type Query } from "./define.js";

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;
const upload = quotaFilterValues.quotaType.RateLimitUpload;

/** `quotaType == RateLimitUpload && assetType == Audio` -> the SCREAMING_CASE values it asks for. */
export function parseQuotaFilter(filter: string | undefined): { quotaType?: string; assetType?: string } {
  if (filter === undefined || filter.trim() === "") return {};
  const wanted: { quotaType?: string; assetType?: string } = {};
  for (const clause of filter.split("&&")) {
    const match = /^\s*(quotaType|assetType)\s*==\s*([A-Za-z]+)\s*$/.exec(clause);
    if (!match) throw invalidArgument(`Invalid filter clause '${clause.trim()}': expected 'field == Value'.`);
    const field = match[1] as "quotaType" | "assetType";
    const values = quotaFilterValues[field] as Record<string, string>;
    const value = values[match[2]!];
    if (!value) throw invalidArgument(`Invalid ${field} '${match[2]}' in filter (PascalCase, e.g. Audio).`);
    if (wanted[field] !== undefined) throw invalidArgument(`${field} appears twice in the filter.`);
    wanted[field] = value;
  }
  return wanted;
}

const screaming = (value: string) => value.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

export function registerQuotaRoutes(app: FastifyInstance, context: EmulatorContext, book: QuotaBook): void {
  defineOperation(app, "Cloud_ListAssetQuotas", async (request) => {
    const userId = parsePathId((request.params as Params).userId ?? "", "userId");
    const query = request.query as Query;
    const caller = callerOf(context, request).creator;
    if (caller !== `user:${userId}`) {
      throw serviceError(
        403,
        "PERMISSION_DENIED",
        `The caller (${caller}) may not read the quotas of user ${userId}.`,
      );
    }
    const wanted = parseQuotaFilter(query.filter);
    let size = DEFAULT_PAGE_SIZE;
    if (query.maxPageSize !== undefined) {
      size = Number(query.maxPageSize);
      if (!Number.isInteger(size) || size < 1)
        throw invalidArgument("maxPageSize must be a positive integer.");
      size = Math.min(size, MAX_PAGE_SIZE);
    }
    const start = query.pageToken === undefined ? 0 : pageStart(query.pageToken);
    const all = book
      .of(`user:${userId}`)
      .map((quota) => ({
        path: `users/${userId}/asset-quotas/rate-limit-upload-${quota.assetType.toLowerCase()}`,
        quotaType: upload,
        assetType: screaming(quota.assetType),
        usage: quota.usage,
        capacity: quota.capacity,
        period: quota.period,
        usageResetTime: new Date(quota.resetMs).toISOString(),
      }))
      .filter(
        (quota) =>
          (wanted.quotaType === undefined || quota.quotaType === wanted.quotaType) &&
          (wanted.assetType === undefined || quota.assetType === wanted.assetType),
      );
    const page = all.slice(start, start + size);
    const next =
      start + size < all.length ? Buffer.from(String(start + size)).toString("base64url") : undefined;
    // proto3 JSON: an empty list is omitted.
    return { ...(page.length ? { assetQuotas: page } : {}), ...(next ? { nextPageToken: next } : {}) };
  });
}

function pageStart(token: string): number {
  const start = Number(Buffer.from(token, "base64url").toString("utf8"));
  if (!Number.isInteger(start) || start < 0) throw invalidArgument("Invalid pageToken.");
  return start;
}
