// An asset's versions: listing them (a page, or every page), reading one, rolling back to one.
import { type AssetVersion, limits } from "@rbxassets/core";
import type { ServiceContext } from "./context.js";
import { ServiceError } from "./errors.js";
import { assetIdOrThrow, versionOrThrow } from "./ids.js";

export interface ListVersionsOptions {
  /** Every version, following page tokens. */
  all?: boolean;
  /** 1 to the spec's largest page; the service's default page is `limits.defaultPageSize`. */
  pageSize?: number;
  pageToken?: string;
}

/** One page of versions (newest first), or all of them with `all`. */
export async function listVersions(
  ctx: ServiceContext,
  assetId: string,
  opts: ListVersionsOptions = {},
): Promise<{ versions: AssetVersion[]; nextPageToken?: string }> {
  const id = assetIdOrThrow(assetId);
  if (
    opts.pageSize !== undefined &&
    !(Number.isInteger(opts.pageSize) && opts.pageSize >= 1 && opts.pageSize <= limits.maxPageSize)
  ) {
    throw new ServiceError(
      `page size must be a whole number from 1 to ${limits.maxPageSize}, got ${opts.pageSize}`,
    );
  }
  const client = ctx.client();
  if (opts.all) {
    const versions: AssetVersion[] = [];
    const maxPageSize = opts.pageSize ?? limits.maxPageSize;
    for await (const version of client.iterateAssetVersions(id, { maxPageSize })) versions.push(version);
    return { versions };
  }
  const page = await client.listAssetVersions(id, {
    ...(opts.pageSize !== undefined ? { maxPageSize: opts.pageSize } : {}),
    ...(opts.pageToken !== undefined ? { pageToken: opts.pageToken } : {}),
  });
  return {
    versions: page.assetVersions ?? [],
    ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
  };
}

export async function getVersion(
  ctx: ServiceContext,
  assetId: string,
  version: number | string,
): Promise<AssetVersion> {
  return ctx.client().getAssetVersion(assetIdOrThrow(assetId), versionOrThrow(version));
}

/** Makes version `version` current again, by committing it as a new version. */
export async function rollback(
  ctx: ServiceContext,
  assetId: string,
  version: number | string,
): Promise<AssetVersion> {
  return ctx.client().rollbackAssetVersion(assetIdOrThrow(assetId), versionOrThrow(version));
}
