// The commands on one asset: upload, get, update, archive, restore, versions, version, rollback, operation.
import { limits, socialLinkKinds, uploadableExtensions } from "@rbxassets/core";
import { type Command, Option } from "commander";
import {
  assetType,
  collect,
  type Define,
  examples,
  integer,
  keyValue,
  list,
  NO_QUOTA_CHECK_HELP,
  UPLOAD_TYPES,
} from "./program-args.js";

export function defineAssetCommands(define: Define): void {
  define("upload", (c) =>
    c
      .argument("<file>", `the file to upload (${uploadableExtensions.join(", ")})`)
      .description("upload a file as a new asset; a file inside the project is recorded in the lockfile")
      .addOption(
        new Option("--type <type>", `asset type: ${UPLOAD_TYPES.join("|")} (default: from the file)`)
          .choices(UPLOAD_TYPES) // for completion; the parser below accepts any case
          .argParser(assetType),
      )
      .option(
        "--name <name>",
        `display name, at most ${limits.maxDisplayNameLength} characters (default: the file name without its extension)`,
      )
      .option("--description <text>", `description (at most ${limits.maxDescriptionLength} characters)`)
      .option(
        "--expected-price <robux>",
        "most Robux you accept to pay (Video uploads carry a fee)",
        integer("--expected-price", 0),
      )
      .option(
        "--wait",
        "wait for the upload to finish and print the asset id and moderation state (always, for a file inside the project: the lockfile records the id)",
      )
      .option("--no-quota-check", NO_QUOTA_CHECK_HELP)
      .addHelpText(
        "after",
        examples(
          "rbxassets upload images/logo.png --wait",
          "rbxassets upload sword.rbxm --type Model --name Sword",
          "rbxassets upload intro.mp4 --expected-price 2000 --json",
        ),
      ),
  );
  define("get", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .description("show an asset")
      .option(
        "--fields <a,b>",
        "only these fields (sent as the readMask), e.g. displayName,description,icon",
        list,
      )
      .addHelpText(
        "after",
        examples("rbxassets get 1234567890", "rbxassets get 1234567890 --fields description,previews --json"),
      ),
  );
  define("update", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .description("change an asset's metadata, or its content (Models only: commits a new version)")
      .option("--file <path>", "new content (Models only)")
      .option("--name <name>", `new display name (at most ${limits.maxDisplayNameLength} characters)`)
      .option("--description <text>", `new description (at most ${limits.maxDescriptionLength} characters)`)
      .option("--icon <imageId>", "icon: a square Image asset id")
      .option(
        "--preview <imageId[:alt]>",
        "a preview Image asset id, with optional alt text (repeat for more)",
        collect,
      )
      .option(
        "--social <kind=uri>",
        `a social link, e.g. github=https://github.com/me (repeat, at most ${limits.maxSocialLinks}); kinds: ${socialLinkKinds.join(", ")}`,
        keyValue,
      )
      .option(
        "--expected-price <robux>",
        "most Robux you accept to pay for new content",
        integer("--expected-price", 0),
      )
      .option("--wait", "wait for the update to finish")
      .addHelpText(
        "after",
        examples(
          'rbxassets update 1234567890 --name "Sword (v2)" --description "Sharper"',
          "rbxassets update 1234567890 --file sword.fbx --wait",
          "rbxassets update 1234567890 --icon 222 --preview 333:Front --social github=https://github.com/me",
        ),
      ),
  );
  define("archive", (c) =>
    onAsset(
      c,
      "archive an asset (it stops showing in experiences; `restore` undoes it)",
      "rbxassets archive 1234567890",
    ),
  );
  define("restore", (c) => onAsset(c, "restore an archived asset", "rbxassets restore 1234567890"));
  define("versions", (c) =>
    c
      .argument("<assetId>", "the asset id")
      .description("list an asset's versions, newest first")
      .option("--all", "every version (follows page tokens)")
      .option(
        "--page-size <n>",
        `versions per page, 1-${limits.maxPageSize} (default ${limits.defaultPageSize})`,
        integer("--page-size", 1, limits.maxPageSize),
      )
      .option("--page-token <token>", "the page to show (from the previous page's nextPageToken)")
      .addHelpText(
        "after",
        examples(
          "rbxassets versions 1234567890",
          "rbxassets versions 1234567890 --page-size 2 --json",
          "rbxassets versions 1234567890 --all",
        ),
      ),
  );
  define("version", (c) =>
    onAsset(c, "show one version of an asset", "rbxassets version 1234567890 3", "the version number"),
  );
  define("rollback", (c) =>
    onAsset(
      c,
      "make an earlier version current again",
      "rbxassets rollback 1234567890 2",
      "the version to make current (committed as a new version)",
    ),
  );
  define("operation", (c) =>
    c
      .argument("<operationId>", "the operation id printed by upload or update")
      .description("show a Create/Update operation")
      .option("--wait", "poll (with backoff) until the operation is done")
      .addHelpText("after", examples("rbxassets operation 9d7a8c7e-1f2b-4c3d-8e9f-0a1b2c3d4e5f --wait")),
  );
}

/** A command on one asset (`<assetId>`, and `<n>` when it names a version) with its one example. */
function onAsset(c: Command, description: string, example: string, version?: string): Command {
  const withId = c.argument("<assetId>", "the asset id");
  return (version === undefined ? withId : withId.argument("<n>", version))
    .description(description)
    .addHelpText("after", examples(example));
}
