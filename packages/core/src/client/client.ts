// The typed client: openapi-fetch for every call, with auth in middleware and retries + rate limiting in
// `send` (above openapi-fetch, so that every attempt rebuilds its request body).
import {
  type AssetPermissionsPaths,
  type AssetQuotasPaths,
  maskFields,
  type OperationId,
  operations,
  type paths,
} from "@rbxassets/spec";
import createClient, { type Client } from "openapi-fetch";
import { apiBaseFor } from "./api-base.js";
import { authMiddleware } from "./auth.js";
import { type AssetsClientOptions, MISSING_CREDENTIALS, resolveConfig } from "./config.js";
import { AssetsClientError } from "./errors.js";
import {
  buildMultipart,
  type FileInput,
  type FileResolver,
  formDataAsIs,
  type MultipartEncoder,
  type ResolvedFile,
  resolveFileInput,
  sendingFile,
} from "./files.js";
import { type GrantInput, type GrantResult, grantRequestBody } from "./grants.js";
import { assetIdArg, digitsId, operationIdArg, pageSizeArg, versionArg } from "./ids.js";
import { operationIdOf } from "./normalize.js";
import { paginate } from "./paging.js";
import { type AssetQuota, uploadQuotaFilter } from "./quotas.js";
import { RateLimiter } from "./rate-limiter.js";
import { responseReader } from "./response-body.js";
import { type AttemptIo, type AttemptResult, type SendContext, send } from "./retry.js";
import type {
  Asset,
  AssetCreateRequest,
  AssetUpdateRequest,
  AssetVersion,
  CreateAssetForm,
  ListAssetVersionsResponse,
  Operation,
  UpdateAssetForm,
} from "./types.js";
import { type WaitOptions, type WaitResult, waitForOperation } from "./wait.js";

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Cancels the call only while nothing of it was sent (waiting for a rate-limit permit): a graceful
   * stop, which must not lose the answer to a request already on its way.
   */
  stop?: AbortSignal;
  /**
   * Awaited once, after the rate-limit permit and just before the request is first sent: where a journal
   * records the intent of a write (a request that never left needs no "it may have arrived").
   */
  beforeSend?: () => Promise<void>;
}

export interface AssetsClient<F = FileInput> {
  /** Uploads a file as a new asset. Resolves to the Operation; see `waitForOperation`. Never resent after a 5xx. */
  createAsset(input: { request: AssetCreateRequest; file: F }, opts?: CallOptions): Promise<Operation>;
  getAsset(assetId: string, opts?: CallOptions & { readMask?: string[] }): Promise<Asset>;
  /**
   * Updates metadata (fields in `updateMask`; by default the maskable fields present in `request`) and/or the
   * content (Models only). Resolves to the Operation.
   */
  updateAsset(
    assetId: string,
    input: { request?: AssetUpdateRequest; updateMask?: string[]; file?: F },
    opts?: CallOptions,
  ): Promise<Operation>;
  archiveAsset(assetId: string, opts?: CallOptions): Promise<Asset>;
  restoreAsset(assetId: string, opts?: CallOptions): Promise<Asset>;
  listAssetVersions(
    assetId: string,
    opts?: CallOptions & { maxPageSize?: number; pageToken?: string },
  ): Promise<ListAssetVersionsResponse>;
  /** Every version, newest first, fetching pages as the iteration goes. */
  iterateAssetVersions(
    assetId: string,
    opts?: CallOptions & { maxPageSize?: number },
  ): AsyncIterableIterator<AssetVersion>;
  getAssetVersion(assetId: string, version: number | string, opts?: CallOptions): Promise<AssetVersion>;
  rollbackAssetVersion(assetId: string, version: number | string, opts?: CallOptions): Promise<AssetVersion>;
  getOperation(operationId: string, opts?: CallOptions): Promise<Operation>;
  /**
   * Grants an experience (universe) `Use` of assets (asset-permissions API, key scope
   * `asset-permissions:write`). A per-asset refusal is in `errors`, not thrown; a refusal of the whole
   * request (unknown universe, missing scope) throws AssetsApiError.
   */
  grantAssetPermissions(input: GrantInput, opts?: CallOptions): Promise<GrantResult>;
  /** One page of a user's upload quotas (Open Cloud v2); `assetType` as the filter spells it (`Audio`). */
  listAssetQuotas(
    userId: string | number,
    opts?: CallOptions & { assetType?: string; maxPageSize?: number; pageToken?: string },
  ): Promise<{ assetQuotas: AssetQuota[]; nextPageToken?: string }>;
  /** Every upload quota of a user (all pages), or those of the given asset types. Users only. */
  getAssetQuotas(
    userId: string | number,
    opts?: CallOptions & { assetTypes?: readonly string[] },
  ): Promise<AssetQuota[]>;
  /** Polls until the operation is done; resolves (never rejects) on success, failure, timeout and abort. */
  waitForOperation(op: Operation | string, opts?: WaitOptions): Promise<WaitResult>;
  readonly baseUrl: string;
  /** The underlying openapi-fetch client (auth included; no retries, rate limiting or response checks). */
  readonly raw: Client<paths>;
}

const GRANT = "AssetPermissions_GrantAssetPermissions";

/** The most quotas a page may hold (the asset-quotas API's own maximum). */
const QUOTA_MAX_PAGE_SIZE = 100;

/** Fields Update Asset takes through `updateMask`. */
const MASKABLE_FIELDS = new Set<string>(maskFields.update);

/**
 * The fetch options of a multipart call: a fresh body each time (one per attempt), framed by `encode`. The
 * typed form object is what the spec describes; on the wire it is the encoded body, passed through untouched.
 */
function multipart<T extends CreateAssetForm | UpdateAssetForm>(
  encode: MultipartEncoder,
  request: unknown,
  file: ResolvedFile | undefined,
): { body: T; headers: Record<string, string>; bodySerializer: (body: T) => unknown } {
  const { body, headers = {} } = encode(buildMultipart(request, file));
  return { body: body as unknown as T, headers, bodySerializer: (encoded) => encoded };
}

export function createAssetsClient(options?: AssetsClientOptions): AssetsClient {
  return createAssetsClientWith(options, resolveFileInput);
}

/**
 * The client with a custom file resolver and multipart framing (the node client adds `{ path }` inputs and
 * bodies of declared length this way).
 */
export function createAssetsClientWith<F>(
  options: AssetsClientOptions | undefined,
  resolveFile: FileResolver<F>,
  encodeMultipart: MultipartEncoder = formDataAsIs,
): AssetsClient<F> {
  const config = resolveConfig(options);
  const secrets = new Set<string>();
  if (config.credentials?.kind === "apiKey") secrets.add(config.credentials.apiKey);
  if (config.credentials?.kind === "oauth2" && typeof config.credentials.token === "string") {
    secrets.add(config.credentials.token);
  }
  const transport = { baseUrl: config.baseUrl, fetch: (request: Request) => config.fetch(request) };
  const auth = authMiddleware(config, secrets);
  // `raw` is handed out as plain openapi-fetch; the methods use their own instance, which also reads every
  // answer defensively (size cap, JSON in a try, shape check) before openapi-fetch sees it.
  const raw = createClient<paths>(transport);
  raw.use(auth);
  const reader = responseReader(() => [...secrets]);
  const api = createClient<paths>(transport);
  api.use(auth, reader);
  // The other Open Cloud APIs, at their own bases derived from the Assets one.
  const baseFor = (operationId: OperationId) => apiBaseFor(config.baseUrl, operations[operationId].serverUrl);
  const permissionsApi = createClient<AssetPermissionsPaths>({
    ...transport,
    baseUrl: baseFor("AssetPermissions_GrantAssetPermissions"),
  });
  permissionsApi.use(auth, reader);
  const quotasApi = createClient<AssetQuotasPaths>({
    ...transport,
    baseUrl: baseFor("Cloud_ListAssetQuotas"),
  });
  quotasApi.use(auth, reader);

  const limitKind = config.credentials?.kind === "oauth2" ? "oauth2" : "apiKey";
  const ctx: SendContext = {
    retry: config.retry,
    fetch: transport.fetch,
    timeoutMs: config.timeoutMs,
    onEvent: config.onEvent,
    secrets: () => [...secrets],
    limiter: config.rateLimit
      ? new RateLimiter({
          budgetFor: (id) => operations[id as OperationId]?.rateLimit[limitKind],
          onWait: (operationId, waitMs) => config.onEvent?.({ type: "rateLimited", operationId, waitMs }),
        })
      : undefined,
  };

  async function call<T>(
    operationId: OperationId,
    opts: (CallOptions & { bodyBytes?: number | undefined }) | undefined,
    attempt: (io: AttemptIo) => Promise<AttemptResult<T>>,
  ): Promise<T> {
    if (!config.credentials) throw new AssetsClientError(MISSING_CREDENTIALS);
    // Reads, and grants (granting twice grants once), may be resent after a 5xx; writes that create may not.
    const idempotent = operations[operationId].method === "GET" || operationId === GRANT;
    const { signal, stop, beforeSend, bodyBytes } = opts ?? {};
    const { data } = await send(
      ctx,
      { operationId, idempotent, signal, stop, beforeSend, bodyBytes },
      attempt,
    );
    return data;
  }

  /** Archive and Restore differ only in the verb that ends the path: `:archive`, `:restore`. */
  const setArchived = async (verb: "archive" | "restore", assetId: string, opts?: CallOptions) => {
    const id = assetIdArg(assetId);
    const operation = verb === "archive" ? "Assets_ArchiveAsset" : "Assets_RestoreAsset";
    return call(operation, opts, (io) =>
      api.POST(`/v1/assets/{assetId}:${verb}`, { params: { path: { assetId: id } }, ...io }),
    );
  };

  const client: AssetsClient<F> = {
    baseUrl: config.baseUrl,
    raw,

    async createAsset(input, opts) {
      if (!input?.request) throw new AssetsClientError("createAsset needs a request");
      if (input.file === undefined || input.file === null)
        throw new AssetsClientError("createAsset needs a file");
      const file = await resolveFile(input.file, input.request.assetType);
      return call("Assets_CreateAsset", { ...opts, bodyBytes: file.blob.size }, (io) =>
        sendingFile(file, () =>
          api.POST("/v1/assets", {
            ...multipart<CreateAssetForm>(encodeMultipart, input.request, file),
            ...io,
          }),
        ),
      );
    },

    async getAsset(assetId, opts) {
      const id = assetIdArg(assetId);
      const readMask = opts?.readMask?.length ? opts.readMask.join(",") : undefined;
      return call("Assets_GetAsset", opts, (io) =>
        api.GET("/v1/assets/{assetId}", {
          params: { path: { assetId: id }, ...(readMask ? { query: { readMask } } : {}) },
          ...io,
        }),
      );
    },

    async updateAsset(assetId, input, opts) {
      const id = assetIdArg(assetId);
      if (!input?.request && (input?.file === undefined || input.file === null)) {
        throw new AssetsClientError("updateAsset needs a request, a file, or both");
      }
      const request: AssetUpdateRequest = { ...input.request, assetId: id };
      const mask =
        input.updateMask ?? Object.keys(input.request ?? {}).filter((key) => MASKABLE_FIELDS.has(key));
      const file =
        input.file === undefined || input.file === null
          ? undefined
          : await resolveFile(input.file, request.assetType);
      return call("Assets_UpdateAsset", { ...opts, bodyBytes: file?.blob.size }, (io) =>
        sendingFile(file, () =>
          api.PATCH("/v1/assets/{assetId}", {
            params: {
              path: { assetId: id },
              ...(mask.length ? { query: { updateMask: mask.join(",") } } : {}),
            },
            ...multipart<UpdateAssetForm>(encodeMultipart, request, file),
            ...io,
          }),
        ),
      );
    },

    archiveAsset: (assetId, opts) => setArchived("archive", assetId, opts),
    restoreAsset: (assetId, opts) => setArchived("restore", assetId, opts),

    async listAssetVersions(assetId, opts) {
      const id = assetIdArg(assetId);
      const maxPageSize = pageSizeArg(opts?.maxPageSize);
      const query = {
        ...(maxPageSize !== undefined ? { maxPageSize } : {}),
        ...(opts?.pageToken ? { pageToken: opts.pageToken } : {}),
      };
      const page = await call("Assets_ListAssetVersions", opts, (io) =>
        api.GET("/v1/assets/{assetId}/versions", { params: { path: { assetId: id }, query }, ...io }),
      );
      // The shape check (validate-response.ts) already turns proto3's `{}` into an empty list.
      return { ...page, assetVersions: page.assetVersions ?? [] };
    },

    iterateAssetVersions(assetId, opts) {
      return paginate(async (pageToken) => {
        const page = await client.listAssetVersions(assetId, {
          ...opts,
          ...(pageToken !== undefined ? { pageToken } : {}),
        });
        return { items: page.assetVersions, nextPageToken: page.nextPageToken };
      });
    },

    async getAssetVersion(assetId, version, opts) {
      const id = assetIdArg(assetId);
      const versionNumber = versionArg(version);
      return call("Assets_GetAssetVersion", opts, (io) =>
        api.GET("/v1/assets/{assetId}/versions/{versionNumber}", {
          params: { path: { assetId: id, versionNumber } },
          ...io,
        }),
      );
    },

    async rollbackAssetVersion(assetId, version, opts) {
      const id = assetIdArg(assetId);
      const versionNumber = versionArg(version);
      return call("Assets_RollbackAssetVersion", opts, (io) =>
        api.POST("/v1/assets/{assetId}/versions:rollback", {
          params: { path: { assetId: id } },
          body: { assetVersion: `assets/${id}/versions/${versionNumber}` },
          ...io,
        }),
      );
    },

    async getOperation(operationId, opts) {
      const id = operationIdArg(operationId);
      return call("Assets_GetOperation", opts, (io) =>
        api.GET("/v1/operations/{operationId}", { params: { path: { operationId: id } }, ...io }),
      );
    },

    async grantAssetPermissions(input, opts) {
      const body = grantRequestBody(input);
      const result = await call(GRANT, opts, (io) =>
        permissionsApi.PATCH("/asset-permissions-api/v1/assets/permissions", { body, ...io }),
      );
      return result as unknown as GrantResult;
    },

    async listAssetQuotas(userId, opts) {
      const id = digitsId("userId", userId);
      const maxPageSize = pageSizeArg(opts?.maxPageSize, QUOTA_MAX_PAGE_SIZE);
      const query = {
        filter: uploadQuotaFilter(opts?.assetType),
        ...(maxPageSize !== undefined ? { maxPageSize } : {}),
        ...(opts?.pageToken ? { pageToken: opts.pageToken } : {}),
      };
      const page = await call("Cloud_ListAssetQuotas", opts, (io) =>
        quotasApi.GET("/cloud/v2/users/{userId}/asset-quotas", {
          params: { path: { userId: id }, query },
          ...io,
        }),
      );
      // The shape check made the counts numbers and filled in a missing list.
      return page as unknown as { assetQuotas: AssetQuota[]; nextPageToken?: string };
    },

    async getAssetQuotas(userId, opts) {
      const types = opts?.assetTypes?.length ? opts.assetTypes : [undefined];
      const quotas: AssetQuota[] = [];
      for (const assetType of types) {
        let pageToken: string | undefined;
        do {
          const page = await client.listAssetQuotas(userId, {
            ...(opts?.signal ? { signal: opts.signal } : {}),
            ...(opts?.stop ? { stop: opts.stop } : {}),
            ...(assetType ? { assetType } : {}),
            maxPageSize: QUOTA_MAX_PAGE_SIZE,
            ...(pageToken ? { pageToken } : {}),
          });
          quotas.push(...page.assetQuotas);
          pageToken = page.nextPageToken;
        } while (pageToken);
      }
      return quotas;
    },

    async waitForOperation(op, opts) {
      const start = typeof op === "string" ? undefined : op;
      const id = operationIdArg(typeof op === "string" ? op : operationIdOf(op));
      if (!config.credentials && start?.done !== true) throw new AssetsClientError(MISSING_CREDENTIALS);
      return waitForOperation((signal) => client.getOperation(id, { signal }), start, opts);
    },
  };
  return client;
}
