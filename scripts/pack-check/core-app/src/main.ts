// The root entry of @rbxassets/core in an app without @types/node: type-checked with `types: []`, then
// run by Node's own type stripping. It uploads one PNG to the emulator and waits for the asset.
import { createAssetsClient } from "@rbxassets/core";

export async function uploadOne(
  baseUrl: string,
  apiKey: string,
  png: Uint8Array<ArrayBuffer>,
  userId: string,
) {
  const client = createAssetsClient({ apiKey, baseUrl });
  const operation = await client.createAsset({
    request: {
      assetType: "Image",
      displayName: "Pack check",
      description: "",
      creationContext: { creator: { userId } },
    },
    file: new Blob([png], { type: "image/png" }),
  });
  const result = await client.waitForOperation(operation, { timeoutMs: 30_000 });
  if (result.status !== "succeeded") throw new Error(`upload ${result.status}`);
  return `rbxassetid://${result.asset.assetId}`;
}
