// In-memory state of the emulated service, optionally mirrored to a JSON file so a restarted emulator
// keeps its assets. Only asset metadata and content hashes are stored: never file bytes, never keys.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type {
  Asset,
  AssetPrivacy,
  State as AssetState,
  Creator,
  Preview,
  RequestAssetType,
  SocialLink,
  Status,
} from "@rbxassets/spec";
import type { ModerationOutcome, SocialLinkField } from "./types.js";

export interface StoredVersion {
  number: number;
  createTime: string;
  creator: Creator;
  moderationState: ModerationOutcome;
  contentSha256: string;
}

export interface StoredAsset {
  assetId: string;
  assetType: RequestAssetType;
  displayName: string;
  description: string;
  creator: Creator;
  state: AssetState;
  moderationState: ModerationOutcome;
  /** Get Asset reads left before a "Reviewing" asset turns "Approved"; undefined = stays Reviewing. */
  reviewReadsLeft?: number;
  icon?: string;
  previews?: Preview[];
  socialLinks: Partial<Record<SocialLinkField, SocialLink>>;
  revisionId: number;
  revisionCreateTime: string;
  /** Ascending by number; the last one is current. */
  versions: StoredVersion[];
  /** `creationContext.assetPrivacy` as created (absent: the creator's default). */
  privacy?: AssetPrivacy;
  /** Universe ids granted `Use` of this asset (asset-permissions API), in grant order. */
  grants?: string[];
}

/** Metadata fields an update may change; the values sit on the update's draft until it is done. */
export type ChangedField = "displayName" | "description" | "icon" | "previews" | SocialLinkField;

/**
 * What an operation does to the store when it finishes: nothing is visible before. A create adds its
 * asset; an update copies the fields it names from its draft, and adds a version when it carried content.
 */
export type PendingChange =
  | { kind: "create"; asset: StoredAsset }
  | { kind: "update"; fields: ChangedField[]; draft: StoredAsset; content?: Omit<StoredVersion, "number"> };

export interface StoredOperation {
  operationId: string;
  kind: "create" | "update";
  assetId: string;
  createdAtMs: number;
  polls: number;
  done: boolean;
  /** An injected operation fault (see faults.ts). */
  fault?: "operationFail" | "operationPendingForever" | "operationLong";
  /** Pending polls overriding the policy's (an injected "long" operation). */
  pendingPolls?: number;
  /** The error an injected operationFail finishes with. */
  faultError?: Status;
  /** Applied (and dropped) when the operation finishes. */
  change?: PendingChange;
  /** Frozen once the operation finishes: the asset as it was then, or the error it failed with. */
  response?: Asset;
  error?: Status;
}

interface PersistedState {
  version: 1;
  nextAssetId: string;
  assets: StoredAsset[];
  operations: StoredOperation[];
}

/** Asset ids are 11-digit numbers like real ones, so clients never assume small ids. */
const firstAssetId = 18_000_000_001n;
const stateFileName = "emulator-state.json";

export class Store {
  readonly assets = new Map<string, StoredAsset>();
  readonly operations = new Map<string, StoredOperation>();
  /** Uploaded bytes by SHA-256, only with the test-only `keepContent` option; never persisted. */
  readonly content = new Map<string, Buffer>();
  private nextAssetId = firstAssetId;

  constructor(private readonly dataDir?: string) {
    if (dataDir) this.load(dataDir);
  }

  allocateAssetId(): string {
    const id = this.nextAssetId;
    this.nextAssetId += 1n;
    return id.toString();
  }

  /** Writes the state atomically (temp file + rename) so a crash never leaves a half-written file. */
  save(): void {
    if (!this.dataDir) return;
    const state: PersistedState = {
      version: 1,
      nextAssetId: this.nextAssetId.toString(),
      assets: [...this.assets.values()],
      operations: [...this.operations.values()],
    };
    const file = join(this.dataDir, stateFileName);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, file);
  }

  private load(dataDir: string): void {
    mkdirSync(dataDir, { recursive: true });
    let text: string;
    try {
      text = readFileSync(join(dataDir, stateFileName), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    const state = JSON.parse(text) as PersistedState;
    this.nextAssetId = BigInt(state.nextAssetId);
    for (const asset of state.assets) this.assets.set(asset.assetId, asset);
    for (const operation of state.operations) this.operations.set(operation.operationId, operation);
  }
}
