// The ids a person types (asset ids, version numbers, operation ids), checked before any request so that
// a typo costs no round trip. One home for these rules: the commands and the TUI both come through here.
import { ServiceError } from "./errors.js";

/** A digit-string asset id. */
export function assetIdOrThrow(value: string): string {
  const id = value.trim();
  if (!/^[0-9]{1,20}$/.test(id))
    throw new ServiceError(`${JSON.stringify(value)} is not an asset id (digits only)`);
  return id;
}

/** A version number, 1 or more. */
export function versionOrThrow(value: number | string): string {
  const text = String(value).trim();
  if (!/^[0-9]{1,20}$/.test(text) || /^0+$/.test(text)) {
    throw new ServiceError(`${JSON.stringify(String(value))} is not a version number (1 or more)`);
  }
  return text;
}

/** An operation id, or an `operations/{id}` path. */
export function operationIdOrThrow(value: string): string {
  const id = value.startsWith("operations/") ? value.slice("operations/".length) : value;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) {
    throw new ServiceError(`${JSON.stringify(value)} is not an operation id (a UUID)`);
  }
  return id;
}

/** An asset referenced from another one's metadata: `123`, `rbxassetid://123` or `assets/123` to `123`. */
export function referencedAssetId(what: string, value: string): string {
  const match = /^(?:rbxassetid:\/\/|assets\/)?([0-9]{1,20})$/.exec(value.trim());
  if (!match?.[1]) throw new ServiceError(`${what} ${JSON.stringify(value)} is not an asset id`);
  return match[1];
}
