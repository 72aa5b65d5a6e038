// How an imported file becomes a module. Its value (an id, or a sprite) is written by core's codegen, the
// one place a value is written; around it, the module form each bundler reads so that
// `import icon from "./icon.png"` and `require("./icon.png")` both give that value itself.
import { renderTypeScriptValue } from "@rbxassets/core/internal";
import type { ResolvedAsset } from "@rbxassets/core/node";
import type { UnpluginContextMeta } from "unplugin";

type ModuleForm = "commonjs" | "esm-with-module-exports" | "esm";

/**
 * - webpack, rspack and esbuild `require()` an ES module as its namespace (`{ default }`); a CommonJS
 *   module's `module.exports` is what `require()` returns, and their interop makes it the default of an
 *   `import` (and the `default` of `import * as`), from ESM and CommonJS importers alike.
 * - Rolldown honours Node's require(esm) convention: an ES module's export named "module.exports" is what
 *   `require()` returns. The import stays an ES module, a constant Rolldown can inline.
 * - Rollup reads no CommonJS without a plugin, and Vite's dev server serves modules to the browser as they
 *   are: a plain ES module.
 */
const FORMS: Partial<Record<UnpluginContextMeta["framework"], ModuleForm>> = {
  webpack: "commonjs",
  rspack: "commonjs",
  esbuild: "commonjs",
  rolldown: "esm-with-module-exports",
};

/** The module source of a resolved file for `framework`'s bundler. */
export function assetModuleCode(asset: ResolvedAsset, framework: UnpluginContextMeta["framework"]): string {
  const value = renderTypeScriptValue(asset);
  switch (FORMS[framework] ?? "esm") {
    case "commonjs":
      return `module.exports = ${value};\n`;
    case "esm-with-module-exports":
      return `const value = ${value};\nexport { value as default, value as "module.exports" };\n`;
    case "esm":
      return `export default ${value};\n`;
  }
}
