// The project commands: sync, init, the emulator, and the lockfile's git merge driver.
import { Argument, Option } from "commander";
import { collect, type Define, examples, integer, NO_QUOTA_CHECK_HELP } from "./program-args.js";

export function defineProjectCommands(define: Define): void {
  define("sync", (c) =>
    c
      .argument(
        "[input-or-path...]",
        "inputs of rbxassets.config.* or files and folders (default: every input, else the project root)",
      )
      .description("upload what is new or changed and record it in the lockfile")
      .option("--check", "upload nothing; exit 1 when something would be uploaded")
      .option(
        "--watch",
        "after syncing, re-sync the project file's inputs as their files change (Ctrl-C stops)",
      )
      .addOption(
        new Option(
          "--target <target>",
          "cloud (upload, the default) or studio (copy into Studio's content folder)",
        )
          .choices(["cloud", "studio"])
          .default("cloud"),
      )
      .option(
        "--expected-price <robux>",
        "most Robux you accept to pay per video upload (Video uploads carry a fee)",
        integer("--expected-price", 0),
      )
      .option(
        "--repack",
        "pack spritesheets afresh instead of keeping their layout (every atlas that changes is uploaded)",
      )
      .option("--no-quota-check", NO_QUOTA_CHECK_HELP)
      .option("--lockfile <path>", "lockfile path (default rbxassets.lock.json in the project root)")
      .option("--ts <out.ts>", "also write a TypeScript module mapping paths to rbxassetid:// ids")
      .option("--luau <out.luau>", "also write a Luau module mapping paths to rbxassetid:// ids")
      .addHelpText(
        "after",
        examples(
          "rbxassets sync",
          "rbxassets sync ui",
          "rbxassets sync assets --ts src/assets.ts --luau src/Assets.luau",
          "rbxassets sync --check",
        ),
      ),
  );
  define("init", (c) =>
    c
      .description(
        "write a project file (rbxassets.config.ts or .json) for this folder; never overwrites one",
      )
      .option("--yes", "take the proposals without asking (needed without a terminal)")
      .option("--from <tool>", "import an asphalt, tarmac or tungsten project, keeping its ids (no upload)")
      .addHelpText(
        "after",
        examples("rbxassets init", "rbxassets init --yes", "rbxassets init --from asphalt"),
      ),
  );
  define("emulator", (c) =>
    c
      .description("run the local Open Cloud Assets emulator until Ctrl-C")
      .option("--port <n>", "port to listen on (default: a free one)", integer("--port", 0, 65535))
      .option("--universe <id>", "an experience (universe id) grants may name (repeat for more)", collect)
      .addHelpText(
        "after",
        examples(
          "rbxassets emulator --port 4010",
          "RBXASSETS_API_URL=http://127.0.0.1:4010/assets RBXASSETS_API_KEY=rbxassets-emulator-key RBXASSETS_CREATOR=user:1 rbxassets upload logo.png --wait",
        ),
      ),
  );

  define("lockfile", (c) =>
    c
      // Its choices let completion offer `merge`.
      .addArgument(
        new Argument("<action>", "merge: act as git's merge driver for the lockfile").choices(["merge"]),
      )
      .argument("<base>", "the common ancestor (git's %O)")
      .argument("<ours>", "our version, where the merge is written (git's %A)")
      .argument("<theirs>", "their version (git's %B)")
      .description("merge two versions of the lockfile (a union by content); used by git as a merge driver")
      .addHelpText(
        "after",
        examples(
          'git config merge.rbxassets.driver "npx rbxassets lockfile merge %O %A %B"',
          "rbxassets lockfile merge base.json ours.json theirs.json",
        ),
      ),
  );
}
