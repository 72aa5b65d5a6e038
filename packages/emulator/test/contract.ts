// Checks responses against the OpenAPI spec: the status must be declared for the path and method, the
// body must validate against the declared schema, declared headers must be present. Every test request
// goes through `assertContract` (see harness.ts), so the whole suite is a contract test of the emulator.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";

type Json = Record<string, unknown>;

const specUrl = new URL("../../../openapi/assets-v1.json", import.meta.url);
export const spec = JSON.parse(readFileSync(specUrl, "utf8")) as Json & {
  servers: { url: string }[];
  paths: Record<string, Record<string, Json>>;
  components: Json;
};
const specId = "https://rbxassets.local/assets-v1.json";

const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((ajvFormats as unknown as { default: { default?: unknown } }).default.default ??
  (ajvFormats as unknown as { default: unknown }).default) as (instance: Ajv2020) => void;
addFormats(ajv);
ajv.addFormat("binary", true);
ajv.addSchema({ $id: specId, components: spec.components }, undefined, undefined, false);

/** The API prefix is the spec server URL's path (`/assets`). */
export const apiPrefix = new URL(spec.servers[0]!.url).pathname.replace(/\/$/, "");

function resolve(node: Json): Json {
  let current = node;
  while (typeof current.$ref === "string") {
    const pointer = current.$ref.replace(/^#\//, "").split("/");
    let target: unknown = spec;
    for (const segment of pointer) target = (target as Json)[segment];
    if (!target) throw new Error(`Unresolvable $ref ${current.$ref}`);
    current = target as Json;
  }
  return current;
}

function validatorFor(schema: Json) {
  if (typeof schema.$ref === "string") {
    const validate = ajv.getSchema(`${specId}${schema.$ref}`);
    if (!validate) throw new Error(`No schema at ${schema.$ref}`);
    return validate;
  }
  return ajv.compile({ $id: `${specId}#inline-${Math.random()}`, ...schema });
}

/** The spec path template matching a concrete path, e.g. `/v1/assets/1:archive` -> `/v1/assets/{assetId}:archive`. */
export function matchSpecPath(path: string): string | undefined {
  return Object.keys(spec.paths).find((template) => {
    const pattern = template
      .split(/(\{[^}]+\})/)
      .map((piece) => (piece.startsWith("{") ? "[^/:]+" : piece.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
      .join("");
    return new RegExp(`^${pattern}$`).test(path);
  });
}

export interface ObservedResponse {
  method: string;
  /** Path under the API prefix, without query, e.g. `/v1/assets/123`. */
  path: string;
  status: number;
  headers: Headers;
  body: unknown;
}

export function assertContract(observed: ObservedResponse): void {
  const where = `${observed.method} ${observed.path} -> ${observed.status}`;
  const template = matchSpecPath(observed.path);
  const operation = template ? spec.paths[template]?.[observed.method.toLowerCase()] : undefined;
  if (!operation) {
    // Not an API route: only an error body is acceptable.
    validateBody(where, { $ref: "#/components/schemas/Error" }, observed.body);
    if (observed.status !== 404) throw new Error(`${where}: unknown route should answer 404`);
    return;
  }
  const responses = operation.responses as Record<string, Json>;
  const declared = responses[String(observed.status)] ?? responses.default;
  if (!declared) throw new Error(`${where}: status not declared in the spec`);
  const response = resolve(declared);
  const content = response.content as Record<string, { schema: Json }> | undefined;
  if (content) {
    const media = content["application/json"];
    if (!media) throw new Error(`${where}: spec declares no application/json body`);
    const contentType = observed.headers.get("content-type") ?? "";
    if (!contentType.startsWith("application/json")) throw new Error(`${where}: content-type ${contentType}`);
    validateBody(where, media.schema, observed.body);
  }
  for (const name of Object.keys((response.headers as Json | undefined) ?? {})) {
    if (!observed.headers.has(name)) throw new Error(`${where}: missing header ${name}`);
  }
}

function validateBody(where: string, schema: Json, body: unknown): void {
  const validate = validatorFor(schema);
  if (!validate(body)) {
    throw new Error(
      `${where}: body does not match the spec: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
    );
  }
}
