// Generated from openapi/assets-v1.json by packages/spec/scripts/generate.mjs. Do not edit.
export interface paths {
    "/v1/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an asset
         * @description Uploads a file and creates an asset. Returns an Operation; poll Get Operation for the asset. Social links cannot be set here (use Update Asset).
         *
         *     Send the file as the `fileContent` part with its `Content-Type` set from the table below (also machine-readable at `x-rbxassets-content-types`). The `request` part is JSON (`Content-Type: application/json`).
         *
         *     | assetType | extension → content type |
         *     |---|---|
         *     | Image | `.png` → `image/png`, `.jpg` → `image/jpeg`, `.jpeg` → `image/jpeg`, `.bmp` → `image/bmp`, `.tga` → `image/tga` |
         *     | Decal | `.png` → `image/png`, `.jpg` → `image/jpeg`, `.jpeg` → `image/jpeg`, `.bmp` → `image/bmp`, `.tga` → `image/tga` |
         *     | Audio | `.mp3` → `audio/mpeg`, `.ogg` → `audio/ogg`, `.wav` → `audio/wav`, `.flac` → `audio/flac` |
         *     | Model | `.fbx` → `model/fbx`, `.gltf` → `model/gltf+json`, `.glb` → `model/gltf-binary`, `.rbxm` → `model/x-rbxm`, `.rbxmx` → `model/x-rbxm` |
         *     | Animation | `.rbxm` → `model/x-rbxm`, `.rbxmx` → `model/x-rbxm` |
         *     | Video | `.mp4` → `video/mp4`, `.mov` → `video/mov` |
         *     | Mesh | Roblox mesh data downloaded from the Asset Delivery API only → `model/x-file-mesh-data` |
         *
         *     Limits (`x-rbxassets-limits`): one file per call, at most 20 MB (20,000,000 bytes) per file and 30,000,000 bytes per request; images under 8000x8000 px; audio up to 7 minutes; video up to 5 minutes and 4096x2160, needs `creationContext.expectedPrice` (uploads cost a fee).
         */
        post: operations["Assets_CreateAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets/{assetId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        /**
         * Get an asset
         * @description Returns the asset's metadata. Name extra fields (description, icon, previews, social links) in `readMask`.
         */
        get: operations["Assets_GetAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an asset
         * @description Updates metadata (fields named in `updateMask`: displayName, description, icon, previews, social links, at most three links) and/or content. Only **Model** content can be updated (creates a new version); Image, Decal, Audio, Mesh and Video content cannot. Icons must be square Image assets; previews must be Image assets. Always multipart/form-data: `request` is required, `fileContent` optional. Returns an Operation.
         *
         *     Send the file as the `fileContent` part with its `Content-Type` set from the table below (also machine-readable at `x-rbxassets-content-types`). The `request` part is JSON (`Content-Type: application/json`).
         *
         *     | assetType | extension → content type |
         *     |---|---|
         *     | Image | `.png` → `image/png`, `.jpg` → `image/jpeg`, `.jpeg` → `image/jpeg`, `.bmp` → `image/bmp`, `.tga` → `image/tga` |
         *     | Decal | `.png` → `image/png`, `.jpg` → `image/jpeg`, `.jpeg` → `image/jpeg`, `.bmp` → `image/bmp`, `.tga` → `image/tga` |
         *     | Audio | `.mp3` → `audio/mpeg`, `.ogg` → `audio/ogg`, `.wav` → `audio/wav`, `.flac` → `audio/flac` |
         *     | Model | `.fbx` → `model/fbx`, `.gltf` → `model/gltf+json`, `.glb` → `model/gltf-binary`, `.rbxm` → `model/x-rbxm`, `.rbxmx` → `model/x-rbxm` |
         *     | Animation | `.rbxm` → `model/x-rbxm`, `.rbxmx` → `model/x-rbxm` |
         *     | Video | `.mp4` → `video/mp4`, `.mov` → `video/mov` |
         *     | Mesh | Roblox mesh data downloaded from the Asset Delivery API only → `model/x-file-mesh-data` |
         *
         *     Limits (`x-rbxassets-limits`): one file per call, at most 20 MB (20,000,000 bytes) per file and 30,000,000 bytes per request; images under 8000x8000 px; audio up to 7 minutes; video up to 5 minutes and 4096x2160, needs `creationContext.expectedPrice` (uploads cost a fee).
         */
        patch: operations["Assets_UpdateAsset"];
        trace?: never;
    };
    "/v1/assets/{assetId}:archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive an asset
         * @description Archives the asset: it disappears from the website and stops working in experiences until restored. No request body. Returns the asset with `state: "Archived"`.
         */
        post: operations["Assets_ArchiveAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets/{assetId}:restore": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore an archived asset
         * @description Restores an archived asset. No request body. Returns the asset with `state: "Active"`.
         */
        post: operations["Assets_RestoreAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets/{assetId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        /**
         * List asset versions
         * @description Lists the asset's versions, newest first, paginated with `maxPageSize` (1-50, default 8) and `pageToken`.
         */
        get: operations["Assets_ListAssetVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets/{assetId}/versions/{versionNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
                /**
                 * @description The version number (digits, from 1).
                 * @example 1
                 */
                versionNumber: components["parameters"]["VersionNumber"];
            };
            cookie?: never;
        };
        /**
         * Get an asset version
         * @description Returns one version of the asset.
         */
        get: operations["Assets_GetAssetVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assets/{assetId}/versions:rollback": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll back to a version
         * @description Makes a previous version current by committing it as a new version. JSON body `{"assetVersion": "assets/{assetId}/versions/{versionNumber}"}`. Returns the new AssetVersion.
         */
        post: operations["Assets_RollbackAssetVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/operations/{operationId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The operation id (a UUID, the part of `Operation.path` after `operations/`).
                 * @example 9d7a8c7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f
                 */
                operationId: components["parameters"]["OperationId"];
            };
            cookie?: never;
        };
        /**
         * Get an operation
         * @description Returns the status of a Create/Update Asset operation. Poll until `done` is true (a missing `done` means false); then read `response` (the Asset) or `error`. Operations usually finish within seconds; poll with backoff to avoid 429s.
         */
        get: operations["Assets_GetOperation"];
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
         * @description A 64-bit id serialised as a string of decimal digits (how the service sends every id).
         * @example 2205400862
         */
        Int64String: string;
        /**
         * @description A 64-bit id in a request: a string of digits (preferred, loses no precision) or a JSON integer. The service accepts both.
         * @example 11112938575
         * @example 11112938575
         */
        Int64Input: string | number;
        /**
         * @description Asset resource path, `assets/{assetId}`.
         * @example assets/2205400862
         */
        AssetPath: string;
        /**
         * @description Asset version resource path, `assets/{assetId}/versions/{versionNumber}`.
         * @example assets/2205400862/versions/1
         */
        AssetVersionPath: string;
        /**
         * @description Asset type as it appears in responses. Current responses use PascalCase; responses from 2023 used the `ASSET_TYPE_*` spelling. Clients must accept both (map `ASSET_TYPE_IMAGE` to `Image` and so on).
         * @enum {string}
         */
        AssetType: "Image" | "Decal" | "Audio" | "Model" | "Animation" | "Video" | "Mesh" | "ASSET_TYPE_IMAGE" | "ASSET_TYPE_DECAL" | "ASSET_TYPE_AUDIO" | "ASSET_TYPE_MODEL" | "ASSET_TYPE_ANIMATION" | "ASSET_TYPE_VIDEO" | "ASSET_TYPE_MESH";
        /**
         * @description Asset type to send in requests (PascalCase only). Use `Image` (not `Decal`) when you need an id for `ImageLabel.Image` / `rbxassetid://`.
         * @enum {string}
         */
        RequestAssetType: "Image" | "Decal" | "Audio" | "Model" | "Animation" | "Video" | "Mesh";
        /**
         * @description Whether the asset is active or archived.
         * @enum {string}
         */
        State: "Active" | "Archived";
        /**
         * @description Moderation state. Current responses use `Reviewing` | `Rejected` | `Approved`; 2023 responses used `MODERATION_STATE_*`. Accept both.
         * @enum {string}
         */
        ModerationState: "Reviewing" | "Rejected" | "Approved" | "MODERATION_STATE_REVIEWING" | "MODERATION_STATE_REJECTED" | "MODERATION_STATE_APPROVED";
        /** @description The moderation result of the asset or version. */
        ModerationResult: {
            moderationState?: components["schemas"]["ModerationState"];
        };
        /**
         * @description Privacy setting requested on creation; only applies to asset types that allow a privacy override.
         * @enum {string}
         */
        AssetPrivacy: "default" | "restricted" | "openUse";
        /** @description The owner of an asset, as returned: exactly one of `userId` or `groupId`, as digit strings. */
        Creator: {
            /** @description User id, when the asset is user-owned. */
            userId?: components["schemas"]["Int64String"];
            /** @description Group id, when the asset is group-owned. */
            groupId?: components["schemas"]["Int64String"];
        };
        /** @description The owner to create the asset for: exactly one of `userId` or `groupId`; ids as digit strings (preferred) or integers. */
        CreatorInput: components["schemas"]["UserCreatorInput"] | components["schemas"]["GroupCreatorInput"];
        /** User creator */
        UserCreatorInput: {
            /** @description Your user id (from `https://www.roblox.com/users/{userId}/profile`). */
            userId: components["schemas"]["Int64Input"];
        };
        /** Group creator */
        GroupCreatorInput: {
            /** @description The group id (from `https://www.roblox.com/groups/{groupId}/...`). */
            groupId: components["schemas"]["Int64Input"];
        };
        /** @description Highest upload fee, in Robux, you accept. If the real fee is higher the call fails with 400. Needed for fee-bearing uploads such as Video. */
        ExpectedPrice: number;
        /** @description Creation context as returned (creator ids are digit strings). `expectedPrice` and `assetPrivacy` are write-only and never returned. */
        CreationContext: {
            creator: components["schemas"]["Creator"];
            expectedPrice?: components["schemas"]["ExpectedPrice"];
            assetPrivacy?: components["schemas"]["AssetPrivacy"];
        };
        /** @description Creation context sent with Create Asset. */
        CreationContextInput: {
            creator: components["schemas"]["CreatorInput"];
            expectedPrice?: components["schemas"]["ExpectedPrice"];
            assetPrivacy?: components["schemas"]["AssetPrivacy"];
        };
        /** @description Creation context sent with Update Asset; mainly to pass `expectedPrice` for a new content version. */
        UpdateCreationContextInput: {
            creator?: components["schemas"]["CreatorInput"];
            expectedPrice?: components["schemas"]["ExpectedPrice"];
        };
        /** @description An asset preview: an Image asset path with alt text. */
        Preview: {
            /** @description The preview asset path (an **Image** asset). */
            asset: components["schemas"]["AssetPath"];
            /** @description Alt text for the preview asset. */
            altText?: string;
        };
        /** @description A social media link. At most three per asset. Cannot be set on Create; set them with Update Asset and `updateMask`. */
        SocialLink: {
            /** @description Optional title (not shown on the Creator Hub). */
            title?: string;
            /**
             * Format: uri
             * @description Link URI; must match the link kind, e.g. `https://twitch.tv/your-channel` for `twitchSocialLink`.
             */
            uri: string;
        };
        /** @description An asset, as returned by Get/Archive/Restore and inside a finished Operation. `description` is omitted when empty; `icon`, `previews` and social links appear only when set (Get Asset: when named in `readMask`). */
        Asset: {
            /**
             * @description Protobuf type URL; present when the asset is embedded in `Operation.response`.
             * @example type.googleapis.com/roblox.open_cloud.assets.v1.Asset
             */
            "@type"?: string;
            path: components["schemas"]["AssetPath"];
            /** @description The asset id, as a digit string. */
            assetId: components["schemas"]["Int64String"];
            /** @description Revision id (the version number) as a digit string, e.g. `"1"`. Every content change commits a new version. */
            revisionId: string;
            /**
             * Format: date-time
             * @description RFC 3339 timestamp of the current revision; 0 to 9 fractional-second digits.
             */
            revisionCreateTime: string;
            /** @description Display name of the asset. */
            displayName: string;
            /** @description Description; omitted when empty. */
            description?: string;
            assetType: components["schemas"]["AssetType"];
            creationContext: components["schemas"]["CreationContext"];
            moderationResult: components["schemas"]["ModerationResult"];
            state?: components["schemas"]["State"];
            /** @description Icon asset path (`assets/{id}`). */
            icon?: components["schemas"]["AssetPath"];
            /** @description Previews, each an Image asset path with alt text. */
            previews?: components["schemas"]["Preview"][];
            /** @description The facebook social link. */
            facebookSocialLink?: components["schemas"]["SocialLink"];
            /** @description The twitter social link. */
            twitterSocialLink?: components["schemas"]["SocialLink"];
            /** @description The youtube social link. */
            youtubeSocialLink?: components["schemas"]["SocialLink"];
            /** @description The twitch social link. */
            twitchSocialLink?: components["schemas"]["SocialLink"];
            /** @description The discord social link. */
            discordSocialLink?: components["schemas"]["SocialLink"];
            /** @description The github social link. */
            githubSocialLink?: components["schemas"]["SocialLink"];
            /** @description The roblox social link. */
            robloxSocialLink?: components["schemas"]["SocialLink"];
            /** @description The guilded social link. */
            guildedSocialLink?: components["schemas"]["SocialLink"];
            /** @description The devForum social link. */
            devForumSocialLink?: components["schemas"]["SocialLink"];
        };
        /** @description One version of an asset. */
        AssetVersion: {
            path: components["schemas"]["AssetVersionPath"];
            creationContext: components["schemas"]["CreationContext"];
            moderationResult: components["schemas"]["ModerationResult"];
            /** @description Places only: whether this version has been published. */
            published?: boolean;
        };
        /** @description A page of asset versions, newest first. */
        ListAssetVersionsResponse: {
            assetVersions: components["schemas"]["AssetVersion"][];
            /** @description Pass as `pageToken` to get the next page; absent or empty on the last page. */
            nextPageToken?: string;
        };
        /** @description Error of a failed Operation. The type of `code` is unconfirmed on the wire (number or string such as `INVALID_ARGUMENT`): accept both. */
        Status: {
            /** @description Error code, numeric (gRPC/HTTP) or symbolic. */
            code: number | string;
            /** @description Human-readable error message. */
            message: string;
            /** @description Error details. */
            details?: components["schemas"]["Any"][];
        };
        /** @description A serialised protobuf message with its `@type`. */
        Any: {
            "@type"?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description A long-running operation returned by Create/Update Asset; poll Get Operation until `done` is true. A missing `done` means false (older responses omitted it for the first seconds). When done, exactly one of `response` or `error` is set. Poll with backoff (start ~1 s); polling too fast causes 429s. */
        Operation: {
            /**
             * @description `operations/{operationId}`.
             * @example operations/9d7a8c7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f
             */
            path: string;
            /** @description The operation id. Older responses only carried `path`: derive it from the part after `operations/`. */
            operationId?: string;
            /** @description `true` once finished. Missing means `false`. */
            done?: boolean;
            /** @description The resulting asset, when the operation succeeded. */
            response?: components["schemas"]["Asset"];
            /** @description The error, when the operation failed. */
            error?: components["schemas"]["Status"];
            metadata?: components["schemas"]["Any"];
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
        /** @description Any error body. Shapes vary by layer and are not tied to a status code: clients should surface `message` (or `errors[0].message`) from whichever shape arrives. */
        Error: components["schemas"]["GatewayError"] | components["schemas"]["ServiceError"] | components["schemas"]["LegacyError"];
        /** @description The `request` part of Create Asset. Social links cannot be set on Create. */
        AssetCreateRequest: {
            assetType: components["schemas"]["RequestAssetType"];
            /** @description Display name (tools keep it to 50 characters). */
            displayName: string;
            /** @description Description, at most 1000 characters; may be empty. */
            description: string;
            creationContext: components["schemas"]["CreationContextInput"];
        };
        /** @description The `request` part of Update Asset. Only fields named in `updateMask` are changed; a field named in the mask but absent here is cleared. Sending `fileContent` (Models only) creates a new version. */
        AssetUpdateRequest: {
            /** @description The asset id (same as the path parameter). */
            assetId?: components["schemas"]["Int64Input"];
            assetType?: components["schemas"]["RequestAssetType"];
            displayName?: string;
            description?: string;
            /** @description Icon: a square **Image** asset path. */
            icon?: components["schemas"]["AssetPath"];
            /** @description Previews (Image assets). Replaces the whole list. */
            previews?: components["schemas"]["Preview"][];
            facebookSocialLink?: components["schemas"]["SocialLink"];
            twitterSocialLink?: components["schemas"]["SocialLink"];
            youtubeSocialLink?: components["schemas"]["SocialLink"];
            twitchSocialLink?: components["schemas"]["SocialLink"];
            discordSocialLink?: components["schemas"]["SocialLink"];
            githubSocialLink?: components["schemas"]["SocialLink"];
            robloxSocialLink?: components["schemas"]["SocialLink"];
            guildedSocialLink?: components["schemas"]["SocialLink"];
            devForumSocialLink?: components["schemas"]["SocialLink"];
            creationContext?: components["schemas"]["UpdateCreationContextInput"];
        };
        /** @description multipart/form-data body of Create Asset. */
        CreateAssetForm: {
            request: components["schemas"]["AssetCreateRequest"];
            /**
             * Format: binary
             * @description The file, with the part's Content-Type set per `x-rbxassets-content-types`.
             */
            fileContent: Blob;
        };
        /** @description multipart/form-data body of Update Asset. `fileContent` is optional (metadata-only updates omit it). */
        UpdateAssetForm: {
            request: components["schemas"]["AssetUpdateRequest"];
            /**
             * Format: binary
             * @description New content (Models only); creates a new version.
             */
            fileContent?: Blob;
        };
        RollbackAssetVersionRequest: {
            /** @description The version to roll back to, `assets/{assetId}/versions/{versionNumber}`. */
            assetVersion: components["schemas"]["AssetVersionPath"];
        };
    };
    responses: {
        /** @description Invalid argument: malformed request, mask or file, moderated name/description, or expected price too low. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Missing or invalid API key / OAuth token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The key or token lacks the permission or scope, or the caller cannot access the asset or creator. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The asset, version or operation does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Rate limit exceeded. Honour `retry-after` when present, else `x-ratelimit-reset`, else back off exponentially with jitter. */
        TooManyRequests: {
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
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Service temporarily unavailable. Retry with backoff. */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description The asset id (digits).
         * @example 2205400862
         */
        AssetId: string;
        /**
         * @description The version number (digits, from 1).
         * @example 1
         */
        VersionNumber: string;
        /**
         * @description The operation id (a UUID, the part of `Operation.path` after `operations/`).
         * @example 9d7a8c7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f
         */
        OperationId: string;
        /**
         * @description Comma-separated metadata fields to include: `displayName`, `description`, `icon`, `previews` and social-link fields (e.g. `twitchSocialLink`). URL-encode the comma (`%2C`).
         * @example description,displayName
         */
        ReadMask: string;
        /**
         * @description Comma-separated fields to update: `displayName`, `description`, `icon`, `previews` and social-link fields. A field named here but absent from `request` is cleared. URL-encode the comma (`%2C`).
         * @example description,displayName
         */
        UpdateMask: string;
        /** @description Versions per page, 1 to 50. Default 8. */
        MaxPageSize: number;
        /** @description `nextPageToken` from the previous page. */
        PageToken: string;
    };
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
export type Int64String = components['schemas']['Int64String'];
export type Int64Input = components['schemas']['Int64Input'];
export type AssetPath = components['schemas']['AssetPath'];
export type AssetVersionPath = components['schemas']['AssetVersionPath'];
export type AssetType = components['schemas']['AssetType'];
export type RequestAssetType = components['schemas']['RequestAssetType'];
export type State = components['schemas']['State'];
export type ModerationState = components['schemas']['ModerationState'];
export type ModerationResult = components['schemas']['ModerationResult'];
export type AssetPrivacy = components['schemas']['AssetPrivacy'];
export type Creator = components['schemas']['Creator'];
export type CreatorInput = components['schemas']['CreatorInput'];
export type UserCreatorInput = components['schemas']['UserCreatorInput'];
export type GroupCreatorInput = components['schemas']['GroupCreatorInput'];
export type ExpectedPrice = components['schemas']['ExpectedPrice'];
export type CreationContext = components['schemas']['CreationContext'];
export type CreationContextInput = components['schemas']['CreationContextInput'];
export type UpdateCreationContextInput = components['schemas']['UpdateCreationContextInput'];
export type Preview = components['schemas']['Preview'];
export type SocialLink = components['schemas']['SocialLink'];
export type Asset = components['schemas']['Asset'];
export type AssetVersion = components['schemas']['AssetVersion'];
export type ListAssetVersionsResponse = components['schemas']['ListAssetVersionsResponse'];
export type Status = components['schemas']['Status'];
export type Any = components['schemas']['Any'];
export type Operation = components['schemas']['Operation'];
export type GatewayError = components['schemas']['GatewayError'];
export type ServiceError = components['schemas']['ServiceError'];
export type LegacyError = components['schemas']['LegacyError'];
export type Error = components['schemas']['Error'];
export type AssetCreateRequest = components['schemas']['AssetCreateRequest'];
export type AssetUpdateRequest = components['schemas']['AssetUpdateRequest'];
export type CreateAssetForm = components['schemas']['CreateAssetForm'];
export type UpdateAssetForm = components['schemas']['UpdateAssetForm'];
export type RollbackAssetVersionRequest = components['schemas']['RollbackAssetVersionRequest'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseInternalServerError = components['responses']['InternalServerError'];
export type ResponseServiceUnavailable = components['responses']['ServiceUnavailable'];
export type ParameterAssetId = components['parameters']['AssetId'];
export type ParameterVersionNumber = components['parameters']['VersionNumber'];
export type ParameterOperationId = components['parameters']['OperationId'];
export type ParameterReadMask = components['parameters']['ReadMask'];
export type ParameterUpdateMask = components['parameters']['UpdateMask'];
export type ParameterMaxPageSize = components['parameters']['MaxPageSize'];
export type ParameterPageToken = components['parameters']['PageToken'];
export type HeaderXRatelimitLimit = components['headers']['x-ratelimit-limit'];
export type HeaderXRatelimitRemaining = components['headers']['x-ratelimit-remaining'];
export type HeaderXRatelimitReset = components['headers']['x-ratelimit-reset'];
export type HeaderRetryAfter = components['headers']['retry-after'];
export type $defs = Record<string, never>;
export interface operations {
    Assets_CreateAsset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["CreateAssetForm"];
            };
        };
        responses: {
            /** @description Accepted; the Operation tracks the upload. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Operation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    Assets_GetAsset: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated metadata fields to include: `displayName`, `description`, `icon`, `previews` and social-link fields (e.g. `twitchSocialLink`). URL-encode the comma (`%2C`).
                 * @example description,displayName
                 */
                readMask?: components["parameters"]["ReadMask"];
            };
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    Assets_UpdateAsset: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated fields to update: `displayName`, `description`, `icon`, `previews` and social-link fields. A field named here but absent from `request` is cleared. URL-encode the comma (`%2C`).
                 * @example description,displayName
                 */
                updateMask?: components["parameters"]["UpdateMask"];
            };
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UpdateAssetForm"];
            };
        };
        responses: {
            /** @description Accepted; the Operation tracks the update. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Operation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    Assets_ArchiveAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The archived asset. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    Assets_RestoreAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The restored asset. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Asset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    Assets_ListAssetVersions: {
        parameters: {
            query?: {
                /** @description Versions per page, 1 to 50. Default 8. */
                maxPageSize?: components["parameters"]["MaxPageSize"];
                /** @description `nextPageToken` from the previous page. */
                pageToken?: components["parameters"]["PageToken"];
            };
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of versions. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAssetVersionsResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    Assets_GetAssetVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
                /**
                 * @description The version number (digits, from 1).
                 * @example 1
                 */
                versionNumber: components["parameters"]["VersionNumber"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetVersion"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    Assets_RollbackAssetVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The asset id (digits).
                 * @example 2205400862
                 */
                assetId: components["parameters"]["AssetId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RollbackAssetVersionRequest"];
            };
        };
        responses: {
            /** @description The new current version. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssetVersion"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    Assets_GetOperation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The operation id (a UUID, the part of `Operation.path` after `operations/`).
                 * @example 9d7a8c7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f
                 */
                operationId: components["parameters"]["OperationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operation. */
            200: {
                headers: {
                    "x-ratelimit-limit": components["headers"]["x-ratelimit-limit"];
                    "x-ratelimit-remaining": components["headers"]["x-ratelimit-remaining"];
                    "x-ratelimit-reset": components["headers"]["x-ratelimit-reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Operation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
