// The ids a person types (asset ids, version numbers, operation ids), checked before any request so that
// a typo costs no round trip. Core parses them (one parser for the CLI, the TUI and the plugins); this
// turns a refusal into a ServiceError, a usage error worded for a person.
import { parseAssetId, parseVersionNumber } from "@rbxassets/core";
import { ServiceError } from "./errors.js";

const ASSET_ID_FORMS = "digits, rbxassetid://<digits> or assets/<digits>";

/** An asset id: `123`, `rbxassetid://123` or `assets/123` to `123`. */
export function assetIdOrThrow(value: string): string {
  const id = parseAssetId(value);
  if (id === undefined) {
    throw new ServiceError(`${JSON.stringify(value)} is not an asset id (${ASSET_ID_FORMS})`);
  }
  return id;
}

/** A version number, 1 or more. */
export function versionOrThrow(value: number | string): string {
  const version = parseVersionNumber(value);
  if (version === undefined) {
    throw new ServiceError(`${JSON.stringify(String(value))} is not a version number (1 or more)`);
  }
  return version;
}

/** An operation id, or an `operations/{id}` path. */
export function operationIdOrThrow(value: string): string {
  const id = value.startsWith("operations/") ? value.slice("operations/".length) : value;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) {
    throw new ServiceError(`${JSON.stringify(value)} is not an operation id (a UUID)`);
  }
  return id;
}

/** An asset referenced from another one's metadata (an icon, a preview), named by `what`. */
export function referencedAssetId(what: string, value: string): string {
  const id = parseAssetId(value);
  if (id === undefined) throw new ServiceError(`${what} ${JSON.stringify(value)} is not an asset id`);
  return id;
}
