// tungsten: `tungsten.toml` (asphalt's shape, with the module's own path as `output_path`) and
// `tungsten.lock.toml`, whose keys are SHA-256 of the *processed* files: they cannot be recomputed, so the
// ids come from the modules tungsten generated (key → id), checked against the lockfile's ids.
import { posix } from "node:path";
import type { ImageAssetType } from "../../spec-facts.js";
import { dpiScaleOf } from "../codegen/dpi.js";
import type { InputConfig, ProjectConfig } from "../project/schema.js";
import { asNumber, factsOf, importedInputs } from "./files.js";
import { readModuleFile } from "./luau-module.js";
import type { InputMigration, MigrationPlan } from "./plan.js";
import { Reader, readCreatorAndStyle, readToml, unknownKeys } from "./toml.js";

const CONFIG = "tungsten.toml";
const LOCKFILE = "tungsten.lock.toml";
const TOP_KEYS = ["creator", "codegen", "inputs"];
const CODEGEN_KEYS = ["style", "strip_extension", "ts_declaration"];
const INPUT_KEYS = ["path", "output_path", "type", "packable", "bleed", "web"];
const TYPES: Record<string, ImageAssetType | "Animation" | undefined> = {
  image: "Image",
  decal: "Decal",
  animation: "Animation",
};

export async function planTungsten(root: string): Promise<MigrationPlan> {
  const toml = await readToml(root, CONFIG, true);
  const lockToml = await readToml(root, LOCKFILE, false);
  const r = new Reader(CONFIG);
  const dropped = unknownKeys(toml, TOP_KEYS, "", CONFIG);
  const { creator, codegen, style } = readCreatorAndStyle(r, toml, {
    file: CONFIG,
    codegenKeys: CODEGEN_KEYS,
    typeRequired: false,
    dropped,
  });
  const strip = r.boolean(codegen.strip_extension, "codegen.strip_extension", false);
  const dts = r.boolean(codegen.ts_declaration, "codegen.ts_declaration", false);

  const inputs: Record<string, InputConfig> = {};
  for (const [name, value] of Object.entries(r.table(toml.inputs, "inputs"))) {
    const at = `inputs.${name}`;
    const input = r.table(value, at);
    dropped.push(...unknownKeys(input, INPUT_KEYS, `${at}.`, CONFIG));
    const luau = clean(r.string(input.output_path, `${at}.output_path`));
    const type = r.optionalString(input.type, `${at}.type`)?.toLowerCase();
    const existing: Record<string, number | string> = {};
    for (const [path, web] of Object.entries(r.optionalTable(input.web, `${at}.web`) ?? {})) {
      existing[path] = asNumber(r.id(r.table(web, `${at}.web."${path}"`).id, `${at}.web."${path}".id`));
    }
    const assetType = type === undefined ? undefined : TYPES[type];
    inputs[name] = {
      include: clean(r.string(input.path, `${at}.path`)),
      ...(assetType && assetType !== "Image" ? { assetType } : {}),
      ...(input.bleed !== undefined ? { alphaBleed: r.boolean(input.bleed, `${at}.bleed`, true) } : {}),
      ...(r.boolean(input.packable, `${at}.packable`, false) ? { spritesheet: true } : {}),
      output: {
        luau,
        ...(dts ? { dts: luau.replace(/\.(luau|lua)$/, ".d.ts") } : {}),
        style,
        extensions: strip ? "strip" : "keep",
        keys: "input",
      },
      ...(Object.keys(existing).length > 0 ? { existing } : {}),
    };
  }
  const config: ProjectConfig = { creator, inputs };

  // The ids tungsten's lockfile holds, per input: a module's id is taken only if tungsten recorded it.
  const lockIds = new Map<string, Set<string>>();
  if (lockToml) {
    const l = new Reader(LOCKFILE);
    for (const [input, hashes] of Object.entries(l.table(lockToml.inputs ?? {}, "inputs"))) {
      const ids = new Set<string>();
      for (const [hash, entry] of Object.entries(l.table(hashes, `inputs.${input}`))) {
        const id = l.table(entry, `inputs.${input}.${hash}`).asset_id;
        if (id !== undefined) ids.add(l.id(id, `inputs.${input}.${hash}.asset_id`));
      }
      lockIds.set(input, ids);
    }
  }

  const plan: MigrationPlan = {
    tool: "tungsten",
    read: [CONFIG],
    config,
    locks: new Map(),
    inputs: [],
    dropped,
  };
  if (lockToml) plan.read.push(LOCKFILE);
  let sprites = 0;
  let variants = 0;
  for (const input of await importedInputs(root, config, dropped)) {
    const module = await readModuleFile(root, input.output.luau!);
    if (module) plan.read.push(input.output.luau!);
    else
      dropped.push(
        `${input.output.luau} (tungsten's module of input "${input.name}") is missing: its ids cannot be read`,
      );
    const outcome: InputMigration = {
      name: input.name,
      kept: 0,
      existing: Object.keys(input.existing).length,
      changed: [],
      unknown: [],
    };
    const known = lockIds.get(input.name);
    for (const facts of await factsOf(root, input, creator)) {
      const keyOf = (key: string) => (strip ? stripExtension(key) : key);
      let value = module?.get(keyOf(facts.key));
      let id = value?.kind === "id" ? value.id : undefined;
      // A DPI variant (`icon@2x.png`) is a branch of its group's function (`icon`).
      const { base, scale } = dpiScaleOf(facts.key);
      // tungsten names a DPI group by its path without extension.
      const group = value === undefined ? module?.get(stripExtension(base)) : value;
      if (group?.kind === "dpi") {
        value = group;
        id = group.ids?.get(scale);
      }
      if (id !== undefined && (known === undefined || known.has(id))) {
        plan.locks.set(facts.file, facts.entry(id));
        outcome.kept++;
      } else if (value?.kind === "sprite") sprites++;
      else if (value?.kind === "dpi") variants++;
      else outcome.unknown.push(facts.file);
    }
    plan.inputs.push(outcome);
  }
  if (!lockToml) dropped.push(`${LOCKFILE} is missing: ids are taken from the modules alone`);
  dropped.push(
    "tungsten hashes processed files, so a file edited since tungsten's last sync cannot be told apart: run tungsten sync before importing",
  );
  if (sprites > 0)
    dropped.push(
      `${sprites} spritesheet slice${sprites === 1 ? "" : "s"} cannot be reused: the next sync packs and uploads them again`,
    );
  if (variants > 0)
    dropped.push(
      `${variants} DPI variant${variants === 1 ? "" : "s"} whose id the module does not say plainly: uploaded again by the next sync`,
    );
  return plan;
}

/** tungsten strips from the last dot of the whole key. */
function stripExtension(key: string): string {
  const dot = key.lastIndexOf(".");
  return dot > 0 ? key.slice(0, dot) : key;
}

function clean(path: string): string {
  return posix.normalize(path.replaceAll("\\", "/")).replace(/^\.\//, "");
}
