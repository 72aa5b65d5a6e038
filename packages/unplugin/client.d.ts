// Module types for imports that @rbxassets/unplugin (webpack, rspack, esbuild, Rolldown) and
// @rbxassets/rollup-plugin turn into asset ids. Reference it once:
// `/// <reference types="@rbxassets/unplugin/client" />`, or list it in tsconfig `compilerOptions.types`
// (`@rbxassets/rollup-plugin/client` is this file too). Vite apps use @rbxassets/vite-plugin/client (it
// composes with vite/client). `?sprite`, `?rbxasset`, models and `virtual:rbxassets` come from
// client-shared.d.ts.
/// <reference path="./client-shared.d.ts" />

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

// Audio: the plugin claims it only with `audio: true` (a monthly quota). By default another plugin (a URL
// or asset plugin) handles it, so a plain import is a string; `?rbxasset` types (and makes) it an id.

declare module "*.mp3" {
  const url: string;
  export default url;
}

declare module "*.ogg" {
  const url: string;
  export default url;
}

declare module "*.wav" {
  const url: string;
  export default url;
}

declare module "*.flac" {
  const url: string;
  export default url;
}
