// Module types for imports that @rbxassets/vite-plugin turns into asset ids: the supported extensions and
// `*?rbxasset` (default export `rbxassetid://${string}`) and `virtual:rbxassets`. List it before
// `vite/client` in `compilerOptions.types` so that these win over Vite's `string` for .png and friends.
/// <reference types="@rbxassets/rollup-plugin/client" />
