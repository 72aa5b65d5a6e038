// Checks whatever a project file exports against the schema (schema.ts): every problem at once, one line
// each, `<key>: <what is wrong> — <what to write instead>`, unknown keys (with a did-you-mean) among them.
// The keys a part allows are read from the schema's entries: nothing here lists them again.
import * as v from "valibot";
import {
  checkableInputSchema,
  checkableOutputSchema,
  checkableProjectSchema,
  INPUT_NAME,
  type InputSpec,
  inputSpec,
  MISSING_FIX,
  type ProjectSpec,
  projectSchema,
} from "./schema.js";
import { closeEnough } from "./schema-words.js";

/** One problem, by the key path it concerns; `unknown` for a key the schema does not have. */
interface Found {
  path: string[];
  unknown: boolean;
  line: string;
}

/**
 * Checks the whole exported value. The spec holds what could be read (each input's globs and outputs,
 * whatever else is wrong), so that the file-system checks still run and report in the same pass; it is
 * usable only when there is no problem.
 */
export function checkProjectConfig(value: unknown): { spec?: ProjectSpec; problems: string[] } {
  const parsed = v.safeParse(projectSchema, value, { abortPipeEarly: true });
  const found = [...(parsed.issues ?? []).map(fromIssue), ...unknownKeys(projectSchema, value, [])];
  const problems = ordered(found).map((f) => f.line);
  if (parsed.success) {
    const { creator, lockfile, inputs, grant } = parsed.output;
    const specs = Object.entries(inputs).map(([name, input]) => inputSpec(name, input, grant?.experiences));
    return {
      spec: {
        ...(creator !== undefined && { creator }),
        ...(lockfile !== undefined && { lockfile }),
        inputs: specs,
      },
      problems,
    };
  }
  return isRecord(value) ? { spec: checkableSpec(value), problems } : { problems };
}

/** What the file-system checks can use of a file with problems: its lockfile and its readable inputs. */
function checkableSpec(value: Record<string, unknown>): ProjectSpec {
  const top = v.safeParse(checkableProjectSchema, value);
  const inputs: InputSpec[] = [];
  if (isRecord(value.inputs)) {
    for (const [name, input] of Object.entries(value.inputs)) {
      const read = v.safeParse(checkableInputSchema, input);
      if (!INPUT_NAME.test(name) || !read.success) continue;
      // Outputs with a problem of their own are left out of the checks against the files.
      const output = v.safeParse(checkableOutputSchema, (input as Record<string, unknown>).output);
      inputs.push(
        inputSpec(name, {
          ...read.output,
          assetType: "Image",
          existing: {},
          output: output.success
            ? output.output
            : { style: "nested", extensions: "strip", keys: "input", content: false },
        }),
      );
    }
  }
  return {
    ...(top.success && top.output.lockfile !== undefined && { lockfile: top.output.lockfile }),
    inputs,
  };
}

function fromIssue(issue: v.BaseIssue<unknown>): Found {
  const path = (issue.path ?? []).map((item) => String(item.key));
  const key = path.at(-1);
  // A required key left out: valibot words it on the object; the key's own fix says what to write.
  if (issue.input === undefined && key !== undefined && issue.expected === `"${key}"`) {
    return { path, unknown: false, line: `${path.join(".")}: is missing — ${MISSING_FIX[key] ?? "add it"}` };
  }
  return { path, unknown: false, line: `${path.join(".") || "default export"}: ${issue.message}` };
}

/** The parts of a valibot schema the walk reads (optional's `wrapped`, union's `options`, …). */
interface SchemaParts {
  type: string;
  wrapped?: unknown;
  options?: unknown[];
  value?: unknown;
  entries?: Record<string, unknown>;
}

/** Keys the schema does not have, in every part of the value, each with a did-you-mean when one is near. */
function unknownKeys(part: unknown, value: unknown, path: string[]): Found[] {
  const schema = part as SchemaParts;
  if (schema.wrapped) return unknownKeys(schema.wrapped, value, path);
  if (schema.type === "union" && schema.options) {
    return schema.options.flatMap((option) => unknownKeys(option, value, path));
  }
  if (!isRecord(value)) return [];
  if (schema.type === "record" && schema.value) {
    const item = schema.value;
    return Object.entries(value).flatMap(([key, entry]) => unknownKeys(item, entry, [...path, key]));
  }
  if (!schema.entries) return [];
  const known = Object.keys(schema.entries);
  const found: Found[] = [];
  for (const [key, entry] of Object.entries(value)) {
    const at = [...path, key];
    const entrySchema = schema.entries[key];
    if (entrySchema) {
      found.push(...unknownKeys(entrySchema, entry, at));
      continue;
    }
    const near = known.find((k) => closeEnough(k, key));
    const fix = near
      ? `did you mean "${near}"? (keys here: ${known.join(", ")})`
      : `remove it (keys here: ${known.join(", ")})`;
    found.push({ path: at, unknown: true, line: `${at.join(".")}: is not a known key — ${fix}` });
  }
  return found;
}

/**
 * Problems in the order the file reads: a part's unknown keys first, then its keys' problems, each key's
 * in the order they were found (the schema's order for fixed keys, the file's for inputs).
 */
function ordered(found: Found[], depth = 0): Found[] {
  const unknownHere = (f: Found) => f.unknown && f.path.length === depth + 1;
  const itself = found.filter((f) => f.path.length <= depth);
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    if (f.path.length <= depth || unknownHere(f)) continue;
    const key = f.path[depth]!;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [
    ...itself,
    ...found.filter(unknownHere),
    ...[...groups.values()].flatMap((group) => ordered(group, depth + 1)),
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
