import { readFile, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import ignore, { type Ignore } from "ignore";

/** Folders no walk ever enters, whatever `.gitignore` says: dependencies and git's own store. */
const NEVER_ENTERED = new Set(["node_modules", ".git"]);

/**
 * Git's ignore rules for a project: every `.gitignore` from the repository's top down to the folder being
 * walked, plus `.git/info/exclude`. Deeper files override shallower ones (a `!pattern` re-includes), as
 * in git. Rules files are read once per folder.
 */
export class IgnoreRules {
  readonly #top: string;
  readonly #levels = new Map<string, Promise<Ignore | undefined>>();

  private constructor(top: string) {
    this.#top = top;
  }

  /** Rules for walks under `root`: the repository holding it, or `root` itself outside git. */
  static async forRoot(root: string): Promise<IgnoreRules> {
    const gitTop = await findGitTop(root);
    const rules = new IgnoreRules(gitTop ?? root);
    if (gitTop) {
      rules.#levels.set(
        gitTop,
        readRules([join(gitTop, ".gitignore"), join(gitTop, ".git", "info", "exclude")]),
      );
    }
    return rules;
  }

  /** Whether a walk skips this entry (`directory`: it is a folder, so `dist/` patterns match it). */
  async ignores(absolute: string, directory: boolean): Promise<boolean> {
    const name = absolute.slice(absolute.lastIndexOf(sep) + 1);
    if (directory && NEVER_ENTERED.has(name)) return true;
    const rel = relative(this.#top, absolute);
    if (rel === "" || rel.startsWith("..")) return false;
    let ignored = false;
    // From the top folder down to the entry's parent: each level's rules see the path relative to it.
    const parts = rel.split(sep);
    let dir = this.#top;
    for (let i = 0; i < parts.length; i++) {
      const level = await this.#level(dir);
      if (level) {
        const path = parts.slice(i).join("/") + (directory ? "/" : "");
        const verdict = level.test(path);
        if (verdict.ignored) ignored = true;
        else if (verdict.unignored) ignored = false;
      }
      dir = join(dir, parts[i]!);
    }
    return ignored;
  }

  #level(dir: string): Promise<Ignore | undefined> {
    let level = this.#levels.get(dir);
    if (!level) {
      level = readRules([join(dir, ".gitignore")]);
      this.#levels.set(dir, level);
    }
    return level;
  }
}

async function readRules(files: string[]): Promise<Ignore | undefined> {
  const texts: string[] = [];
  for (const file of files) {
    try {
      texts.push(await readFile(file, "utf8"));
    } catch {
      // No rules file at this level (the usual case), or one we cannot read: git would skip it too.
    }
  }
  return texts.length === 0 ? undefined : ignore().add(texts.join("\n"));
}

async function findGitTop(from: string): Promise<string | undefined> {
  let dir = from;
  for (;;) {
    if (await exists(join(dir, ".git"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
