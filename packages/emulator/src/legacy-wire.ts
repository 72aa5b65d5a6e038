// `wire: "legacy"`: answers as older live responses looked, so clients prove they still read them. A
// pending operation has no `done`; enums use the 2023 spellings (`ASSET_TYPE_DECAL`,
// `MODERATION_STATE_APPROVED`); timestamps carry 9 fractional digits; a finished operation's asset names
// its `@type`. One rewrite of the answer object, so the routes stay unaware of it.
export type WireMode = "current" | "legacy";

const assetTypeUrl = "type.googleapis.com/roblox.open_cloud.assets.v1.Asset";

/** Rewrites an API answer (Asset, AssetVersion, Operation, versions page, error) into the legacy form. */
export function toLegacyWire(payload: unknown): unknown {
  if (Array.isArray(payload)) return payload.map(toLegacyWire);
  if (typeof payload !== "object" || payload === null) return payload;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key === "assetType" && typeof value === "string") out[key] = `ASSET_TYPE_${upperSnake(value)}`;
    else if (key === "moderationState" && typeof value === "string") {
      out[key] = `MODERATION_STATE_${upperSnake(value)}`;
    } else if ((key === "revisionCreateTime" || key === "createTime") && typeof value === "string") {
      out[key] = nanoseconds(value);
    } else out[key] = toLegacyWire(value);
  }
  if (typeof out.operationId === "string") {
    if (out.done === false) delete out.done;
    if (isObject(out.response)) out.response = { "@type": assetTypeUrl, ...out.response };
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function upperSnake(value: string): string {
  if (/^[A-Z0-9_]+$/.test(value)) return value;
  return value.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/** `2024-01-02T03:04:05.678Z` -> `2024-01-02T03:04:05.678000000Z`. */
function nanoseconds(time: string): string {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(time);
  if (!match) return time;
  return `${match[1]}.${(match[2] ?? "").padEnd(9, "0").slice(0, 9)}Z`;
}
