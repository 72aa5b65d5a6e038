/** The id users import: `import assets, { assetUri } from "virtual:rbxassets"`. */
export const VIRTUAL_ID = "virtual:rbxassets";
/** `\0` keeps other plugins (and Vite's asset handling) away from the virtual module. */
export const RESOLVED_VIRTUAL_ID = `\0${VIRTUAL_ID}`;

export type AssetMap = Record<string, `rbxassetid://${string}`>;

/**
 * Source of the virtual module; `mapExpression` evaluates to the path → id object (a literal in the dev
 * server, a placeholder that `renderChunk` fills in a build). Only paths and public ids go in: the map comes
 * from the lockfile, which holds no secrets. `assetUri` throws for an unknown path rather than return an
 * empty or wrong id.
 */
export function virtualModuleCode(mapExpression: string): string {
  return [
    `const assets = Object.freeze(${mapExpression});`,
    "export default assets;",
    "export function assetUri(path) {",
    '  const key = String(path).replace(/^\\.?\\//, "");',
    "  if (!Object.prototype.hasOwnProperty.call(assets, key)) {",
    '    throw new Error("rbxassets: " + JSON.stringify(path) + " is not in the lockfile; import it once or run rbxassets sync");',
    "  }",
    "  return assets[key];",
    "}",
    "",
  ].join("\n");
}

/** Sorted copy, so that the generated code and the manifest do not depend on upload order. */
export function sortedMap(entries: Iterable<readonly [string, `rbxassetid://${string}`]>): AssetMap {
  const map: AssetMap = {};
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // defineProperty: a path named "__proto__" must stay a plain key.
  for (const [path, uri] of sorted) {
    Object.defineProperty(map, path, { value: uri, enumerable: true, writable: true, configurable: true });
  }
  return map;
}
