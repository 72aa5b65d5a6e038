// Request framing against the emulator, which refuses a body without Content-Length as the live gateway
// does and records each body's declared and received length: every body the client sends declares its
// exact length, on every attempt, streamed from disk or framed by the runtime.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BodyRecord, DEFAULT_EMULATOR_API_KEY } from "@rbxassets/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AssetsClient, assetIdOf, createAssetsClient, type Operation } from "../src/index.js";
import { createNodeAssetsClient } from "../src/node/client.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { imageRequest, modelBytes, modelRequest, PNG_1X1 } from "./helpers/fixtures.js";

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  dir = await mkdtemp(join(tmpdir(), "rbxassets-framing-"));
});

afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  emulator.setFaults(undefined);
  emulator.resetStats();
});

const fast = { initialDelayMs: 5, maxDelayMs: 20 };
const options = () => ({ baseUrl: emulator.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });

async function assetOf(client: Pick<AssetsClient, "waitForOperation">, op: Operation) {
  const result = await client.waitForOperation(op, fast);
  if (result.status !== "succeeded") throw new Error(`operation ${result.status}`);
  return assetIdOf(result.asset);
}

/** The emulator's records of the bodies it read, each checked whole and as declared. */
function bodiesReceived(): BodyRecord[] {
  const { bodies } = emulator.stats();
  for (const body of bodies) {
    expect(body.contentLength, `${body.operationId} declared no Content-Length`).not.toBeNull();
    expect(body.received, `${body.operationId} sent other than it declared`).toBe(body.contentLength);
  }
  return bodies;
}

/** A `.rbxm` of `size` bytes on disk. */
async function modelFile(name: string, size: number): Promise<string> {
  const bytes = new Uint8Array(size);
  bytes.set(modelBytes(size));
  for (let i = 4096; i < size; i += 4096) bytes[i] = i % 251;
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe("node client (undici transport): every body declares its exact length", () => {
  it("create, update (content and metadata-only) and rollback; a body-less archive sends none", async () => {
    const client = createNodeAssetsClient(options());
    const first = await modelFile("first.rbxm", 1000);
    const second = await modelFile("second.rbxm", 2000);
    const id = await assetOf(
      client,
      await client.createAsset({ request: modelRequest("Framed"), file: { path: first } }),
    );
    await assetOf(client, await client.updateAsset(id, { file: { path: second } }));
    await assetOf(client, await client.updateAsset(id, { request: { description: "metadata only" } }));
    await client.rollbackAssetVersion(id, 1);
    await client.archiveAsset(id);
    const bodies = bodiesReceived();
    expect(bodies.map((body) => body.operationId)).toEqual([
      "Assets_CreateAsset",
      "Assets_UpdateAsset",
      "Assets_UpdateAsset",
      "Assets_RollbackAssetVersion",
    ]);
    // The multipart lengths count the file itself, besides the framing and the JSON request.
    const [create, update] = bodies as [BodyRecord, BodyRecord];
    expect(create.received).toBeGreaterThan(1000);
    expect(update.received).toBeGreaterThan(2000);
  });

  it("streams a 20 MB file from a path, declared and received whole", async () => {
    const client = createNodeAssetsClient(options());
    const big = await modelFile("big.rbxm", 20_000_000);
    await assetOf(client, await client.createAsset({ request: modelRequest("Big"), file: { path: big } }));
    const [body] = bodiesReceived();
    expect(body?.received).toBeGreaterThan(20_000_000);
    expect(Object.values(emulator.stats().contentUploads)).toEqual([1]);
  });

  it("a retried create, update and rollback rebuild the body per attempt, each of its declared length", async () => {
    // Every write answers 429 until the client's first retry; then the faults are switched off.
    const armWrites = () =>
      emulator.setFaults({
        tooManyRequestsRate: 1,
        retryAfterSeconds: 0,
        only: ["Assets_CreateAsset", "Assets_UpdateAsset", "Assets_RollbackAssetVersion"],
      });
    let retries = 0;
    const client = createNodeAssetsClient({
      ...options(),
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      onEvent: (event) => {
        if (event.type !== "retry") return;
        retries += 1;
        emulator.setFaults(undefined);
      },
    });
    const big = await modelFile("retried.rbxm", 20_000_000);
    armWrites();
    const id = await assetOf(
      client,
      await client.createAsset({ request: modelRequest("Retried"), file: { path: big } }),
    );
    armWrites();
    await assetOf(client, await client.updateAsset(id, { file: { path: big } }));
    armWrites();
    await client.rollbackAssetVersion(id, 1);
    expect(retries).toBe(3);
    const bodies = bodiesReceived();
    expect(bodies.map((body) => body.operationId)).toEqual([
      "Assets_CreateAsset",
      "Assets_CreateAsset",
      "Assets_UpdateAsset",
      "Assets_UpdateAsset",
      "Assets_RollbackAssetVersion",
      "Assets_RollbackAssetVersion",
    ]);
    for (const body of bodies.slice(0, 4)) expect(body.received).toBeGreaterThan(20_000_000);
    expect(emulator.stats().faults.tooManyRequests).toBe(3);
  });

  it("declares one length with the global fetch as its transport too", async () => {
    const client = createNodeAssetsClient({ ...options(), fetch: (request) => globalThis.fetch(request) });
    const path = await modelFile("via-fetch.rbxm", 5000);
    const id = await assetOf(
      client,
      await client.createAsset({ request: modelRequest("Via fetch"), file: { path } }),
    );
    await client.rollbackAssetVersion(id, 1);
    expect(bodiesReceived()).toHaveLength(2);
  });
});

describe("plain client over the global fetch (Blob inputs, no Node APIs)", () => {
  it("sends a FormData whose Content-Length the runtime sets", async () => {
    // A transparent look at each request as the client hands it to fetch: the body is still a FormData
    // (the runtime's own multipart boundary) and nobody but the runtime has set its length.
    const handed: { contentType: string | null; contentLength: string | null }[] = [];
    const client = createAssetsClient({
      ...options(),
      fetch: (request) => {
        handed.push({
          contentType: request.headers.get("content-type"),
          contentLength: request.headers.get("content-length"),
        });
        return globalThis.fetch(request);
      },
    });
    const id = await assetOf(
      client,
      await client.createAsset({
        request: imageRequest("From a Blob"),
        file: new Blob([PNG_1X1], { type: "image/png" }),
      }),
    );
    await client.updateAsset(id, { request: { description: "from the browser path" } });
    const bodies = bodiesReceived();
    expect(bodies.map((body) => body.operationId)).toEqual(["Assets_CreateAsset", "Assets_UpdateAsset"]);
    const multipart = handed.filter((request) => request.contentType?.startsWith("multipart/form-data"));
    expect(multipart).toHaveLength(2);
    for (const request of multipart) {
      expect(request.contentLength).toBeNull();
      expect(request.contentType).not.toContain("form-data-encoder");
    }
  });
});
