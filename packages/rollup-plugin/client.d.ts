// Module types for imports that @rbxassets/rollup-plugin (and @rbxassets/vite-plugin) turn into asset ids.
// Reference it once: `/// <reference types="@rbxassets/rollup-plugin/client" />`, or list it in
// tsconfig `compilerOptions.types`. Audio imports are ids only with `audio: true`.

declare module "*.png" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.jpg" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.jpeg" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.bmp" {
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

declare module "*.mp3" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.ogg" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.wav" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

declare module "*.flac" {
  const uri: `rbxassetid://${string}`;
  export default uri;
}

/** A sprite packed into a spritesheet, as ImageLabel properties take it (vectors as `{ X, Y }`). */
interface RbxassetsSprite {
  readonly Image: `rbxassetid://${string}`;
  readonly ImageRectOffset: { readonly X: number; readonly Y: number };
  readonly ImageRectSize: { readonly X: number; readonly Y: number };
}

/** An image packed into a spritesheet (by `rbxassets sync` of an input with `spritesheet`). */
declare module "*?sprite" {
  const sprite: RbxassetsSprite;
  export default sprite;
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
