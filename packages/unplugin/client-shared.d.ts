// Module types shared by @rbxassets/unplugin/client (also @rbxassets/rollup-plugin/client) and
// @rbxassets/vite-plugin/client: only patterns
// that vite/client does not declare (declaring one of those twice would clash, TS2300), written once here.
// Each client file references this one; do not reference it alone.

/** A sprite packed into a spritesheet, as ImageLabel properties take it (vectors as `{ X, Y }`). */
interface RbxassetsSprite {
  readonly Image: `rbxassetid://${string}`;
  readonly ImageRectOffset: { readonly X: number; readonly Y: number };
  readonly ImageRectSize: { readonly X: number; readonly Y: number };
}

/**
 * An image packed into a spritesheet (by `rbxassets sync` of an input with `spritesheet`). A plain import
 * of a packed image fails the build, naming `?sprite`: its type (an id) would not be what it is.
 */
declare module "*?sprite" {
  const sprite: RbxassetsSprite;
  export default sprite;
}

/** Any supported file as an asset id, whatever `include`, `exclude` and `audio` say. */
declare module "*?rbxasset" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

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

declare module "virtual:rbxassets" {
  /** Every path in the lockfile (relative to the project root, posix separators) and its asset id. */
  const assets: Readonly<Record<string, `rbxassetid://${string}`>>;
  export default assets;
  /** The id of a path in the lockfile, e.g. `assetUri("images/logo.png")`; throws for an unknown path. */
  export function assetUri(path: string): `rbxassetid://${string}`;
}
