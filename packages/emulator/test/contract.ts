// Checks responses against the OpenAPI spec: the status must be declared for the path and method, the
// body must validate against the declared schema, declared headers must be present. Every test request
// goes through `assertContract` (see harness.ts), so the whole suite is a contract test of the emulator.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";

type Json = Record<string, unknown>;
type Spec = Json & {
  servers: { url: string }[];
  paths: Record<string, Record<string, Json>>;
  components: Json;
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((ajvFormats as unknown as { default: { default?: unknown } }).default.default ??
  (ajvFormats as unknown as { default: unknown }).default) as (instance: Ajv2020) => void;
addFormats(ajv);
ajv.addFormat("binary", true);

/** Each spec of the set, its schemas registered under an id of its own, and its server's path. */
interface SpecEntry {
  spec: Spec;
  id: string;
  /** The server URL's path: `/assets` for the Assets API, `` for the others. */
  prefix: string;
}
const specEntries: SpecEntry[] = [
  "assets-v1.json",
  "asset-permissions-v1.json",
  "cloud-v2-asset-quotas.json",
].map((file) => {
  const spec = JSON.parse(readFileSync(new URL(`../../../openapi/${file}`, import.meta.url), "utf8")) as Spec;
  const id = `https://rbxassets.local/${file}`;
  ajv.addSchema({ $id: id, components: spec.components }, undefined, undefined, false);
  return { spec, id, prefix: new URL(spec.servers[0]!.url).pathname.replace(/\/$/, "") };
});
const assetsEntry = specEntries[0]!;

/** The Assets spec. */
export const spec = assetsEntry.spec;

/** The Assets API prefix is the spec server URL's path (`/assets`). */
export const apiPrefix = assetsEntry.prefix;

/** The spec (of the set) that declares `operationId`. */
export function specOf(operationId: string): Spec {
  const entry = specEntries.find((candidate) =>
    Object.values(candidate.spec.paths).some((item) =>
      Object.values(item).some((op) => (op as Json | undefined)?.operationId === operationId),
    ),
  );
  if (!entry) throw new Error(`No spec declares ${operationId}`);
  return entry.spec;
}

function resolve(entry: SpecEntry, node: Json): Json {
  let current = node;
  while (typeof current.$ref === "string") {
    const pointer = current.$ref.replace(/^#\//, "").split("/");
    let target: unknown = entry.spec;
    for (const segment of pointer) target = (target as Json)[segment];
    if (!target) throw new Error(`Unresolvable $ref ${current.$ref}`);
    current = target as Json;
  }
  return current;
}

function validatorFor(entry: SpecEntry, schema: Json) {
  if (typeof schema.$ref === "string") {
    const validate = ajv.getSchema(`${entry.id}${schema.$ref}`);
    if (!validate) throw new Error(`No schema at ${schema.$ref}`);
    return validate;
  }
  return ajv.compile({ $id: `${entry.id}#inline-${Math.random()}`, ...schema });
}

/**
 * The path template of `which` (default the Assets spec) matching a concrete path, e.g. `/v1/assets/1:archive`
 * -> `/v1/assets/{assetId}:archive`.
 */
export function matchSpecPath(path: string, which: Spec = spec): string | undefined {
  return Object.keys(which.paths).find((template) => {
    const pattern = template
      .split(/(\{[^}]+\})/)
      .map((piece) => (piece.startsWith("{") ? "[^/:]+" : piece.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
      .join("");
    return new RegExp(`^${pattern}$`).test(path);
  });
}

/** The spec and template serving a path from the server's root (`/assets/v1/assets/1`, `/cloud/v2/...`). */
function locate(rootPath: string): { entry: SpecEntry; template: string } | undefined {
  for (const entry of specEntries) {
    if (entry.prefix && !rootPath.startsWith(`${entry.prefix}/`)) continue;
    const template = matchSpecPath(rootPath.slice(entry.prefix.length), entry.spec);
    if (template) return { entry, template };
  }
  return undefined;
}

export interface ObservedResponse {
  method: string;
  /** Path from the server's root, without query, e.g. `/assets/v1/assets/123`. */
  path: string;
  status: number;
  headers: Headers;
  body: unknown;
}

export function assertContract(observed: ObservedResponse): void {
  const where = `${observed.method} ${observed.path} -> ${observed.status}`;
  const found = locate(observed.path);
  const entry = found?.entry ?? assetsEntry;
  const operation = found ? entry.spec.paths[found.template]?.[observed.method.toLowerCase()] : undefined;
  if (!operation) {
    // Not an API route: only an error body is acceptable.
    validateBody(entry, where, { $ref: "#/components/schemas/Error" }, observed.body);
    if (observed.status !== 404) throw new Error(`${where}: unknown route should answer 404`);
    return;
  }
  const responses = operation.responses as Record<string, Json>;
  const declared = responses[String(observed.status)] ?? responses.default;
  if (!declared) throw new Error(`${where}: status not declared in the spec`);
  const response = resolve(entry, declared);
  const content = response.content as Record<string, { schema: Json }> | undefined;
  if (content) {
    const media = content["application/json"];
    if (!media) throw new Error(`${where}: spec declares no application/json body`);
    const contentType = observed.headers.get("content-type") ?? "";
    if (!contentType.startsWith("application/json")) throw new Error(`${where}: content-type ${contentType}`);
    validateBody(entry, where, media.schema, observed.body);
  }
  for (const name of Object.keys((response.headers as Json | undefined) ?? {})) {
    if (!observed.headers.has(name)) throw new Error(`${where}: missing header ${name}`);
  }
}

function validateBody(entry: SpecEntry, where: string, schema: Json, body: unknown): void {
  const validate = validatorFor(entry, schema);
  if (!validate(body)) {
    throw new Error(
      `${where}: body does not match the spec: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
    );
  }
}
