import { basename, extname, isAbsolute, relative, resolve, sep } from "node:path";
import {
  type Asset,
  type AssetUpdateRequest,
  type AssetVersion,
  assetUri,
  contentTypeFor,
  maskFields,
  normalizeModerationState,
  type Operation,
  operationIdOf,
  type WaitResult,
} from "@rbxassets/core";
import { type AssetType, detectFile, validateFile } from "@rbxassets/core/node";
import type { ServiceContext } from "./context.js";
import { AmbiguousAssetTypeError, ServiceError } from "./errors.js";

export type { Asset, AssetType, AssetVersion, Operation };

/** The asset types `upload` takes (the spec's request types that have file formats). */
export const UPLOAD_ASSET_TYPES = ["Image", "Decal", "Audio", "Model", "Animation", "Video"] as const;

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

/** Social link kinds, as `update --social kind=uri` takes them (`twitch` for `twitchSocialLink`). */
export const SOCIAL_LINK_KINDS = ASSET_FIELDS.filter((field) => field.endsWith("SocialLink")).map((field) =>
  field.slice(0, -"SocialLink".length),
);

const MAX_SOCIAL_LINKS = 3;

export interface UploadInput {
  /** Path, relative to the context root or absolute. */
  file: string;
  /** Default: the file's type when it has only one (an `.rbxm` could be a Model or an Animation). */
  assetType?: AssetType;
  /** Default: the file's base name without its extension. */
  displayName?: string;
  description?: string;
  /** Highest fee in Robux accepted; required for Video. */
  expectedPrice?: number;
  /** Wait for the operation to finish (and report the asset id and moderation). */
  wait?: boolean;
  signal?: AbortSignal;
  /** Told when local checks passed and the upload starts, and when waiting for the operation starts. */
  onStage?: (stage: "uploading" | "waiting") => void;
}

export interface UploadResult {
  /** The file, relative to the context root (posix separators), or absolute when outside it. */
  file: string;
  assetType: AssetType;
  operationId: string;
  done: boolean;
  /** `pending` unless waited for. */
  status: OperationStatus;
  assetId?: string;
  uri?: string;
  /** Moderation state of the new asset: Reviewing, Approved or Rejected. */
  moderation?: string;
  asset?: Asset;
  error?: { code: string | number; message: string };
}

/** What a file can be uploaded as: `assetType` when that is certain, and every candidate. */
export async function detectAssetType(
  ctx: ServiceContext,
  file: string,
): Promise<{ path: string; assetType?: AssetType; candidates: AssetType[] }> {
  const detected = await detectFile(resolve(ctx.root, file), { root: ctx.root });
  const candidates = detected.assetTypes.filter((type) => type !== "Decal");
  const only = candidates.length === 1 ? candidates[0] : undefined;
  return { path: detected.path, ...(only ? { assetType: only } : {}), candidates };
}

/**
 * Uploads one file as a new asset. Everything that can be checked locally (type, format, size, name,
 * creator) is checked before any request.
 */
export async function uploadFile(ctx: ServiceContext, input: UploadInput): Promise<UploadResult> {
  const path = resolve(ctx.root, input.file);
  const detected = await detectFile(path, { root: ctx.root });
  if (input.assetType !== undefined && !UPLOAD_ASSET_TYPES.includes(input.assetType as never)) {
    throw new ServiceError(
      `unknown asset type ${input.assetType}: use one of ${UPLOAD_ASSET_TYPES.join(", ")}`,
    );
  }
  const candidates = detected.assetTypes.filter((type) => type !== "Decal");
  const assetType = input.assetType ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (assetType === undefined) throw new AmbiguousAssetTypeError(input.file, candidates);
  const displayName = input.displayName ?? basename(path, extname(path));
  const description = input.description ?? "";
  await validateFile(
    detected,
    {
      displayName,
      description,
      assetType,
      ...(ctx.config.creator !== undefined ? { creator: ctx.config.creator } : {}),
      ...(input.expectedPrice !== undefined ? { expectedPrice: input.expectedPrice } : {}),
    },
    { root: ctx.root },
  );
  const client = ctx.client();
  const creator = ctx.config.creatorRef!;
  input.onStage?.("uploading");
  const operation = await client.createAsset(
    {
      request: {
        assetType,
        displayName,
        description,
        creationContext: {
          creator,
          ...(input.expectedPrice !== undefined ? { expectedPrice: input.expectedPrice } : {}),
        },
      },
      file: { path, contentType: contentTypeFor(assetType, path) ?? detected.contentType },
    },
    input.signal ? { signal: input.signal } : {},
  );
  const base = { file: projectPath(ctx.root, path), assetType, operationId: operationIdOf(operation) };
  if (input.wait && operation.done !== true) input.onStage?.("waiting");
  const finished = input.wait ? await settleOperation(ctx, operation, input.signal) : operation;
  return { ...base, ...describeOperation(finished) };
}

export interface UpdateInput {
  /** New content (Models only): commits a new version. */
  file?: string;
  displayName?: string;
  description?: string;
  /** Icon: an Image asset id (`123`, `rbxassetid://123` or `assets/123`). */
  icon?: string;
  /** Previews: Image asset ids, each optionally followed by `:alt text`. Replaces the whole list. */
  previews?: string[];
  /** Social links by kind (`twitch`, `github`, … or the full field name): at most three. */
  social?: Record<string, string>;
  expectedPrice?: number;
  wait?: boolean;
  signal?: AbortSignal;
}

export interface UpdateResult {
  operationId: string;
  done: boolean;
  status: OperationStatus;
  asset?: Asset;
  error?: { code: string | number; message: string };
}

/** Updates metadata and/or (Models only) content. Only the fields given are sent and named in the mask. */
export async function updateAsset(
  ctx: ServiceContext,
  assetId: string,
  input: UpdateInput,
): Promise<UpdateResult> {
  const id = assetIdOrThrow(assetId);
  const request: Record<string, unknown> = { assetId: id };
  const mask: string[] = [];
  const set = (field: string, value: unknown) => {
    request[field] = value;
    mask.push(field);
  };
  if (input.displayName !== undefined) set("displayName", input.displayName);
  if (input.description !== undefined) set("description", input.description);
  if (input.icon !== undefined) set("icon", `assets/${referencedAssetId("icon", input.icon)}`);
  if (input.previews !== undefined && input.previews.length > 0) {
    set("previews", input.previews.map(parsePreview));
  }
  const social = Object.entries(input.social ?? {});
  if (social.length > MAX_SOCIAL_LINKS) {
    throw new ServiceError(`at most ${MAX_SOCIAL_LINKS} social links can be set, got ${social.length}`);
  }
  for (const [kind, uri] of social) set(socialField(kind), { uri: parseUri(kind, uri) });

  let file: { path: string; contentType: string } | undefined;
  if (input.file !== undefined) {
    const detected = await detectFile(resolve(ctx.root, input.file), { root: ctx.root });
    if (!detected.assetTypes.includes("Model")) {
      throw new ServiceError(
        `${input.file}: only Model content can be updated — pass a model file (.fbx, .gltf, .glb, .rbxm, .rbxmx)`,
      );
    }
    file = {
      path: detected.path,
      contentType: contentTypeFor("Model", detected.path) ?? detected.contentType,
    };
    if (input.expectedPrice !== undefined) request.creationContext = { expectedPrice: input.expectedPrice };
  }
  if (mask.length === 0 && file === undefined) {
    throw new ServiceError(
      "nothing to update: give new content, a name, a description, an icon, previews or links",
    );
  }
  const operation = await ctx
    .client()
    .updateAsset(
      id,
      { request: request as AssetUpdateRequest, updateMask: mask, ...(file ? { file } : {}) },
      input.signal ? { signal: input.signal } : {},
    );
  const finished = input.wait ? await settleOperation(ctx, operation, input.signal) : operation;
  return { operationId: operationIdOf(operation), ...describeOperation(finished) };
}

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

export interface ListVersionsOptions {
  /** Every version, following page tokens. */
  all?: boolean;
  /** 1..50; the service's default is 8. */
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
    !(Number.isInteger(opts.pageSize) && opts.pageSize >= 1 && opts.pageSize <= 50)
  ) {
    throw new ServiceError(`page size must be a whole number from 1 to 50, got ${opts.pageSize}`);
  }
  const client = ctx.client();
  if (opts.all) {
    const versions: AssetVersion[] = [];
    for await (const version of client.iterateAssetVersions(id, { maxPageSize: opts.pageSize ?? 50 })) {
      versions.push(version);
    }
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

export type OperationStatus = "pending" | "succeeded" | "failed" | "timedOut" | "aborted";

export interface OperationReport {
  operationId: string;
  done: boolean;
  status: OperationStatus;
  asset?: Asset;
  error?: { code: string | number; message: string };
}

/** An operation's state; with `wait`, polls (with backoff) until it is done, times out or is aborted. */
export async function getOperation(
  ctx: ServiceContext,
  operationId: string,
  opts: { wait?: boolean; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<OperationReport> {
  const id = operationId.startsWith("operations/") ? operationId.slice("operations/".length) : operationId;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) {
    throw new ServiceError(`${JSON.stringify(operationId)} is not an operation id (a UUID)`);
  }
  const client = ctx.client();
  const operation = await client.getOperation(id, opts.signal ? { signal: opts.signal } : {});
  if (!opts.wait || operation.done === true) return { operationId: id, ...describeOperation(operation) };
  const result = await client.waitForOperation(operation, {
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
  });
  return { operationId: id, ...describeWait(result) };
}

async function settleOperation(
  ctx: ServiceContext,
  operation: Operation,
  signal: AbortSignal | undefined,
): Promise<WaitResult> {
  return ctx.client().waitForOperation(operation, signal ? { signal } : {});
}

function describeOperation(result: Operation | WaitResult): Omit<OperationReport, "operationId"> & {
  assetId?: string;
  uri?: string;
  moderation?: string;
} {
  if ("status" in result) return describeWait(result);
  if (result.done !== true) return { done: false, status: "pending" };
  if (result.error) {
    return {
      done: true,
      status: "failed",
      error: { code: result.error.code, message: result.error.message },
    };
  }
  return result.response
    ? { done: true, status: "succeeded", ...assetFacts(result.response) }
    : { done: true, status: "failed" };
}

function describeWait(result: WaitResult): Omit<OperationReport, "operationId"> & {
  assetId?: string;
  uri?: string;
  moderation?: string;
} {
  switch (result.status) {
    case "succeeded":
      return { done: true, status: "succeeded", ...assetFacts(result.asset) };
    case "failed":
      return { done: true, status: "failed", error: result.error };
    default:
      return { done: false, status: result.status };
  }
}

function assetFacts(asset: Asset): { asset: Asset; assetId: string; uri: string; moderation?: string } {
  const state = asset.moderationResult?.moderationState;
  return {
    asset,
    assetId: asset.assetId,
    uri: assetUri(asset),
    ...(state !== undefined ? { moderation: normalizeModerationState(state) } : {}),
  };
}

/** A digit-string asset id, checked before any request so that a typo costs no round trip. */
export function assetIdOrThrow(value: string): string {
  const id = value.trim();
  if (!/^[0-9]{1,20}$/.test(id))
    throw new ServiceError(`${JSON.stringify(value)} is not an asset id (digits only)`);
  return id;
}

function versionOrThrow(value: number | string): string {
  const text = String(value).trim();
  if (!/^[0-9]{1,20}$/.test(text) || /^0+$/.test(text)) {
    throw new ServiceError(`${JSON.stringify(String(value))} is not a version number (1 or more)`);
  }
  return text;
}

/** `123`, `rbxassetid://123` or `assets/123` to `123`. */
function referencedAssetId(what: string, value: string): string {
  const match = /^(?:rbxassetid:\/\/|assets\/)?([0-9]{1,20})$/.exec(value.trim());
  if (!match?.[1]) throw new ServiceError(`${what} ${JSON.stringify(value)} is not an asset id`);
  return match[1];
}

function parsePreview(value: string): { asset: string; altText?: string } {
  const colon = value.indexOf(":", value.startsWith("rbxassetid://") ? "rbxassetid://".length : 0);
  const ref = colon === -1 ? value : value.slice(0, colon);
  const altText = colon === -1 ? undefined : value.slice(colon + 1).trim();
  return { asset: `assets/${referencedAssetId("preview", ref)}`, ...(altText ? { altText } : {}) };
}

function socialField(kind: string): string {
  const short = kind.trim().replace(/SocialLink$/, "");
  const match = SOCIAL_LINK_KINDS.find((known) => known.toLowerCase() === short.toLowerCase());
  if (!match)
    throw new ServiceError(
      `unknown social link ${JSON.stringify(kind)}: use one of ${SOCIAL_LINK_KINDS.join(", ")}`,
    );
  return `${match}SocialLink`;
}

function parseUri(kind: string, value: string): string {
  try {
    const { protocol } = new URL(value);
    if (protocol === "https:" || protocol === "http:") return value;
  } catch {
    // reported below
  }
  throw new ServiceError(`${kind} link ${JSON.stringify(value)} is not an http(s) URL`);
}

/** `path` relative to `root` with posix separators, as the lockfile and sync reports show files. */
function projectPath(root: string, path: string): string {
  const rel = relative(root, path);
  if (rel.startsWith("..") || isAbsolute(rel)) return path;
  return sep === "/" ? rel : rel.split(sep).join("/");
}
