// Small upload payloads and request bodies shared by the client tests.
import type { AssetCreateRequest } from "../../src/index.js";

/** A valid 1x1 PNG. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);

export const CREATOR = { userId: "11112938575" } as const;

export function imageRequest(displayName = "Logo", description = ""): AssetCreateRequest {
  return { assetType: "Image", displayName, description, creationContext: { creator: CREATOR } };
}

export function modelRequest(displayName = "Crate"): AssetCreateRequest {
  return { assetType: "Model", displayName, description: "", creationContext: { creator: CREATOR } };
}

/** Some bytes for a `.rbxm` model (the emulator checks the content type, not the format). */
export function modelBytes(seed: number): Uint8Array {
  return new TextEncoder().encode(`<roblox!model ${seed}>`);
}
