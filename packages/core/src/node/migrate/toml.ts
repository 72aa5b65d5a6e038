// Reading the other tools' TOML files (smol-toml: a small, spec-complete TOML 1.0 parser without
// dependencies), and typed access to their values that names the file and key of anything malformed.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, TomlError } from "smol-toml";
import { MigrationError, MigrationSourceError } from "./plan.js";

export type Table = Record<string, unknown>;

/** The file's table; undefined when it does not exist (and `required` is false). */
export async function readToml(root: string, file: string, required: true): Promise<Table>;
export async function readToml(root: string, file: string, required: false): Promise<Table | undefined>;
export async function readToml(root: string, file: string, required: boolean): Promise<Table | undefined> {
  let text: string;
  try {
    text = await readFile(join(root, file), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      if (!required) return undefined;
      throw new MigrationError(
        "migrate-missing",
        `${file} is not in ${root} — run init --from in the folder that holds it`,
      );
    }
    throw error;
  }
  try {
    return parse(text) as Table;
  } catch (error) {
    if (error instanceof TomlError) {
      throw new MigrationSourceError(
        file,
        `line ${error.line}`,
        `not valid TOML (${error.message.split("\n")[0]})`,
      );
    }
    throw error;
  }
}

/** Typed reads of one file's values: each failure names the file and the dotted key. */
export class Reader {
  constructor(readonly file: string) {}

  fail(key: string, problem: string): never {
    throw new MigrationSourceError(this.file, key, problem);
  }

  table(value: unknown, key: string): Table {
    if (typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date))
      return value as Table;
    return this.fail(key, "is not a table");
  }

  optionalTable(value: unknown, key: string): Table | undefined {
    return value === undefined ? undefined : this.table(value, key);
  }

  string(value: unknown, key: string): string {
    if (typeof value === "string" && value !== "") return value;
    return this.fail(key, value === undefined ? "is missing" : "is not a string");
  }

  optionalString(value: unknown, key: string): string | undefined {
    return value === undefined ? undefined : this.string(value, key);
  }

  boolean(value: unknown, key: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === "boolean") return value;
    return this.fail(key, "is not true or false");
  }

  /** A positive whole number (an asset, user or group id), as digits. */
  id(value: unknown, key: string): string {
    if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return String(value);
    if (typeof value === "bigint" && value > 0n) return value.toString();
    return this.fail(key, value === undefined ? "is missing" : "is not an id (a positive whole number)");
  }

  oneOf<T extends string>(value: unknown, key: string, options: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (options.includes(value as T)) return value as T;
    return this.fail(key, `is not one of ${options.map((o) => JSON.stringify(o)).join(", ")}`);
  }
}

/** Keys of a table that the tool's format does not have: reported, never fatal. */
export function unknownKeys(table: Table, known: readonly string[], prefix: string, file: string): string[] {
  return Object.keys(table)
    .filter((key) => !known.includes(key))
    .map((key) => `${file}: ${prefix}${key} is not carried over (rbxassets has no such setting)`);
}
