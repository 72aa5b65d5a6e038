// Generates everything other packages need from the corrected specs in openapi/, the single source of truth:
//   generated/openapi.ts             Assets v1 types (openapi-typescript)
//   generated/asset-permissions.ts   Asset Permissions v1 types
//   generated/asset-quotas.ts        Open Cloud v2 asset-quotas types
//   generated/metadata.ts  operations of all three (server, method, path, scopes, rate limits),
//                              content types, limits, enums, the quota filter's spellings
// `--check` writes nothing and exits 1 when a generated file is stale.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const outDir = new URL("../generated/", import.meta.url);
const check = process.argv.includes("--check");
const bannerOf = (file) =>
  `// Generated from openapi/${file} by packages/spec/scripts/generate.mjs. Do not edit.\n`;
const banner = bannerOf("*.json");

/** The spec files, each with the types file generated from it. The first is the Assets API. */
const specFiles = [
  { file: "assets-v1.json", types: "openapi.ts" },
  { file: "asset-permissions-v1.json", types: "asset-permissions.ts" },
  { file: "cloud-v2-asset-quotas.json", types: "asset-quotas.ts" },
];
const specs = await Promise.all(
  specFiles.map(async (entry) => ({
    ...entry,
    spec: JSON.parse(await readFile(new URL(`../../../openapi/${entry.file}`, import.meta.url), "utf8")),
  })),
);
const spec = specs[0].spec;

const typesOf = async (entry) =>
  bannerOf(entry.file) +
  astToString(
    await openapiTS(entry.spec, {
      alphabetize: false,
      exportType: false,
      // `export type Asset = components["schemas"]["Asset"]`: the core and the emulator import these names
      // instead of each keeping its own list of aliases.
      rootTypes: true,
      rootTypesNoSchemaPrefix: true,
      rootTypesKeepCasing: true,
      // A binary multipart part (fileContent) is a Blob on the wire, not a string.
      transform: (schema) =>
        schema.format === "binary" ? ts.factory.createTypeReferenceNode("Blob") : undefined,
    }),
  );

const periodSeconds = { SECOND: 1, MINUTE: 60, HOUR: 3600, DAY: 86400 };
const operations = {};
/** The quota filter's PascalCase spellings of the values answers spell in SCREAMING_CASE. */
let quotaFilterValues;
for (const { spec: one } of specs) {
  for (const [path, item] of Object.entries(one.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== "object" || !op.operationId) continue;
      if (operations[op.operationId]) throw new Error(`${op.operationId} is declared twice`);
      operations[op.operationId] = describeOperation(one, path, method, op);
      if (op["x-rbxassets-filter-values"]) quotaFilterValues = op["x-rbxassets-filter-values"];
    }
  }
}
if (!quotaFilterValues) throw new Error("Cloud_ListAssetQuotas needs x-rbxassets-filter-values");

function describeOperation(one, path, method, op) {
  const limits = op["x-roblox-rate-limits"];
  const perKey = limits?.perApiKeyOwner;
  if (!perKey) throw new Error(`${op.operationId}: x-roblox-rate-limits.perApiKeyOwner is missing`);
  const perOauth = limits.perOauth2Authorization ?? perKey;
  // The scopes a key or token needs, whichever way it authenticates (an API key's scopes are named the same).
  const scopes = (op["x-roblox-scopes"] ?? []).map((scope) => scope.name);
  if (scopes.length === 0) throw new Error(`${op.operationId}: x-roblox-scopes is missing`);
  return {
    serverUrl: one.servers[0].url,
    method: method.toUpperCase(),
    path,
    scopes,
    rateLimit: {
      apiKey: { max: perKey.maxInPeriod, windowSeconds: periodSeconds[perKey.period] },
      oauth2: { max: perOauth.maxInPeriod, windowSeconds: periodSeconds[perOauth.period] },
    },
  };
}
const ext = (name) => spec[name] ?? spec.components?.[name];
const contentTypes = ext("x-rbxassets-content-types");
const limits = ext("x-rbxassets-limits");
if (!contentTypes || !limits)
  throw new Error("x-rbxassets-content-types and x-rbxassets-limits are required");

const maskFields = (name) => {
  const fields = spec.components.parameters[name]?.["x-rbxassets-fields"];
  if (!Array.isArray(fields)) throw new Error(`components.parameters.${name} needs x-rbxassets-fields`);
  return fields;
};

/** Every named enum of the schemas of every spec, as listed (older wire spellings included where given). */
const enums = {};
for (const { file, spec: one } of specs) {
  for (const [name, schema] of Object.entries(one.components.schemas)) {
    if (!Array.isArray(schema.enum)) continue;
    if (enums[name]) throw new Error(`${file}: enum ${name} is also declared by another spec`);
    enums[name] = schema.enum;
  }
}

/** The Asset fields that hold a social link, in spec order. */
const socialLinkFields = Object.entries(spec.components.schemas.Asset.properties)
  .filter(([, schema]) => schema.$ref === "#/components/schemas/SocialLink")
  .map(([name]) => name);
if (socialLinkFields.length === 0) throw new Error("components.schemas.Asset has no SocialLink fields");

const json = (v) => JSON.stringify(v, null, 2);
const metadata = `${banner}
/** The Assets spec's default server URL. */
export const defaultServerUrl = ${json(spec.servers[0].url)} as const;

/**
 * Each operation's server URL, method, path, scopes (from \`x-roblox-scopes\`: API-key and OAuth2 scopes share
 * names) and rate limits (from \`x-roblox-rate-limits\`).
 */
export const operations = ${json(operations)} as const;

export type OperationId = keyof typeof operations;

/** Accepted file extensions and content types per asset type (from \`x-rbxassets-content-types\`). */
export const contentTypes = ${json(contentTypes)} as const;

/** Service limits (from \`x-rbxassets-limits\`). */
export const limits = ${json(limits)} as const;

/** Fields that \`updateMask\` and \`readMask\` may name (from their \`x-rbxassets-fields\`). */
export const maskFields = ${json({ update: maskFields("UpdateMask"), read: maskFields("ReadMask") })} as const;

export type MaskField = (typeof maskFields.update)[number];

/** The values of each enum schema (from \`components.schemas\`). */
export const enums = ${json(enums)} as const;

/** The Asset fields that hold a social link (those whose schema is \`SocialLink\`). */
export const socialLinkFields = ${json(socialLinkFields)} as const;

/**
 * How List Asset Quotas' \`filter\` spells each value (PascalCase) that its answers spell in SCREAMING_CASE
 * (from \`x-rbxassets-filter-values\`): \`quotaFilterValues.assetType.Audio\` is \`"AUDIO"\`.
 */
export const quotaFilterValues = ${json(quotaFilterValues)} as const;
`;

const files = { "metadata.ts": metadata };
for (const entry of specs) files[entry.types] = await typesOf(entry);
let stale = false;
await mkdir(outDir, { recursive: true });
for (const [name, content] of Object.entries(files)) {
  const url = new URL(name, outDir);
  const current = await readFile(url, "utf8").catch(() => null);
  if (current === content) continue;
  if (check) {
    stale = true;
    console.error(`stale: ${fileURLToPath(url)} (run \`pnpm generate\`)`);
  } else {
    await writeFile(url, content);
    console.log(`wrote ${fileURLToPath(url)}`);
  }
}
if (stale) process.exit(1);
