// The files an imported input holds now, as rbxassets will see them on the next sync, with what the
// import compares (BLAKE3 of the raw bytes, as asphalt and tarmac record it) and what our lockfile keeps
// (our own content hash, the asset type and the processing fingerprint the prepare stage will look up).
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { blake3 } from "@noble/hashes/blake3.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { extensionInfo } from "../formats.js";
import { hashBytes } from "../hash.js";
import type { LockEntry } from "../lockfile.js";
import { isAnimationModel } from "../model-root.js";
import { imageFingerprint, resolveProcessOptions } from "../process/options.js";
import { PNG_HEAD_BYTES } from "../process/png-header.js";
import { checkOutputs, outputPaths, type ProjectInput, resolveInputs } from "../project/inputs.js";
import type { ProjectConfig } from "../project/schema.js";
import { checkProjectConfig } from "../project/schema-check.js";
import { type InputMigration, MigrationError, type MigrationPlan } from "./plan.js";

export interface FileFacts {
  file: string;
  /** Path below the input's base. */
  key: string;
  bytes: Buffer;
  blake3: string;
  /** The lockfile entry for this content, given its id. */
  entry(assetId: string): LockEntry;
}

/**
 * The imported project's inputs with their files, as the next sync will expand them. What that sync would
 * refuse (two inputs claiming one file, a module inside an input) goes to `notes`, for the user to mend.
 */
export async function importedInputs(
  root: string,
  config: ProjectConfig,
  notes: string[],
): Promise<ProjectInput[]> {
  const { spec, problems } = checkProjectConfig(config);
  if (!spec)
    throw new MigrationError(
      "migrate-config",
      `the imported settings are not a valid project file: ${problems[0]}`,
    );
  const checked = await resolveInputs(root, spec.inputs, outputPaths(spec.inputs), true);
  for (const problem of [...checked.problems, ...checkOutputs(root, spec.inputs, spec.lockfile)])
    notes.push(`rbxassets.config.json: ${problem} (the next sync refuses until it is mended)`);
  return checked.inputs;
}

/** An id as a JSON number where it is exact (every Roblox id so far), else as digits. */
export function asNumber(id: string): number | string {
  return Number.isSafeInteger(Number(id)) ? Number(id) : id;
}

/** Reads and hashes every file of the input. */
export async function factsOf(root: string, input: ProjectInput, creator: string): Promise<FileFacts[]> {
  const processing = resolveProcessOptions(input.processing);
  return Promise.all(
    input.files.map(async ({ file, key }) => {
      const absolute = join(root, file);
      const bytes = await readFile(absolute);
      const info = extensionInfo(extname(file).slice(1).toLowerCase());
      const extension = extname(file).slice(1).toLowerCase();
      // What the prepare stage will look up: the input's types, else the content's (an animation root).
      const assetType =
        info?.kind === "image"
          ? input.assetType
          : (input.modelAssetType ??
            (info?.assetTypes.includes("Animation") && isAnimationModel(bytes, extension)
              ? "Animation"
              : (info?.assetTypes[0] ?? "Model")));
      const process =
        info?.kind === "image"
          ? imageFingerprint(processing, absolute, () => bytes.subarray(0, PNG_HEAD_BYTES))
          : undefined;
      const hash = hashBytes(bytes);
      return {
        file,
        key,
        bytes,
        blake3: blake3Hex(bytes),
        entry: (assetId: string): LockEntry => ({
          assetId,
          assetType,
          hash,
          creator,
          ...(process !== undefined ? { process } : {}),
        }),
      };
    }),
  );
}

/**
 * BLAKE3 (what asphalt and tarmac key their records on), only while importing: @noble/hashes is audited,
 * pure JavaScript (no native binary to build or download) and already the common choice on npm.
 */
export function blake3Hex(bytes: Uint8Array): string {
  return bytesToHex(blake3(bytes));
}

/** What an import makes of one file: it keeps this id, it changed, the other tool never uploaded it, or
 * it is counted apart (a spritesheet slice, a DPI variant) by the tool's own reader. */
export type FileVerdict = { id: string } | "changed" | "unknown" | "apart";

/**
 * Walks every imported input's files and records what `classifierFor(input)` (called once per input, after
 * what it reads for that input) says of each: kept ids become lockfile entries, the rest the input's outcome.
 */
export async function classifyFiles(
  root: string,
  plan: MigrationPlan,
  creator: string,
  classifierFor: (input: ProjectInput) => Promise<(facts: FileFacts) => FileVerdict>,
): Promise<void> {
  for (const input of await importedInputs(root, plan.config, plan.dropped)) {
    const classify = await classifierFor(input);
    const outcome: InputMigration = {
      name: input.name,
      kept: 0,
      existing: Object.keys(input.existing).length,
      changed: [],
      unknown: [],
    };
    for (const facts of await factsOf(root, input, creator)) {
      const verdict = classify(facts);
      if (typeof verdict === "object") {
        plan.locks.set(facts.file, facts.entry(verdict.id));
        outcome.kept++;
      } else if (verdict === "changed") outcome.changed.push(facts.file);
      else if (verdict === "unknown") outcome.unknown.push(facts.file);
    }
    plan.inputs.push(outcome);
  }
}
