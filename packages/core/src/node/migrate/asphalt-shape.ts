// The project file shape asphalt writes and tungsten kept: `[creator] type = "user"|"group", id = N`,
// `[codegen] style` (default flat) with each tool's own codegen keys, and `[inputs.<name>]` tables whose
// `web` lists files uploaded by hand (`"path" = { id = N }`). Read once here for both tools.
import { asNumber } from "./files.js";
import { Reader, readToml, type Table, unknownKeys } from "./toml.js";

export interface AsphaltShapeInput {
  name: string;
  /** `inputs.<name>`, for messages. */
  at: string;
  table: Table;
  /** The input's `web` ids, as the project file's `existing`; undefined when there are none. */
  existing: Record<string, number | string> | undefined;
}

export interface AsphaltShape {
  r: Reader;
  /** The lockfile, when there is one. */
  lockToml: Table | undefined;
  /** The files read, project paths. */
  read: string[];
  /** What is not carried over so far (unknown keys), one line each. */
  dropped: string[];
  creator: string;
  codegen: Table;
  style: "flat" | "nested";
  inputs: AsphaltShapeInput[];
}

export async function readAsphaltShape(
  root: string,
  opts: {
    config: string;
    lockfile: string;
    codegenKeys: readonly string[];
    inputKeys: readonly string[];
    /** asphalt requires `creator.type`; tungsten defaults it to `user`. */
    typeRequired: boolean;
  },
): Promise<AsphaltShape> {
  const toml = await readToml(root, opts.config, true);
  const lockToml = await readToml(root, opts.lockfile, false);
  const r = new Reader(opts.config);
  const dropped = unknownKeys(toml, ["creator", "codegen", "inputs"], "", opts.config);

  const creatorTable = r.table(toml.creator, "creator");
  const creatorType = r.oneOf(creatorTable.type, "creator.type", ["user", "group"] as const, "user");
  if (opts.typeRequired && creatorTable.type === undefined)
    r.fail("creator.type", 'is missing (write "user" or "group")');
  const creator = `${creatorType}:${r.id(creatorTable.id, "creator.id")}`;
  const codegen = r.optionalTable(toml.codegen, "codegen") ?? {};
  dropped.push(...unknownKeys(codegen, opts.codegenKeys, "codegen.", opts.config));
  const style = r.oneOf(codegen.style, "codegen.style", ["flat", "nested"] as const, "flat");

  const inputs = Object.entries(r.table(toml.inputs, "inputs")).map(([name, value]) => {
    const at = `inputs.${name}`;
    const table = r.table(value, at);
    dropped.push(...unknownKeys(table, opts.inputKeys, `${at}.`, opts.config));
    const existing: Record<string, number | string> = {};
    for (const [path, web] of Object.entries(r.optionalTable(table.web, `${at}.web`) ?? {})) {
      existing[path] = asNumber(r.id(r.table(web, `${at}.web."${path}"`).id, `${at}.web."${path}".id`));
    }
    return { name, at, table, existing: Object.keys(existing).length > 0 ? existing : undefined };
  });
  const read = lockToml ? [opts.config, opts.lockfile] : [opts.config];
  return { r, lockToml, read, dropped, creator, codegen, style, inputs };
}
