// The one line a build prints about its assets, through the bundler's logger; none when nothing was sent.
import type { ResolvedAsset } from "@rbxassets/core/node";

/** `3 assets uploaded, 1 updated, 12 from the lockfile`, or undefined when nothing was uploaded or updated. */
export function buildSummary(statuses: Iterable<ResolvedAsset["status"]>): string | undefined {
  let uploaded = 0;
  let updated = 0;
  let known = 0;
  for (const status of statuses) {
    if (status === "uploaded") uploaded++;
    else if (status === "updated") updated++;
    else known++;
  }
  if (uploaded === 0 && updated === 0) return undefined;
  return `${uploaded} ${uploaded === 1 ? "asset" : "assets"} uploaded, ${updated} updated, ${known} from the lockfile`;
}
