// A build's grants, as `rbxassets sync` makes them after its uploads: each input with `grant` has its
// experiences granted `Use` of the assets the build resolved from it, through the pipeline's grant stage
// (which skips grants the lockfile records: a warm build sends none, and needs no key for them).
import { stopsEveryGrant } from "@rbxassets/core/internal";
import type { InputFlags, Pipeline, Project, ResolvedAsset } from "@rbxassets/core/node";
import { resolveInputOptions } from "@rbxassets/core/node";
import { grantRefusalMessage } from "./messages.js";

export interface BuildGrants {
  /** Grants sent and recorded (an asset, or an atlas, to one experience). */
  granted: number;
  /** The lines the build fails with, each once; none when every grant went through. */
  problems: string[];
}

/** Grants the experiences of each input the assets hold; refusals come back as lines, never thrown. */
export async function grantBuild(
  pipeline: Pipeline,
  project: Project | undefined,
  assets: Iterable<ResolvedAsset>,
  flags: InputFlags,
): Promise<BuildGrants> {
  // Input by input, as a sync grants: the resolver says which experiences an input's files go to.
  const byInput = new Map<string, { experiences: ReadonlyArray<string | number>; assets: ResolvedAsset[] }>();
  for (const asset of assets) {
    const { input, sync } = resolveInputOptions(project, asset.file, flags);
    if (input === undefined || sync.grant === undefined) continue;
    const group = byInput.get(input.name) ?? { experiences: sync.grant.experiences, assets: [] };
    group.assets.push(asset);
    byInput.set(input.name, group);
  }
  let granted = 0;
  const problems = new Set<string>();
  for (const group of byInput.values()) {
    const report = await pipeline.grant(group.assets, { experiences: group.experiences });
    granted += report.granted.length;
    for (const failure of report.failed) problems.add(failure.reason);
    for (const refusal of report.refusals) problems.add(grantRefusalMessage(refusal));
    // No key, or one that may not grant: every other input would be refused alike, and said so again.
    if (report.refusals.some(stopsEveryGrant)) break;
  }
  return { granted, problems: [...problems] };
}
