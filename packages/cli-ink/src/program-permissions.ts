// `grant` and `quota`: the asset-permissions and asset-quotas APIs.
import { Option } from "commander";
import { collect, type Define, examples, UPLOAD_TYPES } from "./program-args.js";

export function definePermissionCommands(define: Define): void {
  define("grant", (c) =>
    c
      .argument("<assetId...>", "the assets (ids, rbxassetid://<id> or assets/<id>)")
      .description(
        "let experiences use assets: grant each experience Use of each asset (asset-permissions API; grants to an experience are permanent)",
      )
      .requiredOption(
        "--experience <universeId>",
        "the experience's universe id, from its settings; not a place id (repeat for more)",
        collect,
      )
      .addHelpText(
        "after",
        `\nThe API key needs the asset-permissions API with its Write operation (scope asset-permissions:write).\nExit 1 when any grant is refused; each refused asset is listed with the reason.${examples(
          "rbxassets grant 1234567890 --experience 6046911802",
          "rbxassets grant 111 222 333 --experience 6046911802 --experience 7000000001 --json",
        )}`,
      ),
  );
  define("quota", (c) =>
    c
      .description(
        "show the creator's upload quotas: used, capacity, left and when they reset (users only; Roblox publishes none for groups)",
      )
      .addOption(
        new Option(
          "--type <type>",
          "an asset type, e.g. Audio or Video (repeat for more; default Audio and Video)",
        )
          .choices(UPLOAD_TYPES) // for completion (shared with upload's --type); the parser collects them
          .argParser(collect),
      )
      .addHelpText("after", examples("rbxassets quota", "rbxassets quota --type Audio --json")),
  );
}
