// List, Get and Roll back asset versions.

import type { AssetVersion, ListAssetVersionsResponse } from "@rbxassets/spec";
import type { FastifyInstance } from "fastify";
import { type EmulatorContext, timestamp } from "../context.js";
import { invalidArgument, notFound } from "../errors.js";
import { renderVersion } from "../render.js";
import { defaultPageSize, maxPageSize } from "../spec-values.js";
import { isRecord, parsePathId } from "../validation.js";
import { findAsset, findOwnedAsset } from "./assets.js";
import { defineOperation, type Params, type Query } from "./define.js";

export function registerVersionRoutes(app: FastifyInstance, context: EmulatorContext): void {
  defineOperation(app, "Assets_ListAssetVersions", async (request): Promise<ListAssetVersionsResponse> => {
    const asset = findAsset(context, (request.params as Params).assetId);
    const query = request.query as Query;
    const size = parsePageSize(query.maxPageSize);
    const offset = query.pageToken ? decodePageToken(query.pageToken, asset.assetId) : 0;
    const newestFirst = [...asset.versions].reverse();
    if (offset > newestFirst.length) throw invalidArgument("Invalid pageToken.");
    const page: ListAssetVersionsResponse = {
      assetVersions: newestFirst.slice(offset, offset + size).map((version) => renderVersion(asset, version)),
    };
    // The last page carries no token at all.
    if (offset + size < newestFirst.length)
      page.nextPageToken = encodePageToken(asset.assetId, offset + size);
    return page;
  });

  defineOperation(app, "Assets_GetAssetVersion", async (request): Promise<AssetVersion> => {
    const params = request.params as Params;
    const asset = findAsset(context, params.assetId);
    const number = Number(parsePathId(params.versionNumber ?? "", "versionNumber"));
    const version = asset.versions.find((candidate) => candidate.number === number);
    if (!version) throw notFound(`Version ${number} of asset ${asset.assetId} not found.`);
    return renderVersion(asset, version);
  });

  defineOperation(app, "Assets_RollbackAssetVersion", async (request): Promise<AssetVersion> => {
    const asset = findOwnedAsset(context, request, (request.params as Params).assetId);
    const body = request.body;
    const path = isRecord(body) ? body.assetVersion : undefined;
    const match = typeof path === "string" ? /^assets\/([0-9]+)\/versions\/([0-9]+)$/.exec(path) : null;
    if (!match) {
      throw invalidArgument("assetVersion is required, as 'assets/{assetId}/versions/{versionNumber}'.");
    }
    if (parsePathId(match[1]!, "assetId") !== asset.assetId) {
      throw invalidArgument("assetVersion names a different asset than the path.");
    }
    const number = Number(match[2]);
    const source = asset.versions.find((candidate) => candidate.number === number);
    if (!source) throw notFound(`Version ${number} of asset ${asset.assetId} not found.`);
    // A rollback commits a copy of the old version as the newest one.
    const now = timestamp(context);
    const version = {
      ...structuredClone(source),
      number: (asset.versions.at(-1)?.number ?? 0) + 1,
      createTime: now,
    };
    asset.versions.push(version);
    asset.revisionId = version.number;
    asset.revisionCreateTime = now;
    context.store.save();
    return renderVersion(asset, version);
  });
}

function parsePageSize(raw: string | undefined): number {
  if (raw === undefined || raw === "") return defaultPageSize;
  const size = /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(size >= 1 && size <= maxPageSize)) {
    throw invalidArgument(`maxPageSize must be between 1 and ${maxPageSize}.`);
  }
  return size;
}

// Opaque to clients; it names the asset so a token cannot be replayed against another one.
function encodePageToken(assetId: string, offset: number): string {
  return Buffer.from(JSON.stringify({ a: assetId, o: offset })).toString("base64url");
}

function decodePageToken(token: string, assetId: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    if (
      isRecord(decoded) &&
      decoded.a === assetId &&
      Number.isSafeInteger(decoded.o) &&
      (decoded.o as number) > 0
    ) {
      return decoded.o as number;
    }
  } catch {
    // fall through to the 400 below
  }
  throw invalidArgument("Invalid pageToken.");
}
