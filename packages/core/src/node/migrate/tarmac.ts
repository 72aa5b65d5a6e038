// tarmac: `tarmac.toml` (a list of inputs: glob, codegen, codegen-path, codegen-base-path, packable; an
// optional group to upload to) and `tarmac-manifest.toml`: per project path, the BLAKE3 of the raw file,
// its id, and for packed images the slice of a spritesheet.
import { posix } from "node:path";
import { globBase } from "../project/inputs.js";
import type { InputConfig, ProjectConfig } from "../project/schema.js";
import { classifyFiles } from "./files.js";
import { MigrationError, type MigrationPlan } from "./plan.js";
import { Reader, readToml, unknownKeys } from "./toml.js";

const CONFIG = "tarmac.toml";
const MANIFEST = "tarmac-manifest.toml";
const TOP_KEYS = ["name", "max-spritesheet-size", "upload-to-group-id", "inputs"];
const INPUT_KEYS = ["glob", "codegen", "codegen-path", "codegen-base-path", "packable"];

export async function planTarmac(root: string, options: { creator?: string } = {}): Promise<MigrationPlan> {
  const toml = await readToml(root, CONFIG, true);
  const manifestToml = await readToml(root, MANIFEST, false);
  const r = new Reader(CONFIG);
  const dropped = unknownKeys(toml, TOP_KEYS, "", CONFIG);
  r.string(toml.name, "name");
  const group = toml["upload-to-group-id"];
  const creator = group !== undefined ? `group:${r.id(group, "upload-to-group-id")}` : options.creator;
  if (creator === undefined) {
    throw new MigrationError(
      "migrate-creator",
      `${CONFIG} names no upload-to-group-id: say which account tarmac uploaded with (RBXASSETS_CREATOR=user:<id>) and run again`,
    );
  }
  let maxSize: number | undefined;
  const size = toml["max-spritesheet-size"];
  if (size !== undefined) {
    if (!Array.isArray(size) || size.length !== 2 || !size.every((n) => Number.isInteger(n)))
      return r.fail("max-spritesheet-size", "is not [width, height]");
    maxSize = Math.min(size[0] as number, size[1] as number);
  }

  const inputs: Record<string, InputConfig> = {};
  const list = toml.inputs === undefined ? [] : toml.inputs;
  if (!Array.isArray(list)) return r.fail("inputs", "is not a list of [[inputs]]");
  list.forEach((value: unknown, n: number) => {
    const at = `inputs[${n}]`;
    const input = r.table(value, at);
    dropped.push(...unknownKeys(input, INPUT_KEYS, `${at}.`, CONFIG));
    const include = r.string(input.glob, `${at}.glob`).replaceAll("\\", "/").replace(/^\.\//, "");
    const name = uniqueName(inputs, include);
    const packable = r.boolean(input.packable, `${at}.packable`, false);
    const config: InputConfig = { include };
    if (packable) config.spritesheet = maxSize !== undefined && maxSize !== 1024 ? { maxSize } : true;
    if (r.boolean(input.codegen, `${at}.codegen`, false)) {
      const path = r.optionalString(input["codegen-path"], `${at}.codegen-path`);
      const base = clean(r.optionalString(input["codegen-base-path"], `${at}.codegen-base-path`) ?? "");
      if (path === undefined) {
        dropped.push(
          `${CONFIG}: ${at} generates a module beside each file (no codegen-path): not carried over — add output.luau to input "${name}" for one module`,
        );
      } else {
        let keys: "input" | "project" = "input";
        if (base === "") keys = "project";
        else if (base !== globBase(include))
          dropped.push(
            `${CONFIG}: ${at}.codegen-base-path "${base}" is not the glob's base: keys start below "${globBase(include)}"`,
          );
        config.output = { luau: clean(path), style: "nested", extensions: "strip", keys };
      }
    }
    inputs[name] = config;
  });
  const config: ProjectConfig = { creator, inputs };

  // The manifest: project path → { hash, id, slice? }.
  const recorded = new Map<string, { hash: string; id?: string; slice: boolean }>();
  if (manifestToml) {
    const m = new Reader(MANIFEST);
    for (const [path, value] of Object.entries(m.table(manifestToml.inputs ?? {}, "inputs"))) {
      const at = `inputs."${path}"`;
      const entry = m.table(value, at);
      recorded.set(clean(path), {
        hash: m.string(entry.hash, `${at}.hash`),
        ...(entry.id !== undefined ? { id: m.id(entry.id, `${at}.id`) } : {}),
        slice: entry.slice !== undefined,
      });
    }
  } else dropped.push(`${MANIFEST} is missing: no id can be kept, the next sync uploads every file`);

  const plan: MigrationPlan = {
    tool: "tarmac",
    read: manifestToml ? [CONFIG, MANIFEST] : [CONFIG],
    config,
    locks: new Map(),
    inputs: [],
    dropped,
  };
  let slices = 0;
  await classifyFiles(root, plan, creator, async () => (facts) => {
    const record = recorded.get(facts.file);
    if (!record || record.id === undefined) return "unknown";
    if (record.hash !== facts.blake3) return "changed";
    if (!record.slice) return { id: record.id };
    slices++;
    return "apart";
  });
  if (slices > 0)
    dropped.push(
      `${slices} spritesheet slice${slices === 1 ? "" : "s"} cannot be reused (tarmac's atlases are not ours): the next sync packs and uploads them again`,
    );
  return plan;
}

/** An input name from the glob's base folder (tarmac's inputs have none), unique in the project. */
function uniqueName(taken: Record<string, unknown>, include: string): string {
  const base = globBase(include).split("/").pop() || "assets";
  const name = base.replace(/[^A-Za-z0-9_.-]/g, "_").replace(/^[.-]+/, "") || "assets";
  let unique = name;
  for (let n = 2; unique in taken; n++) unique = `${name}-${n}`;
  return unique;
}

function clean(path: string): string {
  const normal = posix.normalize(path.replaceAll("\\", "/")).replace(/^\.\//, "").replace(/\/$/, "");
  return normal === "." ? "" : normal;
}
