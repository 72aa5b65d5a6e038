// Generated from openapi/asset-permissions-v1.json by packages/spec/scripts/generate.mjs. Do not edit.
export interface paths {
    "/asset-permissions-api/v1/assets/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Grant a subject a permission on several assets
         * @description Grants `action` to the subject for each asset of `requests`. The caller must be able to manage each asset and the subject. The answer lists the assets granted and, per asset, why one was not: a per-asset refusal is a 200 with an entry in `errors`, not a 4xx. Grants to an experience are permanent. Valid for `subjectType: Universe` with `action: Use` on Animation, Audio, Decal, Image, Mesh, MeshPart, Model and Video assets.
         */
        patch: operations["AssetPermissions_GrantAssetPermissions"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A 64-bit id in a request: a string of digits (preferred, loses no precision) or a JSON integer. The service accepts both.
         * @example 11112938575
         * @example 11112938575
         */
        Int64Input: string | number;
        /** @description A 64-bit id in an answer. Roblox's spec types these as JSON integers while every other Open Cloud answer sends digit strings; accept both (a JavaScript number loses precision above 2^53). */
        Int64Output: number | string;
        /**
         * @description Who receives the permission. `Universe` is an experience (its universe id, not a place id).
         * @enum {string}
         */
        PermissionSubjectType: "User" | "Group" | "GroupRoleset" | "All" | "Universe";
        /**
         * @description The permission granted. Valid combinations: Use for a Universe, Group or User on Animation, Audio, Decal, Image, Mesh, MeshPart, Model and Video; Use for All on Decal, Image and Mesh; Edit for a User on Model; Download for All on Place; CopyFromRcc / UpdateFromRcc for a Universe on Place.
         * @enum {string}
         */
        AssetPermissionAction: "Edit" | "Use" | "Download" | "CopyFromRcc" | "UpdateFromRcc";
        /** @description One asset to grant, with options for its dependencies. */
        AssetGrantRequest: {
            assetId: components["schemas"]["Int64Input"];
            /** @description Also grant the asset's dependencies (done asynchronously after the main grant). */
            grantToDependencies?: boolean;
            /** @description The version of `assetId` whose dependencies are granted. */
            parentVersionNumber?: number;
        };
        /** @description Grant one permission to one subject on several assets. */
        BatchGrantPermissionsRequest: {
            subjectType: components["schemas"]["PermissionSubjectType"];
            /** @description The subject's id as a digit string (a universe id for `Universe`); empty for `All`. */
            subjectId: string;
            action: components["schemas"]["AssetPermissionAction"];
            /** @description The assets to grant. */
            requests: components["schemas"]["AssetGrantRequest"][];
            /**
             * @deprecated
             * @description Deprecated: use `requests`. Ignored when `requests` is present.
             */
            assetIds?: components["schemas"]["Int64Input"][];
        };
        /**
         * @description Why one asset (or the request) was not granted.
         *
         *     * `AssetNotFound`: no such asset.
         *     * `CannotManageAsset`: the caller may not manage the asset (it belongs to someone else).
         *     * `PublicAssetCannotBeGrantedTo`: the asset is public (open use) already.
         *     * `CannotManageSubject`: the caller may not grant to this subject.
         *     * `SubjectNotFound`: no such subject (an unknown universe id).
         *     * `AssetTypeNotEnabled`: the action is not valid for this asset type and subject type.
         *     * `PermissionLimitReached`: the asset has the most grants it may have.
         *     * `DependenciesLimitReached`: too many dependencies to grant.
         *     * `InvalidRequest`, `UnknownError`: the request as a whole.
         * @enum {string}
         */
        GrantErrorCode: "UnknownError" | "InvalidRequest" | "AssetNotFound" | "CannotManageAsset" | "PublicAssetCannotBeGrantedTo" | "CannotManageSubject" | "SubjectNotFound" | "AssetTypeNotEnabled" | "PermissionLimitReached" | "DependenciesLimitReached";
        /** @description Why one asset was not granted. */
        GrantPermissionError: {
            assetId: components["schemas"]["Int64Output"];
            code: components["schemas"]["GrantErrorCode"];
        };
        /** @description The assets granted, and the errors of those that were not. proto-style answers may omit an empty list. */
        BatchGrantPermissionsResponse: {
            successAssetIds?: components["schemas"]["Int64Output"][];
            errors?: components["schemas"]["GrantPermissionError"][];
        };
        /** @description Error body of the permissions service. */
        PermissionsServiceError: {
            error: {
                code: components["schemas"]["GrantErrorCode"];
                message?: string;
            };
        };
        /** @description Error body from the API gateway (authentication, authorisation, rate limiting). */
        GatewayError: {
            errors: {
                code?: number | string;
                message: string;
            }[];
        };
        /** @description Error body from the Assets service (Google-style status). */
        ServiceError: {
            /** @description Symbolic code, e.g. `INVALID_ARGUMENT`, `NOT_FOUND`, `PERMISSION_DENIED`. */
            code: string;
            message: string;
            details?: components["schemas"]["Any"][];
        };
        /** @description A serialised protobuf message with its `@type`. */
        Any: {
            "@type"?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Any error body. The permissions service answers `{"error":{"code","message"}}`; the gateway answers `{"errors":[{code,message}]}`; clients surface `message` from whichever arrives. */
        Error: components["schemas"]["GatewayError"] | components["schemas"]["PermissionsServiceError"] | components["schemas"]["ServiceError"];
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Requests allowed in the current window. */
        "x-ratelimit-limit": number;
        /** @description Requests left in the current window. */
        "x-ratelimit-remaining": number;
        /** @description Seconds until the current window resets. The live service sends whole seconds; accept fractions (servers with a scaled clock, such as the emulator, send them). */
        "x-ratelimit-reset": number;
        /** @description When present on 429, wait this long before retrying (seconds; RFC 9110 also allows an HTTP-date). Without it use `x-ratelimit-reset`, else exponential backoff with jitter. */
        "retry-after": number | string;
    };
    pathItems: never;
}
export type Int64Input = components['schemas']['Int64Input'];
export type Int64Output = components['schemas']['Int64Output'];
export type PermissionSubjectType = components['schemas']['PermissionSubjectType'];
export type AssetPermissionAction = components['schemas']['AssetPermissionAction'];
export type AssetGrantRequest = components['schemas']['AssetGrantRequest'];
export type BatchGrantPermissionsRequest = components['schemas']['BatchGrantPermissionsRequest'];
export type GrantErrorCode = components['schemas']['GrantErrorCode'];
export type GrantPermissionError = components['schemas']['GrantPermissionError'];
export type BatchGrantPermissionsResponse = components['schemas']['BatchGrantPermissionsResponse'];
export type PermissionsServiceError = components['schemas']['PermissionsServiceError'];
export type GatewayError = components['schemas']['GatewayError'];
export type ServiceError = components['schemas']['ServiceError'];
export type Any = components['schemas']['Any'];
export type Error = components['schemas']['Error'];
export type HeaderXRatelimitLimit = components['headers']['x-ratelimit-limit'];
export type HeaderXRatelimitRemaining = components['headers']['x-ratelimit-remaining'];
export type HeaderXRatelimitReset = components['headers']['x-ratelimit-reset'];
export type HeaderRetryAfter = components['headers']['retry-after'];
export type $defs = Record<string, never>;
export interface operations {
    AssetPermissions_GrantAssetPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchGrantPermissionsRequest"];
            };
        };
        responses: {
            /** @description Which assets were granted, and the error code of each that was not. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchGrantPermissionsResponse"];
                };
            };
            /** @description Malformed request (unknown subject type or action, no assets, bad ids). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid API key. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key lacks the `asset-permissions:write` scope, or the caller may not manage the subject at all. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limit exceeded. Honour `retry-after` when present, else `x-ratelimit-reset`, else back off exponentially with jitter. */
            429: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    "retry-after": components["headers"]["retry-after"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Internal or unknown server error. Safe to retry idempotent calls with backoff. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Service temporarily unavailable. Retry with backoff. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
