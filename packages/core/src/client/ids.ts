// Argument checks that run before any request, so a typo never costs a round trip (or a rate-limit slot).
import { limits } from "@rbxassets/spec";
import { AssetsClientError } from "./errors.js";

const DIGITS = /^[0-9]{1,20}$/;
/** An asset id as a person writes it: its digits, `rbxassetid://<digits>` or `assets/<digits>`. */
const ASSET_REFERENCE = /^(?:rbxassetid:\/\/|assets\/)?([0-9]{1,20})$/;
const OPERATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function describe(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A digit-string id (asset id or version number); numbers must be non-negative safe integers. */
export function digitsId(name: string, value: unknown): string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && DIGITS.test(value)) return value;
  throw new AssetsClientError(`${name} must be a string of digits, got ${describe(value)}`);
}

export function assetIdArg(value: unknown): string {
  return digitsId("assetId", value);
}

export function versionArg(value: unknown): string {
  const version = digitsId("version", value);
  if (/^0+$/.test(version)) throw new AssetsClientError("version must be 1 or more, got 0");
  return version;
}

/** An operation id, or an `operations/{id}` path. */
export function operationIdArg(value: unknown): string {
  const id =
    typeof value === "string" && value.startsWith("operations/") ? value.slice("operations/".length) : value;
  if (typeof id === "string" && OPERATION_ID.test(id)) return id;
  throw new AssetsClientError(`operationId must be an operation id (a UUID), got ${describe(value)}`);
}

/**
 * An asset id from text a person typed or pasted (surrounding blanks ignored): `123`, `rbxassetid://123` or
 * `assets/123`; undefined when it is none of those. The one parser the CLI, the TUI and the plugins share.
 */
export function parseAssetId(text: string): string | undefined {
  return ASSET_REFERENCE.exec(text.trim())?.[1];
}

/** `parseAssetId`, or an AssetsClientError naming `what` (e.g. `icon`) and the accepted forms. */
export function assetIdOrThrow(text: string, what = "asset id"): string {
  const id = parseAssetId(text);
  if (id === undefined) {
    throw new AssetsClientError(
      `${what} ${describe(text)} is not an asset id: give its digits, rbxassetid://<digits> or assets/<digits>`,
    );
  }
  return id;
}

/** A version number from text (`3`), 1 or more; undefined otherwise. */
export function parseVersionNumber(text: string | number): string | undefined {
  const value = String(text).trim();
  return DIGITS.test(value) && !/^0+$/.test(value) ? value : undefined;
}

export function pageSizeArg(value: number | undefined, max: number = limits.maxPageSize): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new AssetsClientError(`maxPageSize must be an integer from 1 to ${max}, got ${value}`);
  }
  return value;
}
