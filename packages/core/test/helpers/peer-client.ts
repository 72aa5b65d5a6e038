// What the client tests against node:http peers share: a valid Asset, a key to look for, quick retries,
// and the two transports every such test runs over.
import { nodeFetch } from "../../src/node/client.js";

export const PEER_ASSET = {
  path: "assets/42",
  assetId: "42",
  revisionId: "1",
  revisionCreateTime: "2024-01-01T00:00:00Z",
  displayName: "Peer",
  assetType: "Image",
  creationContext: { creator: { userId: "1" } },
  moderationResult: { moderationState: "Approved" },
};

export const PEER_API_KEY = "peer-secret-api-key-XYZ";
export const quickRetry = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };

/** The global fetch (undefined: the client's default) and the undici-based nodeFetch. */
export const transports = [
  ["global fetch", undefined],
  ["nodeFetch", nodeFetch],
] as const;
