// Grant experiences `Use` of assets by hand (`rbxassets grant`, the TUI's asset screen): one request per
// experience and batch, each refused asset worded for a person, each grant recorded in the lockfile where
// the asset is (so a later sync sends none).
import { grantRefusalOf } from "@rbxassets/core/internal";
import { GRANT_BATCH_SIZE, grantCodeText, Lockfile, recordGrant } from "@rbxassets/core/node";
import type { ServiceContext } from "./context.js";
import { ServiceError } from "./errors.js";
import { assetIdOrThrow } from "./ids.js";

export interface GrantOutcome {
  experience: string;
  successAssetIds: string[];
  errors: Array<{ assetId: string; code: string; reason: string }>;
}

/** A universe id as typed: digits only (a place id is digits too: the help says which to use). */
export function universeIdOrThrow(value: string): string {
  const id = value.trim();
  if (!/^[0-9]{1,19}$/.test(id)) {
    throw new ServiceError(
      `${JSON.stringify(value)} is not a universe id (digits, from the experience's settings)`,
    );
  }
  return id;
}

/**
 * Why a whole grant request was refused, by core's rule for it (as a sync's grant stage names it), worded
 * for a person; undefined for a refusal the command words as any other API error (a wrong key's 401).
 */
function refusalOf(error: unknown, experience: string): ServiceError | undefined {
  const refusal = grantRefusalOf(error, experience);
  const facts = { experience, status: refusal.status, code: refusal.code };
  if (refusal.rule === "grant-experience") {
    return new ServiceError(`${refusal.message} — ${refusal.fix}`, {
      rule: refusal.rule,
      facts,
      cause: error,
    });
  }
  if (refusal.rule === "grant-permission" && refusal.status === 403) {
    return new ServiceError(
      "the API key may not grant permissions (HTTP 403) — add the asset-permissions API with its Write operation (scope asset-permissions:write) to the key in the Creator Dashboard",
      { rule: refusal.rule, facts, cause: error },
    );
  }
  return undefined;
}

export async function grantAssets(
  ctx: ServiceContext,
  assetIds: readonly string[],
  experiences: readonly string[],
  opts: { signal?: AbortSignal } = {},
): Promise<GrantOutcome[]> {
  const ids = [...new Set(assetIds.map(assetIdOrThrow))];
  const universes = [...new Set(experiences.map(universeIdOrThrow))];
  if (ids.length === 0) throw new ServiceError("name at least one asset id");
  if (universes.length === 0)
    throw new ServiceError("name at least one experience (--experience <universeId>)");
  const client = ctx.client();
  const pipeline = ctx.pipeline();
  const lockfile = await Lockfile.open(pipeline.lockfilePath, { root: pipeline.root }).catch(() => undefined);
  const outcomes: GrantOutcome[] = [];
  for (const experience of universes) {
    const outcome: GrantOutcome = { experience, successAssetIds: [], errors: [] };
    for (let start = 0; start < ids.length; start += GRANT_BATCH_SIZE) {
      const batch = ids.slice(start, start + GRANT_BATCH_SIZE);
      const result = await client
        .grantAssetPermissions(
          { universeId: experience, assetIds: batch },
          opts.signal ? { signal: opts.signal } : {},
        )
        .catch((error: unknown) => {
          throw refusalOf(error, experience) ?? error;
        });
      outcome.successAssetIds.push(...result.successAssetIds);
      outcome.errors.push(
        ...result.errors.map(({ assetId, code }) => ({ assetId, code, reason: grantCodeText(code) })),
      );
      if (lockfile)
        for (const assetId of result.successAssetIds) await recordGrant(lockfile, assetId, experience);
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * The experiences an asset is granted to, as far as we know: the lockfile's record of the grants this tool
 * made (the API publishes no read of grants). Empty when the asset is not in the lockfile.
 */
export async function knownGrants(ctx: ServiceContext, assetId: string): Promise<string[]> {
  const pipeline = ctx.pipeline();
  const lockfile = await Lockfile.open(pipeline.lockfilePath, { root: pipeline.root }).catch(() => undefined);
  const ids = new Set<string>();
  for (const [, entry] of lockfile?.entries() ?? []) {
    if (entry.assetId === assetId) for (const id of entry.grants ?? []) ids.add(id);
  }
  return [...ids].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}
