// Generated from openapi/*.json by packages/spec/scripts/generate.mjs. Do not edit.

/** The Assets spec's default server URL. */
export const defaultServerUrl = "https://apis.roblox.com/assets" as const;

/**
 * Each operation's server URL, method, path, scopes (from `x-roblox-scopes`: API-key and OAuth2 scopes share
 * names) and rate limits (from `x-roblox-rate-limits`).
 */
export const operations = {
  "Assets_CreateAsset": {
    "serverUrl": "https://apis.roblox.com/assets",
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
    "serverUrl": "https://apis.roblox.com/assets",
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
    "serverUrl": "https://apis.roblox.com/assets",
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
    "serverUrl": "https://apis.roblox.com/assets",
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
    "serverUrl": "https://apis.roblox.com/assets",
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
    "serverUrl": "https://apis.roblox.com/assets",
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
    "serverUrl": "https://apis.roblox.com/assets",
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
    "serverUrl": "https://apis.roblox.com/assets",
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
    "serverUrl": "https://apis.roblox.com/assets",
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
  },
  "AssetPermissions_GrantAssetPermissions": {
    "serverUrl": "https://apis.roblox.com",
    "method": "PATCH",
    "path": "/asset-permissions-api/v1/assets/permissions",
    "scopes": [
      "asset-permissions:write"
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
  "Cloud_ListAssetQuotas": {
    "serverUrl": "https://apis.roblox.com",
    "method": "GET",
    "path": "/cloud/v2/users/{userId}/asset-quotas",
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
  ],
  "PermissionSubjectType": [
    "User",
    "Group",
    "GroupRoleset",
    "All",
    "Universe"
  ],
  "AssetPermissionAction": [
    "Edit",
    "Use",
    "Download",
    "CopyFromRcc",
    "UpdateFromRcc"
  ],
  "GrantErrorCode": [
    "UnknownError",
    "InvalidRequest",
    "AssetNotFound",
    "CannotManageAsset",
    "PublicAssetCannotBeGrantedTo",
    "CannotManageSubject",
    "SubjectNotFound",
    "AssetTypeNotEnabled",
    "PermissionLimitReached",
    "DependenciesLimitReached"
  ],
  "QuotaType": [
    "RATE_LIMIT_UPLOAD",
    "RATE_LIMIT_CREATOR_STORE_DISTRIBUTE"
  ],
  "QuotaAssetType": [
    "IMAGE",
    "TSHIRT",
    "AUDIO",
    "MESH",
    "LUA",
    "HAT",
    "PLACE",
    "MODEL",
    "SHIRT",
    "PANTS",
    "DECAL",
    "HEAD",
    "FACE",
    "GEAR",
    "ANIMATION",
    "TORSO",
    "RIGHT_ARM",
    "LEFT_ARM",
    "LEFT_LEG",
    "RIGHT_LEG",
    "YOUTUBE_VIDEO",
    "APP",
    "CODE",
    "PLUGIN",
    "SOLID_MODEL",
    "MESH_PART",
    "HAIR_ACCESSORY",
    "FACE_ACCESSORY",
    "NECK_ACCESSORY",
    "SHOULDER_ACCESSORY",
    "FRONT_ACCESSORY",
    "BACK_ACCESSORY",
    "WAIST_ACCESSORY",
    "CLIMB_ANIMATION",
    "DEATH_ANIMATION",
    "FALL_ANIMATION",
    "IDLE_ANIMATION",
    "JUMP_ANIMATION",
    "RUN_ANIMATION",
    "SWIM_ANIMATION",
    "WALK_ANIMATION",
    "POSE_ANIMATION",
    "LOCALIZATION_TABLE_MANIFEST",
    "LOCALIZATION_TABLE_TRANSLATION",
    "EMOTE_ANIMATION",
    "VIDEO",
    "TEXTURE_PACK",
    "TSHIRT_ACCESSORY",
    "SHIRT_ACCESSORY",
    "PANTS_ACCESSORY",
    "JACKET_ACCESSORY",
    "SWEATER_ACCESSORY",
    "SHORTS_ACCESSORY",
    "LEFT_SHOE_ACCESSORY",
    "RIGHT_SHOE_ACCESSORY",
    "DRESS_SKIRT_ACCESSORY",
    "FONT_FAMILY",
    "FONT_FACE",
    "MESH_HIDDEN_SURFACE_REMOVAL",
    "EYEBROW_ACCESSORY",
    "EYELASH_ACCESSORY",
    "MOOD_ANIMATION",
    "DYNAMIC_HEAD",
    "CODE_SNIPPET",
    "ADS_VIDEO"
  ],
  "QuotaPeriod": [
    "MONTH",
    "DAY"
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

/**
 * How List Asset Quotas' `filter` spells each value (PascalCase) that its answers spell in SCREAMING_CASE
 * (from `x-rbxassets-filter-values`): `quotaFilterValues.assetType.Audio` is `"AUDIO"`.
 */
export const quotaFilterValues = {
  "quotaType": {
    "RateLimitUpload": "RATE_LIMIT_UPLOAD",
    "RateLimitCreatorStoreDistribute": "RATE_LIMIT_CREATOR_STORE_DISTRIBUTE"
  },
  "assetType": {
    "Image": "IMAGE",
    "Tshirt": "TSHIRT",
    "Audio": "AUDIO",
    "Mesh": "MESH",
    "Lua": "LUA",
    "Hat": "HAT",
    "Place": "PLACE",
    "Model": "MODEL",
    "Shirt": "SHIRT",
    "Pants": "PANTS",
    "Decal": "DECAL",
    "Head": "HEAD",
    "Face": "FACE",
    "Gear": "GEAR",
    "Animation": "ANIMATION",
    "Torso": "TORSO",
    "RightArm": "RIGHT_ARM",
    "LeftArm": "LEFT_ARM",
    "LeftLeg": "LEFT_LEG",
    "RightLeg": "RIGHT_LEG",
    "YoutubeVideo": "YOUTUBE_VIDEO",
    "App": "APP",
    "Code": "CODE",
    "Plugin": "PLUGIN",
    "SolidModel": "SOLID_MODEL",
    "MeshPart": "MESH_PART",
    "HairAccessory": "HAIR_ACCESSORY",
    "FaceAccessory": "FACE_ACCESSORY",
    "NeckAccessory": "NECK_ACCESSORY",
    "ShoulderAccessory": "SHOULDER_ACCESSORY",
    "FrontAccessory": "FRONT_ACCESSORY",
    "BackAccessory": "BACK_ACCESSORY",
    "WaistAccessory": "WAIST_ACCESSORY",
    "ClimbAnimation": "CLIMB_ANIMATION",
    "DeathAnimation": "DEATH_ANIMATION",
    "FallAnimation": "FALL_ANIMATION",
    "IdleAnimation": "IDLE_ANIMATION",
    "JumpAnimation": "JUMP_ANIMATION",
    "RunAnimation": "RUN_ANIMATION",
    "SwimAnimation": "SWIM_ANIMATION",
    "WalkAnimation": "WALK_ANIMATION",
    "PoseAnimation": "POSE_ANIMATION",
    "LocalizationTableManifest": "LOCALIZATION_TABLE_MANIFEST",
    "LocalizationTableTranslation": "LOCALIZATION_TABLE_TRANSLATION",
    "EmoteAnimation": "EMOTE_ANIMATION",
    "Video": "VIDEO",
    "TexturePack": "TEXTURE_PACK",
    "TshirtAccessory": "TSHIRT_ACCESSORY",
    "ShirtAccessory": "SHIRT_ACCESSORY",
    "PantsAccessory": "PANTS_ACCESSORY",
    "JacketAccessory": "JACKET_ACCESSORY",
    "SweaterAccessory": "SWEATER_ACCESSORY",
    "ShortsAccessory": "SHORTS_ACCESSORY",
    "LeftShoeAccessory": "LEFT_SHOE_ACCESSORY",
    "RightShoeAccessory": "RIGHT_SHOE_ACCESSORY",
    "DressSkirtAccessory": "DRESS_SKIRT_ACCESSORY",
    "FontFamily": "FONT_FAMILY",
    "FontFace": "FONT_FACE",
    "MeshHiddenSurfaceRemoval": "MESH_HIDDEN_SURFACE_REMOVAL",
    "EyebrowAccessory": "EYEBROW_ACCESSORY",
    "EyelashAccessory": "EYELASH_ACCESSORY",
    "MoodAnimation": "MOOD_ANIMATION",
    "DynamicHead": "DYNAMIC_HEAD",
    "CodeSnippet": "CODE_SNIPPET",
    "AdsVideo": "ADS_VIDEO"
  }
} as const;
