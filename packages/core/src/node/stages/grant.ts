// Stage: grant experiences `Use` of the assets a sync (or a build) resolved (asset-permissions API). After
// the uploads: for each experience, the assets whose lockfile entry does not list it yet, in batches, one request at a
// time (the client's limiter keeps them within 100 a minute). Each grant is recorded in the lockfile (on
// the asset's entry, or its atlas's for sprites), so a warm run sends none and a new experience is granted
// alone. A refused asset fails like a file; a refusal of the endpoint itself (the key lacks the scope)
// stops the grants once.

import { failureLine } from "../../client/failure-line.js";
import type { GrantErrorCode } from "../../client/grants.js";
import { AssetsApiError, type AssetsClient } from "../../index.js";
import { describeError, isAbortError, isPipelineError } from "../errors.js";
import type { FileFailure } from "../failure.js";
import { type LockEntry, type Lockfile, sortedIds } from "../lockfile.js";
import type { GrantedAsset, GrantRefusal, GrantReport, PipelineEvent, ResolvedAsset } from "../types.js";

/** Assets per grant request: the API publishes no cap; 50 keeps a refused batch small. */
export const GRANT_BATCH_SIZE = 50;

export interface GrantHost {
  /** Throws the credentials error when none are configured. */
  client(): AssetsClient;
  lockfile(): Promise<Lockfile>;
  emit(event: PipelineEvent): void;
}

/** Why the service refused one asset, in words (the code itself stays in the facts). */
const CODE_TEXT: Record<GrantErrorCode, string> = {
  AssetNotFound: "the asset does not exist (yet)",
  CannotManageAsset: "the credentials' owner may not manage this asset (it belongs to another creator)",
  PublicAssetCannotBeGrantedTo: "the asset is open use already: every experience may use it",
  CannotManageSubject: "the credentials' owner may not grant to this experience",
  SubjectNotFound: "no experience has this universe id",
  AssetTypeNotEnabled: "assets of this type cannot be granted to an experience",
  PermissionLimitReached: "the asset has as many grants as it may have",
  DependenciesLimitReached: "the asset has too many dependencies to grant",
  InvalidRequest: "the service found the request invalid",
  UnknownError: "the service failed without saying why",
};

export function grantCodeText(code: string): string {
  return CODE_TEXT[code as GrantErrorCode] ?? `the service answered ${code}`;
}

/**
 * Whether a refusal holds for every grant of the run, whatever the experience or the input: the endpoint
 * refused the credentials (or there are none, or it failed). Only an unknown experience stops that one alone.
 */
export function stopsEveryGrant(refusal: Pick<GrantRefusal, "rule">): boolean {
  return refusal.rule !== "grant-experience";
}

/** Universe ids from the project file or options: digit strings (numbers accepted), each once. */
export function experienceIds(experiences: ReadonlyArray<string | number>): string[] {
  return sortedIds(experiences.map((id) => String(id).trim()));
}

/** Something that can be granted: a lockfile entry (by path) or an atlas (by name), with its grants. */
interface Target {
  /** The project path, or the atlas name (`<input>#<n>`), that reports name. */
  name: string;
  assetId: string;
  grants(): readonly string[];
  record(experience: string): Promise<void>;
}

/** The assets as grant targets: each asset recorded under its path, each atlas of its sprites. */
function targetsOf(lockfile: Lockfile, assets: readonly ResolvedAsset[]): Target[] {
  const targets = new Map<string, Target>();
  for (const asset of assets) {
    if (asset.sprite !== undefined && asset.atlas !== undefined) {
      const atlasName = asset.atlas;
      if (lockfile.atlas(atlasName)?.assetId !== asset.assetId || targets.has(`atlas\0${atlasName}`))
        continue;
      targets.set(`atlas\0${atlasName}`, {
        name: atlasName,
        assetId: asset.assetId,
        grants: () => lockfile.atlas(atlasName)?.grants ?? [],
        record: async (experience) => {
          const entry = lockfile.atlas(atlasName)!;
          const grants = sortedIds([...(entry.grants ?? []), experience]);
          await lockfile.recordSheets({ atlases: [[atlasName, { ...entry, grants }]] });
        },
      });
    } else if (asset.sprite === undefined && lockfile.get(asset.file)?.assetId === asset.assetId) {
      targets.set(asset.file, {
        name: asset.file,
        assetId: asset.assetId,
        grants: () => lockfile.get(asset.file)?.grants ?? [],
        record: (experience) => record(lockfile, asset.file, experience),
      });
    }
  }
  return [...targets.values()];
}

/**
 * The grants a sync would send, without sending any (check mode): for each experience, each asset the
 * lockfile records (a sprite's through its atlas, once) whose entry does not list the experience yet.
 */
export async function pendingGrants(
  host: Pick<GrantHost, "lockfile">,
  assets: readonly ResolvedAsset[],
  experiences: readonly string[],
): Promise<GrantedAsset[]> {
  const targets = targetsOf(await host.lockfile(), assets);
  return experiences.flatMap((experience) =>
    targets
      .filter((target) => !target.grants().includes(experience))
      .map((target) => ({ file: target.name, assetId: target.assetId, experience })),
  );
}

/**
 * Grants the experiences to the assets the lockfile records (a sprite's through its atlas); an asset it does
 * not hold (an `existing` id) is left alone. Returns what happened, also after an abort (so far).
 */
export async function grantExperiences(
  host: GrantHost,
  assets: readonly ResolvedAsset[],
  experiences: readonly string[],
  signal: AbortSignal | undefined,
): Promise<GrantReport> {
  const lockfile = await host.lockfile();
  const targets = targetsOf(lockfile, assets);
  const outcome: GrantReport = { granted: [], refusals: [], failed: [] };
  for (const experience of experiences) {
    // Each asset once, with every target recorded for it.
    const byAsset = new Map<string, Target[]>();
    for (const target of targets) {
      if (target.grants().includes(experience)) continue;
      byAsset.set(target.assetId, [...(byAsset.get(target.assetId) ?? []), target]);
    }
    const ids = [...byAsset.keys()];
    for (let start = 0; start < ids.length; start += GRANT_BATCH_SIZE) {
      if (signal?.aborted) return outcome;
      const batch = ids.slice(start, start + GRANT_BATCH_SIZE);
      let result: Awaited<ReturnType<AssetsClient["grantAssetPermissions"]>>;
      try {
        result = await host
          .client()
          .grantAssetPermissions({ universeId: experience, assetIds: batch }, signal ? { signal } : {});
      } catch (error) {
        if (signal?.aborted || isAbortError(error)) return outcome;
        const refusal = grantRefusalOf(error, experience);
        outcome.refusals.push(refusal);
        host.emit({ type: "grantRefused", ...refusal });
        if (stopsEveryGrant(refusal)) return outcome;
        break;
      }
      for (const assetId of result.successAssetIds) {
        for (const target of byAsset.get(assetId) ?? []) {
          await target.record(experience);
          outcome.granted.push({ file: target.name, assetId, experience });
          host.emit({ type: "granted", file: target.name, assetId, experience });
        }
      }
      for (const { assetId, code } of result.errors) {
        for (const target of byAsset.get(assetId) ?? []) {
          const problem = `not granted to experience ${experience}: ${grantCodeText(code)} (${code})`;
          const fix = "check the asset and the experience in the Creator Dashboard";
          const reason = failureLine(target.name, { problem, fix });
          const failure: FileFailure = { file: target.name, problem, fix, rule: "grant-refused", reason };
          outcome.failed.push(failure);
          host.emit({ type: "failed", ...failure });
        }
      }
    }
  }
  return outcome;
}

/**
 * Records that `experience` may use the asset `assetId` under every lockfile path that holds it (a grant
 * made by hand, outside a sync). Returns the paths recorded.
 */
export async function recordGrant(
  lockfile: Lockfile,
  assetId: string,
  experience: string,
): Promise<string[]> {
  const files = lockfile
    .entries()
    .filter(([, entry]) => entry.assetId === assetId && !entry.grants?.includes(experience))
    .map(([file]) => file);
  for (const file of files) await record(lockfile, file, experience);
  return files;
}

async function record(lockfile: Lockfile, file: string, experience: string): Promise<void> {
  const entry = lockfile.get(file) as LockEntry;
  await lockfile.record(file, { ...entry, grants: sortedIds([...(entry.grants ?? []), experience]) });
}

/**
 * A refused grant request. A 403 from the gateway (the key lacks `asset-permissions:write`) or a 401 is
 * about the credentials: rule `grant-permission`, every grant stops; so does having none to send (rule
 * `grant-credentials`: a run whose files were all in the lockfile needed none until a grant was due). An
 * unknown experience, or one the owner may not grant to, is about that experience alone: `grant-experience`.
 */
export function grantRefusalOf(error: unknown, experience: string): GrantRefusal {
  if (isPipelineError(error) && error.rule === "credentials") {
    return {
      rule: "grant-credentials",
      experience,
      message: `experience ${experience} is to be granted assets, and no credentials are configured`,
      fix: error.fix,
    };
  }
  if (error instanceof AssetsApiError) {
    const code = String(error.code ?? "");
    if (code === "SubjectNotFound" || code === "CannotManageSubject") {
      return {
        rule: "grant-experience",
        experience,
        code,
        message: `experience ${experience}: ${grantCodeText(code)}`,
        fix: "check the universe id (the experience's settings show it; a place id is not one)",
      };
    }
    if (error.status === 401 || error.status === 403) {
      return {
        rule: "grant-permission",
        experience,
        status: error.status,
        message: `the service refused to grant (${error.status}: ${describeError(error)})`,
        fix: "give the API key the asset-permissions API with its Write operation (scope asset-permissions:write) in the Creator Dashboard",
      };
    }
  }
  return {
    rule: "grant-failed",
    experience,
    message: `granting experience ${experience} failed: ${describeError(error)}`,
    fix: "run it again: grants not recorded are sent again",
  };
}
