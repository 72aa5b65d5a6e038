// asphalt 2.x: `asphalt.toml` (creator, codegen, inputs with a glob, an output folder and base name, bleed,
// `web` assets) and `asphalt.lock.toml`: version 2 keys ids by input and BLAKE3 of the raw file; versions 0
// and 1 by path (with that same BLAKE3 beside each id).
import { posix } from "node:path";
import type { InputConfig, ProjectConfig } from "../project/schema.js";
import { asNumber, factsOf, importedInputs } from "./files.js";
import { readModuleFile } from "./luau-module.js";
import type { InputMigration, MigrationPlan } from "./plan.js";
import { Reader, readCreatorAndStyle, readToml, type Table, unknownKeys } from "./toml.js";

const CONFIG = "asphalt.toml";
const LOCKFILE = "asphalt.lock.toml";
const TOP_KEYS = ["creator", "codegen", "inputs"];
const CODEGEN_KEYS = ["style", "typescript", "strip_extensions", "content"];
const INPUT_KEYS = ["path", "output_path", "output_basename", "bleed", "web"];

export async function planAsphalt(root: string): Promise<MigrationPlan> {
  const toml = await readToml(root, CONFIG, true);
  const lockToml = await readToml(root, LOCKFILE, false);
  const r = new Reader(CONFIG);
  const dropped = unknownKeys(toml, TOP_KEYS, "", CONFIG);

  const { creator, codegen, style } = readCreatorAndStyle(r, toml, {
    file: CONFIG,
    codegenKeys: CODEGEN_KEYS,
    typeRequired: true,
    dropped,
  });
  const typescript = r.boolean(codegen.typescript, "codegen.typescript", false);
  const strip = r.boolean(codegen.strip_extensions, "codegen.strip_extensions", false);
  const content = r.boolean(codegen.content, "codegen.content", false);

  const inputs: Record<string, InputConfig> = {};
  for (const [name, value] of Object.entries(r.table(toml.inputs, "inputs"))) {
    const at = `inputs.${name}`;
    const input = r.table(value, at);
    dropped.push(...unknownKeys(input, INPUT_KEYS, `${at}.`, CONFIG));
    const include = r.string(input.path, `${at}.path`);
    const folder = r.string(input.output_path, `${at}.output_path`);
    const base = r.optionalString(input.output_basename, `${at}.output_basename`) ?? name;
    const module = posix.normalize(posix.join(folder.replaceAll("\\", "/"), base)).replace(/^\.\//, "");
    const existing: Record<string, number | string> = {};
    for (const [path, web] of Object.entries(r.optionalTable(input.web, `${at}.web`) ?? {})) {
      existing[path] = asNumber(r.id(r.table(web, `${at}.web."${path}"`).id, `${at}.web."${path}".id`));
    }
    inputs[name] = {
      include: include.replace(/^\.\//, ""),
      alphaBleed: r.boolean(input.bleed, `${at}.bleed`, true),
      output: {
        luau: `${module}.luau`,
        ...(typescript ? { dts: `${module}.d.ts` } : {}),
        style,
        extensions: strip ? "strip" : "keep",
        keys: "input",
        ...(content ? { content: true } : {}),
      },
      ...(Object.keys(existing).length > 0 ? { existing } : {}),
    };
  }
  const config: ProjectConfig = { creator, inputs };

  const recorded = lockToml ? readAsphaltLock(lockToml, LOCKFILE) : undefined;
  const plan: MigrationPlan = {
    tool: "asphalt",
    read: lockToml ? [CONFIG, LOCKFILE] : [CONFIG],
    config,
    locks: new Map(),
    inputs: [],
    dropped,
  };
  if (!lockToml)
    plan.dropped.push(`${LOCKFILE} is missing: no id can be kept, the next sync uploads every file`);
  for (const input of await importedInputs(root, config, dropped)) {
    const outcome: InputMigration = {
      name: input.name,
      kept: 0,
      existing: Object.keys(input.existing).length,
      changed: [],
      unknown: [],
    };
    // asphalt's own module tells a changed file (its key is there) from a new one (version 2 keys by hash).
    const module = await readModuleFile(root, input.output.luau!);
    if (module) plan.read.push(input.output.luau!);
    const keyOf = (key: string) => (input.output.extensions === "strip" ? stripLastExtension(key) : key);
    for (const facts of await factsOf(root, input, creator)) {
      const found = recorded?.find(input.name, facts.file, facts.key, facts.blake3);
      if (found?.id !== undefined) {
        plan.locks.set(facts.file, facts.entry(found.id));
        outcome.kept++;
      } else if (found?.changed || module?.has(keyOf(facts.key))) outcome.changed.push(facts.file);
      else outcome.unknown.push(facts.file);
    }
    plan.inputs.push(outcome);
  }
  return plan;
}

/** The ids asphalt recorded, whatever the lockfile's version. */
interface AsphaltRecords {
  /** `id` when this content has one; `changed` when the path has an id for other content. */
  find(
    input: string,
    file: string,
    key: string,
    blake3: string,
  ): { id?: string; changed?: boolean } | undefined;
}

export function readAsphaltLock(toml: Table, file: string): AsphaltRecords {
  const r = new Reader(file);
  const version = toml.version === undefined ? 0 : toml.version;
  if (version === 2) {
    const byInput = new Map<string, Map<string, string>>();
    for (const [input, hashes] of Object.entries(r.table(toml.inputs ?? {}, "inputs"))) {
      const map = new Map<string, string>();
      for (const [hash, entry] of Object.entries(r.table(hashes, `inputs.${input}`))) {
        const at = `inputs.${input}.${hash}`;
        if (!/^[0-9a-f]{64}$/.test(hash)) r.fail(at, "is not a BLAKE3 hash (64 hex digits)");
        map.set(hash, r.id(r.table(entry, at).asset_id, `${at}.asset_id`));
      }
      byInput.set(input, map);
    }
    return {
      find: (input, _file, _key, blake3) => {
        const id = byInput.get(input)?.get(blake3);
        return id === undefined ? undefined : { id };
      },
    };
  }
  if (version !== 0 && version !== 1)
    r.fail("version", `is ${JSON.stringify(version)}; asphalt writes 0, 1 or 2`);
  // Versions 0 and 1: entries by path, each with the BLAKE3 of what was uploaded from it.
  const byPath = new Map<string, { hash: string; id: string }>();
  const readEntries = (table: Table, at: string) => {
    for (const [path, entry] of Object.entries(table)) {
      const where = `${at}."${path}"`;
      const t = r.table(entry, where);
      byPath.set(path.replaceAll("\\", "/").replace(/^\.\//, ""), {
        hash: r.string(t.hash, `${where}.hash`),
        id: r.id(t.asset_id, `${where}.asset_id`),
      });
    }
  };
  if (version === 0) readEntries(r.table(toml.entries ?? {}, "entries"), "entries");
  else
    for (const [input, entries] of Object.entries(r.table(toml.inputs ?? {}, "inputs")))
      readEntries(r.table(entries, `inputs.${input}`), `inputs.${input}`);
  return {
    find: (_input, file, key, blake3) => {
      const record = byPath.get(file) ?? byPath.get(key);
      if (!record) return undefined;
      return record.hash === blake3 ? { id: record.id } : { changed: true };
    },
  };
}

/** A key without the last file name's extension (`a/b.png` → `a/b`), as asphalt's `strip_extensions`. */
function stripLastExtension(key: string): string {
  const slash = key.lastIndexOf("/");
  const dot = key.lastIndexOf(".");
  return dot > slash + 1 ? key.slice(0, dot) : key;
}
