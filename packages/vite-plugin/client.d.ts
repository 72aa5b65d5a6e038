// Module types for imports that @rbxassets/vite-plugin turns into asset ids, made to sit beside
// `vite/client` with skipLibCheck off:
//   "types": ["vite/client", "@rbxassets/vite-plugin/client"]   (in either order)
// Vite's client types already declare "*.png", "*.mp3" and others as `string`; declaring those patterns
// again would clash (TS2300 "Duplicate identifier"). So for the extensions Vite declares, these types use
// the pattern ".*.png": TypeScript picks the matching pattern with the longest text before the `*`, so a
// relative import ("./icon.png", "../icon.png") is typed here as an asset id, and anything else (an alias,
// "/src/icon.png") keeps Vite's `string`: import those with `?rbxasset`. Extensions Vite does not know are
// declared as "*.tga" and so on. Audio imports are ids only with the plugin's `audio: true`.
// Rollup apps (no vite/client) use @rbxassets/rollup-plugin/client instead.

// Extensions vite/client also declares: relative imports only (see above).

declare module ".*.png" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module ".*.jpg" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module ".*.jpeg" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module ".*.bmp" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module ".*.mp3" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module ".*.ogg" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module ".*.wav" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module ".*.flac" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

// Extensions vite/client does not declare.

declare module "*.tga" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.fbx" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.gltf" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.glb" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.rbxm" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.rbxmx" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*?rbxasset" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "virtual:rbxassets" {
  /** Every path in the lockfile (relative to the project root, posix separators) and its asset id. */
  const assets: Readonly<Record<string, `rbxassetid://${string}`>>;
  export default assets;
  /** The id of a path in the lockfile, e.g. `assetUri("images/logo.png")`; throws for an unknown path. */
  export function assetUri(path: string): `rbxassetid://${string}`;
}
