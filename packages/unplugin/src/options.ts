import type { ImageAssetType } from "@rbxassets/core";
import type { FilterPattern } from "@rollup/pluginutils";

export interface RbxassetsOptions {
  /** Project root: the lockfile, `.env` and the paths in the asset map are relative to it. Default: cwd (Vite: its `root`). */
  root?: string;
  /** Lockfile path, relative to `root`. Default `rbxassets.lock.json`. */
  lockfile?: string;
  /** Open Cloud API key. Default: `RBXASSETS_API_KEY` from the environment or `.env`. */
  apiKey?: string;
  /** OAuth2 access token. Default: `RBXASSETS_OAUTH_TOKEN`. */
  oauthToken?: string;
  /** API base URL. Default: `RBXASSETS_API_URL`, else `https://apis.roblox.com/assets`. */
  apiUrl?: string;
  /** Alias of `apiUrl` (the pipeline's name for it). */
  baseUrl?: string;
  /** `user:<id>` or `group:<id>` that new assets belong to. Default: `RBXASSETS_CREATOR`. */
  creator?: string;
  /** Files to turn into asset ids (picomatch patterns, as in `@rollup/pluginutils`' createFilter). Default: all supported. */
  include?: FilterPattern;
  /** Files to leave to the bundler. */
  exclude?: FilterPattern;
  /** Also claim `.mp3`, `.ogg`, `.wav` and `.flac` imports. Default false (audio uploads have a monthly quota). */
  audio?: boolean;
  /** Asset type images are uploaded as. Default `"Image"` (what `ImageLabel.Image` needs). */
  imageAssetType?: ImageAssetType;
  /** Emit the path → id map as a JSON asset next to the bundle: `true` for `rbxassets.json`, or a file name. */
  manifest?: boolean | string;
  /**
   * Alpha bleeding of images with transparent pixels before upload (default true): without it, Roblox's
   * filtering draws dark halos around transparent edges.
   */
  alphaBleed?: boolean;
  /** Parallel uploads (the pipeline also honours the API's rate limits). */
  concurrency?: number;
  /** Environment to read `RBXASSETS_*` from instead of `process.env` (tests, programmatic use). */
  env?: Record<string, string | undefined>;
}

export const DEFAULT_MANIFEST = "rbxassets.json";

export function manifestFileName(manifest: RbxassetsOptions["manifest"]): string | undefined {
  if (manifest === undefined || manifest === false) return undefined;
  return manifest === true ? DEFAULT_MANIFEST : manifest;
}
