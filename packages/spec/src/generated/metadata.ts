// Generated from openapi/assets-v1.json by packages/spec/scripts/generate.mjs. Do not edit.

/** The spec's default server URL. */
export const defaultServerUrl = "https://apis.roblox.com/assets" as const;

/** Each operation's method, path, OAuth2 scopes and rate limits (from `x-roblox-rate-limits`). */
export const operations = {
  "Assets_CreateAsset": {
    "method": "POST",
    "path": "/v1/assets",
    "scopes": [
      "asset:write"
    ],
    "rateLimit": {
      "apiKey": {
        "max": 120,
        "windowSeconds": 60
      },
      "oauth2": {
        "max": 120,
        "windowSeconds": 60
      }
    }
  },
  "Assets_GetAsset": {
    "method": "GET",
    "path": "/v1/assets/{assetId}",
    "scopes": [
      "asset:read"
    ],
    "rateLimit": {
      "apiKey": {
        "max": 120,
        "windowSeconds": 60
      },
      "oauth2": {
        "max": 120,
        "windowSeconds": 60
      }
    }
  },
  "Assets_UpdateAsset": {
    "method": "PATCH",
    "path": "/v1/assets/{assetId}",
    "scopes": [
      "asset:write"
    ],
    "rateLimit": {
      "apiKey": {
        "max": 120,
        "windowSeconds": 60
      },
      "oauth2": {
        "max": 120,
        "windowSeconds": 60
      }
    }
  },
  "Assets_ArchiveAsset": {
    "method": "POST",
    "path": "/v1/assets/{assetId}:archive",
    "scopes": [
      "asset:write"
    ],
    "rateLimit": {
      "apiKey": {
        "max": 100,
        "windowSeconds": 60
      },
      "oauth2": {
        "max": 100,
        "windowSeconds": 60
      }
    }
  },
  "Assets_RestoreAsset": {
    "method": "POST",
    "path": "/v1/assets/{assetId}:restore",
    "scopes": [
      "asset:write"
    ],
    "rateLimit": {
      "apiKey": {
        "max": 100,
        "windowSeconds": 60
      },
      "oauth2": {
        "max": 100,
        "windowSeconds": 60
      }
    }
  },
  "Assets_ListAssetVersions": {
    "method": "GET",
    "path": "/v1/assets/{assetId}/versions",
    "scopes": [
      "asset:read"
    ],
    "rateLimit": {
      "apiKey": {
        "max": 100,
        "windowSeconds": 60
      },
      "oauth2": {
        "max": 100,
        "windowSeconds": 60
      }
    }
  },
  "Assets_GetAssetVersion": {
    "method": "GET",
    "path": "/v1/assets/{assetId}/versions/{versionNumber}",
    "scopes": [
      "asset:read"
    ],
    "rateLimit": {
      "apiKey": {
        "max": 100,
        "windowSeconds": 60
      },
      "oauth2": {
        "max": 100,
        "windowSeconds": 60
      }
    }
  },
  "Assets_RollbackAssetVersion": {
    "method": "POST",
    "path": "/v1/assets/{assetId}/versions:rollback",
    "scopes": [
      "asset:write"
    ],
    "rateLimit": {
      "apiKey": {
        "max": 100,
        "windowSeconds": 60
      },
      "oauth2": {
        "max": 100,
        "windowSeconds": 60
      }
    }
  },
  "Assets_GetOperation": {
    "method": "GET",
    "path": "/v1/operations/{operationId}",
    "scopes": [
      "asset:read"
    ],
    "rateLimit": {
      "apiKey": {
        "max": 300,
        "windowSeconds": 60
      },
      "oauth2": {
        "max": 300,
        "windowSeconds": 60
      }
    }
  }
} as const;

export type OperationId = keyof typeof operations;

/** Accepted file extensions and content types per asset type (from `x-rbxassets-content-types`). */
export const contentTypes = {
  "Image": [
    {
      "extension": "png",
      "contentType": "image/png"
    },
    {
      "extension": "jpg",
      "contentType": "image/jpeg"
    },
    {
      "extension": "jpeg",
      "contentType": "image/jpeg"
    },
    {
      "extension": "bmp",
      "contentType": "image/bmp"
    },
    {
      "extension": "tga",
      "contentType": "image/tga"
    }
  ],
  "Decal": [
    {
      "extension": "png",
      "contentType": "image/png"
    },
    {
      "extension": "jpg",
      "contentType": "image/jpeg"
    },
    {
      "extension": "jpeg",
      "contentType": "image/jpeg"
    },
    {
      "extension": "bmp",
      "contentType": "image/bmp"
    },
    {
      "extension": "tga",
      "contentType": "image/tga"
    }
  ],
  "Audio": [
    {
      "extension": "mp3",
      "contentType": "audio/mpeg"
    },
    {
      "extension": "ogg",
      "contentType": "audio/ogg"
    },
    {
      "extension": "wav",
      "contentType": "audio/wav"
    },
    {
      "extension": "flac",
      "contentType": "audio/flac"
    }
  ],
  "Model": [
    {
      "extension": "fbx",
      "contentType": "model/fbx"
    },
    {
      "extension": "gltf",
      "contentType": "model/gltf+json"
    },
    {
      "extension": "glb",
      "contentType": "model/gltf-binary"
    },
    {
      "extension": "rbxm",
      "contentType": "model/x-rbxm"
    },
    {
      "extension": "rbxmx",
      "contentType": "model/x-rbxm"
    }
  ],
  "Animation": [
    {
      "extension": "rbxm",
      "contentType": "model/x-rbxm"
    },
    {
      "extension": "rbxmx",
      "contentType": "model/x-rbxm"
    }
  ],
  "Video": [
    {
      "extension": "mp4",
      "contentType": "video/mp4"
    },
    {
      "extension": "mov",
      "contentType": "video/mov"
    }
  ]
} as const;

/** Service limits (from `x-rbxassets-limits`). */
export const limits = {
  "maxFileBytes": 20000000,
  "maxRequestBytes": 30000000,
  "maxDescriptionLength": 1000,
  "maxDisplayNameLength": 50,
  "maxImageDimension": 8000,
  "maxAudioSeconds": 420,
  "maxVideoSeconds": 300,
  "defaultPageSize": 8,
  "maxPageSize": 50,
  "maxSocialLinks": 3
} as const;

/** Fields that `updateMask` and `readMask` may name (from their `x-rbxassets-fields`). */
export const maskFields = {
  "update": [
    "displayName",
    "description",
    "icon",
    "previews",
    "facebookSocialLink",
    "twitterSocialLink",
    "youtubeSocialLink",
    "twitchSocialLink",
    "discordSocialLink",
    "githubSocialLink",
    "robloxSocialLink",
    "guildedSocialLink",
    "devForumSocialLink"
  ],
  "read": [
    "displayName",
    "description",
    "icon",
    "previews",
    "facebookSocialLink",
    "twitterSocialLink",
    "youtubeSocialLink",
    "twitchSocialLink",
    "discordSocialLink",
    "githubSocialLink",
    "robloxSocialLink",
    "guildedSocialLink",
    "devForumSocialLink"
  ]
} as const;

export type MaskField = (typeof maskFields.update)[number];

/** The values of each enum schema (from `components.schemas`). */
export const enums = {
  "AssetType": [
    "Image",
    "Decal",
    "Audio",
    "Model",
    "Animation",
    "Video",
    "Mesh",
    "ASSET_TYPE_IMAGE",
    "ASSET_TYPE_DECAL",
    "ASSET_TYPE_AUDIO",
    "ASSET_TYPE_MODEL",
    "ASSET_TYPE_ANIMATION",
    "ASSET_TYPE_VIDEO",
    "ASSET_TYPE_MESH"
  ],
  "RequestAssetType": [
    "Image",
    "Decal",
    "Audio",
    "Model",
    "Animation",
    "Video",
    "Mesh"
  ],
  "State": [
    "Active",
    "Archived"
  ],
  "ModerationState": [
    "Reviewing",
    "Rejected",
    "Approved",
    "MODERATION_STATE_REVIEWING",
    "MODERATION_STATE_REJECTED",
    "MODERATION_STATE_APPROVED"
  ],
  "AssetPrivacy": [
    "default",
    "restricted",
    "openUse"
  ]
} as const;

/** The Asset fields that hold a social link (those whose schema is `SocialLink`). */
export const socialLinkFields = [
  "facebookSocialLink",
  "twitterSocialLink",
  "youtubeSocialLink",
  "twitchSocialLink",
  "discordSocialLink",
  "githubSocialLink",
  "robloxSocialLink",
  "guildedSocialLink",
  "devForumSocialLink"
] as const;
