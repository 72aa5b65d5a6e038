// Generates everything other packages need from openapi/assets-v1.json, the single source of truth:
//   src/generated/openapi.ts   types (openapi-typescript)
//   src/generated/metadata.ts  operations (method, path, scopes, rate limits), content types, limits
// `--check` writes nothing and exits 1 when a generated file is stale.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const specUrl = new URL("../../../openapi/assets-v1.json", import.meta.url);
const outDir = new URL("../src/generated/", import.meta.url);
const check = process.argv.includes("--check");
const banner =
  "// Generated from openapi/assets-v1.json by packages/spec/scripts/generate.mjs. Do not edit.\n";

const spec = JSON.parse(await readFile(specUrl, "utf8"));

const types =
  banner +
  astToString(
    await openapiTS(spec, {
      alphabetize: false,
      exportType: false,
      // A binary multipart part (fileContent) is a Blob on the wire, not a string.
      transform: (schema) =>
        schema.format === "binary" ? ts.factory.createTypeReferenceNode("Blob") : undefined,
    }),
  );

const periodSeconds = { SECOND: 1, MINUTE: 60, HOUR: 3600, DAY: 86400 };
const operations = {};
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!op || typeof op !== "object" || !op.operationId) continue;
    const limits = op["x-roblox-rate-limits"];
    const perKey = limits?.perApiKeyOwner;
    if (!perKey) throw new Error(`${op.operationId}: x-roblox-rate-limits.perApiKeyOwner is missing`);
    const perOauth = limits.perOauth2Authorization ?? perKey;
    const scopes = (op.security ?? []).flatMap((s) => s.oauth2 ?? []);
    operations[op.operationId] = {
      method: method.toUpperCase(),
      path,
      scopes,
      rateLimit: {
        apiKey: { max: perKey.maxInPeriod, windowSeconds: periodSeconds[perKey.period] },
        oauth2: { max: perOauth.maxInPeriod, windowSeconds: periodSeconds[perOauth.period] },
      },
    };
  }
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

/** Every named enum of the schemas, as listed (older wire spellings included where the spec has them). */
const enums = Object.fromEntries(
  Object.entries(spec.components.schemas)
    .filter(([, schema]) => Array.isArray(schema.enum))
    .map(([name, schema]) => [name, schema.enum]),
);

/** The Asset fields that hold a social link, in spec order. */
const socialLinkFields = Object.entries(spec.components.schemas.Asset.properties)
  .filter(([, schema]) => schema.$ref === "#/components/schemas/SocialLink")
  .map(([name]) => name);
if (socialLinkFields.length === 0) throw new Error("components.schemas.Asset has no SocialLink fields");

const json = (v) => JSON.stringify(v, null, 2);
const metadata = `${banner}
/** The spec's default server URL. */
export const defaultServerUrl = ${json(spec.servers[0].url)} as const;

/** Each operation's method, path, OAuth2 scopes and rate limits (from \`x-roblox-rate-limits\`). */
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
`;

const files = { "openapi.ts": types, "metadata.ts": metadata };
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
