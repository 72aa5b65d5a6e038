// The Node client: undici transport with streamed bodies, `{ path }` file inputs, a 20 MB upload.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_EMULATOR_API_KEY } from "@rbxassets/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetsClientError, assetIdOf } from "../src/index.js";
import { createNodeAssetsClient, type NodeAssetsClient, nodeFetch } from "../src/node/client.js";
import { startTestEmulator } from "./helpers/emulator.js";
import { imageRequest, modelRequest, PNG_1X1 } from "./helpers/fixtures.js";
import { sendJson, startPeer } from "./helpers/peer.js";

type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;
let emulator: Emulator;
let client: NodeAssetsClient;
let dir: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  client = createNodeAssetsClient({ baseUrl: emulator.url, apiKey: DEFAULT_EMULATOR_API_KEY, env: {} });
  dir = await mkdtemp(join(tmpdir(), "rbxassets-client-"));
});

afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

const fast = { initialDelayMs: 5, maxDelayMs: 20 };

describe("createNodeAssetsClient", () => {
  it("uploads a file from a path (content type from the extension)", async () => {
    const file = join(dir, "logo.png");
    await writeFile(file, PNG_1X1);
    const op = await client.createAsset({ request: imageRequest("From disk"), file: { path: file } });
    const result = await client.waitForOperation(op, fast);
    expect(result.status).toBe("succeeded");
    if (result.status === "succeeded") expect(result.asset.displayName).toBe("From disk");
  });

  it("still accepts Uint8Array and Blob inputs", async () => {
    const a = await client.createAsset({ request: imageRequest("Bytes"), file: PNG_1X1 });
    const b = await client.createAsset({
      request: imageRequest("Blob"),
      file: new Blob([PNG_1X1], { type: "image/png" }),
    });
    expect((await client.waitForOperation(a, fast)).status).toBe("succeeded");
    expect((await client.waitForOperation(b, fast)).status).toBe("succeeded");
  });

  it("uploads a 20 MB file and the server receives every byte", async () => {
    const size = 20_000_000;
    const file = join(dir, "big.rbxm");
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i += 4096) bytes[i] = i % 251;
    // A Roblox binary model's magic: the emulator checks that the bytes are what the content type says.
    bytes.set(new TextEncoder().encode("<roblox!"));
    await writeFile(file, bytes);
    emulator.resetStats();
    const op = await client.createAsset({ request: modelRequest("Big"), file: { path: file } });
    const result = await client.waitForOperation(op, fast);
    expect(result.status).toBe("succeeded");
    if (result.status !== "succeeded") return;
    const stats = emulator.stats();
    expect(Object.values(stats.contentUploads)).toEqual([1]);
    const asset = await client.getAsset(assetIdOf(result.asset));
    expect(asset.displayName).toBe("Big");
  });

  it("updates content from a path (new Model version)", async () => {
    const first = join(dir, "a.rbxm");
    const second = join(dir, "b.rbxm");
    await writeFile(first, "<roblox!a>");
    await writeFile(second, "<roblox!b>");
    const created = await client.waitForOperation(
      await client.createAsset({ request: modelRequest("Versioned"), file: { path: first } }),
      fast,
    );
    if (created.status !== "succeeded") throw new Error(created.status);
    const id = assetIdOf(created.asset);
    const updated = await client.waitForOperation(
      await client.updateAsset(id, { file: { path: second } }),
      fast,
    );
    expect(updated.status).toBe("succeeded");
    const versions = await client.listAssetVersions(id);
    expect(versions.assetVersions).toHaveLength(2);
  });
});

describe("a file that changes on disk between its resolution and its send", () => {
  // The transport rewrites the file just before sending: what a save in an editor does mid-upload.
  const rewritingFirst = (path: string, send: (request: Request) => Promise<Response>) => {
    let rewritten = false;
    return async (request: Request) => {
      if (!rewritten) {
        rewritten = true;
        await writeFile(path, "<roblox!short>");
      }
      return send(request);
    };
  };

  it("fails with one line naming the file", async () => {
    // A peer that takes the request and never answers: the send fails on the client's side first. (The
    // emulator is not used here: after a client abandons a multipart body mid-way, its close() waits.)
    const peer = await startPeer(() => {}, { readBody: false });
    try {
      const path = join(dir, "changing.rbxm");
      await writeFile(path, `<roblox!${"x".repeat(100_000)}>`);
      const changing = createNodeAssetsClient({
        baseUrl: peer.url,
        apiKey: DEFAULT_EMULATOR_API_KEY,
        env: {},
        fetch: rewritingFirst(path, nodeFetch),
      });
      const error = await changing
        .createAsset({ request: modelRequest("Changing"), file: { path } })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AssetsClientError);
      expect((error as Error).message).toMatch(/^changing\.rbxm: the file changed .* upload it again$/);
    } finally {
      await peer.close();
    }
  });
});

describe("nodeFetch", () => {
  it("returns a WHATWG Response with status, headers and body; null body for 204 and HEAD", async () => {
    const peer = await startPeer((req, res) => {
      if (req.url === "/empty") {
        res.writeHead(204, { "x-thing": "1" });
        res.end();
      } else sendJson(res, 201, { ok: true, method: req.method }, { "set-cookie": "a=1" });
    });
    try {
      const base = peer.url.replace(/\/assets$/, "");
      const created = await nodeFetch(new Request(`${base}/x`, { method: "POST", body: "hello" }));
      expect(created.status).toBe(201);
      expect(created.headers.get("content-type")).toBe("application/json");
      expect(await created.json()).toEqual({ ok: true, method: "POST" });
      expect(peer.requests[0]!.bodyBytes).toBe(5);
      // A body of no declared length is measured, never sent chunked.
      expect(peer.requests[0]!.headers["content-length"]).toBe("5");
      expect(peer.requests[0]!.headers["transfer-encoding"]).toBeUndefined();
      const empty = await nodeFetch(new Request(`${base}/empty`));
      expect(empty.status).toBe(204);
      expect(empty.body).toBeNull();
      const head = await nodeFetch(new Request(`${base}/x`, { method: "HEAD" }));
      expect(head.body).toBeNull();
    } finally {
      await peer.close();
    }
  });

  it("streams a body of declared length as declared, and refuses one whose bytes differ", async () => {
    const peer = await startPeer((_req, res) => sendJson(res, 200, {}));
    try {
      const base = peer.url.replace(/\/assets$/, "");
      const declared = (length: number) =>
        new Request(`${base}/x`, {
          method: "POST",
          body: new Blob(["hello"]),
          headers: { "content-length": String(length) },
        });
      expect((await nodeFetch(declared(5))).status).toBe(200);
      expect(peer.requests[0]!.headers["content-length"]).toBe("5");
      expect(peer.requests[0]!.bodyBytes).toBe(5);
      await expect(nodeFetch(declared(6))).rejects.toThrow();
      expect(peer.requests).toHaveLength(1);
    } finally {
      await peer.close();
    }
  });
});
