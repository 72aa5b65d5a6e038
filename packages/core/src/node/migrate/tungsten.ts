// tungsten: `tungsten.toml` (asphalt's shape, with the module's own path as `output_path`) and
// `tungsten.lock.toml`, whose keys are SHA-256 of the *processed* files: they cannot be recomputed, so the
// ids come from the modules tungsten generated (key → id), checked against the lockfile's ids.
import { posix } from "node:path";
import type { ImageAssetType } from "../../spec-facts.js";
import { dpiScaleOf } from "../codegen/dpi.js";
import type { InputConfig, ProjectConfig } from "../project/schema.js";
import { readAsphaltShape } from "./asphalt-shape.js";
import { classifyFiles } from "./files.js";
import { readModuleFile } from "./luau-module.js";
import type { MigrationPlan } from "./plan.js";
import { Reader } from "./toml.js";

const CONFIG = "tungsten.toml";
const LOCKFILE = "tungsten.lock.toml";
const TYPES: Record<string, ImageAssetType | "Animation" | undefined> = {
  image: "Image",
  decal: "Decal",
  animation: "Animation",
};

export async function planTungsten(root: string): Promise<MigrationPlan> {
  const shape = await readAsphaltShape(root, {
    config: CONFIG,
    lockfile: LOCKFILE,
    codegenKeys: ["style", "strip_extension", "ts_declaration"],
    inputKeys: ["path", "output_path", "type", "packable", "bleed", "web"],
    typeRequired: false,
  });
  const { r, codegen, style, creator, dropped, lockToml } = shape;
  const strip = r.boolean(codegen.strip_extension, "codegen.strip_extension", false);
  const dts = r.boolean(codegen.ts_declaration, "codegen.ts_declaration", false);

  const inputs: Record<string, InputConfig> = {};
  for (const { name, at, table: input, existing } of shape.inputs) {
    const luau = clean(r.string(input.output_path, `${at}.output_path`));
    const type = r.optionalString(input.type, `${at}.type`)?.toLowerCase();
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
      ...(existing ? { existing } : {}),
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
    read: shape.read,
    config,
    locks: new Map(),
    inputs: [],
    dropped,
  };
  let sprites = 0;
  let variants = 0;
  const keyOf = (key: string) => (strip ? stripExtension(key) : key);
  await classifyFiles(root, plan, creator, async (input) => {
    const module = await readModuleFile(root, input.output.luau!);
    if (module) plan.read.push(input.output.luau!);
    else
      dropped.push(
        `${input.output.luau} (tungsten's module of input "${input.name}") is missing: its ids cannot be read`,
      );
    const known = lockIds.get(input.name);
    return (facts) => {
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
      if (id !== undefined && (known === undefined || known.has(id))) return { id };
      if (value?.kind === "sprite") sprites++;
      else if (value?.kind === "dpi") variants++;
      else return "unknown";
      return "apart";
    };
  });
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
