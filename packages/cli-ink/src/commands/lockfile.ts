// `rbxassets lockfile merge <base> <ours> <theirs>`: git's merge driver for the lockfile (%O %A %B). Writes
// the union into <ours> and exits 0; a side that is not a lockfile exits 1, so git leaves the conflict.
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { mergeLockfiles } from "@rbxassets/core/node";
import type { CommandEnv, CommandResult } from "../command-env.js";
import { CliError, ExitCode } from "../errors.js";

/** The one line to run once per clone, so that git uses the driver `.gitattributes` names. */
export const MERGE_DRIVER_CONFIG =
  'git config merge.rbxassets.driver "npx rbxassets lockfile merge %O %A %B"';

async function readSide(path: string, missingIsEmpty: boolean): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (missingIsEmpty && (error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
}

export async function run(env: CommandEnv, [action, base, ours, theirs]: string[]): Promise<CommandResult> {
  if (action !== "merge" || !base || !ours || !theirs) {
    throw new CliError("usage: rbxassets lockfile merge <base> <ours> <theirs> (git's %O %A %B)", {
      rule: "usage",
    });
  }
  // git hands an empty base file when the lockfile is new on both sides.
  const [baseText, oursText, theirsText] = await Promise.all([
    readSide(base, true),
    readSide(ours, false),
    readSide(theirs, false),
  ]);
  const merged = mergeLockfiles(baseText, oursText, theirsText, basename(ours));
  await writeFile(ours, merged.text);
  env.out.result({ entries: merged.data.assets.size, conflicts: merged.conflicts }, () =>
    [
      `rbxassets: merged the lockfile (${merged.data.assets.size} entries)`,
      ...merged.conflicts.map(
        (c) => `rbxassets: both sides recorded ${c.key} differently: kept ${c.kept}, dropped ${c.dropped}`,
      ),
    ].join("\n"),
  );
  return ExitCode.ok;
}
