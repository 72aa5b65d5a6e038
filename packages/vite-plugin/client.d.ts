// Module types for imports that @rbxassets/vite-plugin turns into asset ids, made to sit beside
// `vite/client` with skipLibCheck off:
//   "types": ["vite/client", "@rbxassets/vite-plugin/client"]   (in either order)
// Vite's client types already declare "*.png", "*.mp3" and others as `string`; declaring those patterns
// again would clash (TS2300 "Duplicate identifier"). So for the image extensions Vite declares, these types
// use the pattern ".*.png": TypeScript picks the matching pattern with the longest text before the `*`, so a
// relative import ("./icon.png", "../icon.png") is typed here as an asset id, and anything else (an alias,
// "/src/icon.png") keeps Vite's `string`: import those with `?rbxasset`.
// Audio keeps Vite's `string`: by default (`audio` off) Vite serves it as a URL (a `data:` URL when small);
// with `audio: true`, import it with `?rbxasset` to type it as an id.
// `?sprite`, `?rbxasset`, models, `.tga` and `virtual:rbxassets` are shared with the Rollup plugin's types.
/// <reference types="@rbxassets/rollup-plugin/client-shared" />

// Image extensions vite/client also declares: relative imports only (see above).

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
