// Generated from openapi/cloud-v2-asset-quotas.json by packages/spec/scripts/generate.mjs. Do not edit.
export interface paths {
    "/cloud/v2/users/{userId}/asset-quotas": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user id. */
                userId: string;
            };
            cookie?: never;
        };
        /**
         * List asset quotas
         * @description Lists the user's asset quotas, filtered by quota type and asset type. The filter spells values in PascalCase (`quotaType == RateLimitUpload && assetType == Audio`) while answers spell them in SCREAMING_CASE (`RATE_LIMIT_UPLOAD`, `AUDIO`); `x-rbxassets-filter-values` maps one to the other.
         */
        get: operations["Cloud_ListAssetQuotas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description `RATE_LIMIT_UPLOAD`: how often one may upload an asset. `RATE_LIMIT_CREATOR_STORE_DISTRIBUTE`: how often one may distribute an asset on the Creator Store.
         * @enum {string}
         */
        QuotaType: "RATE_LIMIT_UPLOAD" | "RATE_LIMIT_CREATOR_STORE_DISTRIBUTE";
        /**
         * @description The asset type of a quota, in SCREAMING_CASE (the filter spells it in PascalCase).
         * @enum {string}
         */
        QuotaAssetType: "IMAGE" | "TSHIRT" | "AUDIO" | "MESH" | "LUA" | "HAT" | "PLACE" | "MODEL" | "SHIRT" | "PANTS" | "DECAL" | "HEAD" | "FACE" | "GEAR" | "ANIMATION" | "TORSO" | "RIGHT_ARM" | "LEFT_ARM" | "LEFT_LEG" | "RIGHT_LEG" | "YOUTUBE_VIDEO" | "APP" | "CODE" | "PLUGIN" | "SOLID_MODEL" | "MESH_PART" | "HAIR_ACCESSORY" | "FACE_ACCESSORY" | "NECK_ACCESSORY" | "SHOULDER_ACCESSORY" | "FRONT_ACCESSORY" | "BACK_ACCESSORY" | "WAIST_ACCESSORY" | "CLIMB_ANIMATION" | "DEATH_ANIMATION" | "FALL_ANIMATION" | "IDLE_ANIMATION" | "JUMP_ANIMATION" | "RUN_ANIMATION" | "SWIM_ANIMATION" | "WALK_ANIMATION" | "POSE_ANIMATION" | "LOCALIZATION_TABLE_MANIFEST" | "LOCALIZATION_TABLE_TRANSLATION" | "EMOTE_ANIMATION" | "VIDEO" | "TEXTURE_PACK" | "TSHIRT_ACCESSORY" | "SHIRT_ACCESSORY" | "PANTS_ACCESSORY" | "JACKET_ACCESSORY" | "SWEATER_ACCESSORY" | "SHORTS_ACCESSORY" | "LEFT_SHOE_ACCESSORY" | "RIGHT_SHOE_ACCESSORY" | "DRESS_SKIRT_ACCESSORY" | "FONT_FAMILY" | "FONT_FACE" | "MESH_HIDDEN_SURFACE_REMOVAL" | "EYEBROW_ACCESSORY" | "EYELASH_ACCESSORY" | "MOOD_ANIMATION" | "DYNAMIC_HEAD" | "CODE_SNIPPET" | "ADS_VIDEO";
        /**
         * @description The period after which usage resets.
         * @enum {string}
         */
        QuotaPeriod: "MONTH" | "DAY";
        /** @description An int64 count. Roblox's spec types it as an integer; proto3 JSON sends int64 as a digit string; accept both. */
        Int64Count: number | string;
        /** @description A quota for an asset-related action: e.g. 100 audio uploads a month, 15 used. `usageResetTime` is when a new period begins and usage resets to 0; it is not necessarily the first of a month or midnight. */
        AssetQuota: {
            /** @description `users/{user_id}/asset-quotas/{asset_quota_id}` */
            path: string;
            quotaType: components["schemas"]["QuotaType"];
            assetType: components["schemas"]["QuotaAssetType"];
            usage: components["schemas"]["Int64Count"];
            capacity: components["schemas"]["Int64Count"];
            period: components["schemas"]["QuotaPeriod"];
            /** Format: date-time */
            usageResetTime: string;
        };
        /** @description A page of quotas; proto-style answers omit an empty list. */
        ListAssetQuotasResponse: {
            assetQuotas?: components["schemas"]["AssetQuota"][];
            /** @description Send as `pageToken` for the next page; omitted on the last page. */
            nextPageToken?: string;
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
        /** @description Older Open Cloud error body. */
        LegacyError: {
            /** @description Symbolic error, e.g. `INVALID_ARGUMENT`. */
            error: string;
            message: string;
            errorDetails?: {
                [key: string]: unknown;
            }[];
        };
        /** @description A serialised protobuf message with its `@type`. */
        Any: {
            "@type"?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Any error body. Shapes vary by layer and are not tied to a status code: clients should surface `message` (or `errors[0].message`) from whichever shape arrives. */
        Error: components["schemas"]["GatewayError"] | components["schemas"]["ServiceError"] | components["schemas"]["LegacyError"];
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
export type QuotaType = components['schemas']['QuotaType'];
export type QuotaAssetType = components['schemas']['QuotaAssetType'];
export type QuotaPeriod = components['schemas']['QuotaPeriod'];
export type Int64Count = components['schemas']['Int64Count'];
export type AssetQuota = components['schemas']['AssetQuota'];
export type ListAssetQuotasResponse = components['schemas']['ListAssetQuotasResponse'];
export type GatewayError = components['schemas']['GatewayError'];
export type ServiceError = components['schemas']['ServiceError'];
export type LegacyError = components['schemas']['LegacyError'];
export type Any = components['schemas']['Any'];
export type Error = components['schemas']['Error'];
export type HeaderXRatelimitLimit = components['headers']['x-ratelimit-limit'];
export type HeaderXRatelimitRemaining = components['headers']['x-ratelimit-remaining'];
export type HeaderXRatelimitReset = components['headers']['x-ratelimit-reset'];
export type HeaderRetryAfter = components['headers']['retry-after'];
export type $defs = Record<string, never>;
export interface operations {
    Cloud_ListAssetQuotas: {
        parameters: {
            query?: {
                /** @description At most this many quotas (1 to 100; default 10; higher values are set to 100). */
                maxPageSize?: number;
                /** @description A token from a previous page; the other parameters must match that call. */
                pageToken?: string;
                /** @description A CEL subset: only `quotaType` and `assetType`, only `==` and `&&`. Values in PascalCase, e.g. `quotaType == RateLimitUpload && assetType == Audio`. */
                filter?: string;
            };
            header?: never;
            path: {
                /** @description The user id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of quotas. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAssetQuotasResponse"];
                };
            };
            /** @description Invalid filter, page size or token. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid API key / OAuth token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The key or token may not read this user's quotas (another user, or no `asset:read`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such user. */
            404: {
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
