// Git setup for lockfile merging: the `.gitattributes` line that names the merge driver for the lockfile.
// The driver itself is configured per clone (`git config merge.rbxassets.driver ...`): git never takes a
// command from a committed file, so the shell prints that line for the user to run.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LOCKFILE_NAME } from "./lockfile.js";

/** The merge driver's name, as `.gitattributes` and `git config merge.<name>.driver` spell it. */
export const MERGE_DRIVER_NAME = "rbxassets";

/**
 * Adds `<lockfile> merge=rbxassets` to the root's `.gitattributes` unless a line for the lockfile already
 * names that driver. Resolves to the file and whether it changed.
 */
export async function ensureMergeAttributes(
  root: string,
  lockfile: string = LOCKFILE_NAME,
): Promise<{ file: string; added: boolean; line: string }> {
  const file = join(root, ".gitattributes");
  const line = `${lockfile} merge=${MERGE_DRIVER_NAME}`;
  let text = "";
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const present = text
    .split(/\r?\n/)
    .some(
      (existing) =>
        existing.trim().split(/\s+/)[0] === lockfile && existing.includes(`merge=${MERGE_DRIVER_NAME}`),
    );
  if (present) return { file, added: false, line };
  const separator = text === "" || text.endsWith("\n") ? "" : "\n";
  await writeFile(file, `${text}${separator}${line}\n`);
  return { file, added: true, line };
}
