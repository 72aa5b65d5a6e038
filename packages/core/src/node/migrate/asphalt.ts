// asphalt 2.x: `asphalt.toml` (creator, codegen, inputs with a glob, an output folder and base name, bleed,
// `web` assets) and `asphalt.lock.toml`: version 2 keys ids by input and BLAKE3 of the raw file; versions 0
// and 1 by path (with that same BLAKE3 beside each id).
import { posix } from "node:path";
import type { InputConfig, ProjectConfig } from "../project/schema.js";
import { readAsphaltShape } from "./asphalt-shape.js";
import { classifyFiles } from "./files.js";
import { readModuleFile } from "./luau-module.js";
import type { MigrationPlan } from "./plan.js";
import { Reader, type Table } from "./toml.js";

const CONFIG = "asphalt.toml";
const LOCKFILE = "asphalt.lock.toml";

export async function planAsphalt(root: string): Promise<MigrationPlan> {
  const shape = await readAsphaltShape(root, {
    config: CONFIG,
    lockfile: LOCKFILE,
    codegenKeys: ["style", "typescript", "strip_extensions", "content"],
    inputKeys: ["path", "output_path", "output_basename", "bleed", "web"],
    typeRequired: true,
  });
  const { r, codegen, style, creator, dropped } = shape;
  const typescript = r.boolean(codegen.typescript, "codegen.typescript", false);
  const strip = r.boolean(codegen.strip_extensions, "codegen.strip_extensions", false);
  const content = r.boolean(codegen.content, "codegen.content", false);

  const inputs: Record<string, InputConfig> = {};
  for (const { name, at, table: input, existing } of shape.inputs) {
    const include = r.string(input.path, `${at}.path`);
    const folder = r.string(input.output_path, `${at}.output_path`);
    const base = r.optionalString(input.output_basename, `${at}.output_basename`) ?? name;
    const module = posix.normalize(posix.join(folder.replaceAll("\\", "/"), base)).replace(/^\.\//, "");
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
      ...(existing ? { existing } : {}),
    };
  }
  const config: ProjectConfig = { creator, inputs };

  const recorded = shape.lockToml ? readAsphaltLock(shape.lockToml, LOCKFILE) : undefined;
  const plan: MigrationPlan = {
    tool: "asphalt",
    read: shape.read,
    config,
    locks: new Map(),
    inputs: [],
    dropped,
  };
  if (!recorded) dropped.push(`${LOCKFILE} is missing: no id can be kept, the next sync uploads every file`);
  await classifyFiles(root, plan, creator, async (input) => {
    // asphalt's own module tells a changed file (its key is there) from a new one (version 2 keys by hash).
    const module = await readModuleFile(root, input.output.luau!);
    if (module) plan.read.push(input.output.luau!);
    const keyOf = (key: string) => (input.output.extensions === "strip" ? stripLastExtension(key) : key);
    return (facts) => {
      const found = recorded?.find(input.name, facts.file, facts.key, facts.blake3);
      if (found?.id !== undefined) return { id: found.id };
      return found?.changed || module?.has(keyOf(facts.key)) ? "changed" : "unknown";
    };
  });
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
