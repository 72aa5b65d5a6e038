// A tiny node:http peer that answers the real client as the calling test file says, and `settle`, which says
// how a call against it ended. Hard requirements of the contract files: every call settles (no hang), every
// failure is an Error with a one-line-able message, nothing crashes the process, and every broken answer is
// refused with a typed error (AssetsApiError, INVALID_RESPONSE for an unusable 2xx body; AssetsNetworkError
// when no answer could be read): the client never hands out garbage as data.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AssetsApiError,
  type AssetsClient,
  AssetsClientError,
  AssetsNetworkError,
  createAssetsClient,
} from "@rbxassets/core";
import { PipelineError } from "@rbxassets/core/node";
import { afterAll, beforeAll } from "vitest";

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export let baseUrl: string;
export let client: AssetsClient;
/** A temporary folder for the calling file, removed after its tests. */
export let dir: string;
const SETTLE_MS = 15_000;

/** Starts the peer (and a client of it) before the calling file's tests and stops it after them. */
export function peerPerFile(serve: Handler): void {
  let server: Server;
  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on("end", () => serve(request, response));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/assets`;
    client = createAssetsClient({
      apiKey: "contract-test-key",
      baseUrl,
      env: {},
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      rateLimit: false,
    });
    dir = await mkdtemp(join(tmpdir(), "rbxassets-rel-contract-"));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });
}

export type Outcome =
  | { kind: "typed"; detail: string }
  | { kind: "untyped"; detail: string }
  | { kind: "accepted"; detail: string }
  | { kind: "hang"; detail: string };

const TYPED = [AssetsApiError, AssetsNetworkError, AssetsClientError, PipelineError];

/** Runs a call against the peer and classifies how it settled; a hang is a settle timeout. */
export async function settle(call: () => Promise<unknown>): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "hang", detail: `no answer in ${SETTLE_MS} ms` }), SETTLE_MS);
  });
  const run = call().then(
    (value): Outcome => ({
      kind: "accepted",
      detail: `resolved ${String(JSON.stringify(value)).slice(0, 60)}`,
    }),
    (error: unknown): Outcome => {
      if (!(error instanceof Error)) return { kind: "untyped", detail: `threw a non-Error ${String(error)}` };
      const text = `${error.name}: ${error.message.replace(/\s+/g, " ").slice(0, 90)}`;
      return TYPED.some((type) => error instanceof type)
        ? { kind: "typed", detail: text }
        : { kind: "untyped", detail: text };
    },
  );
  const outcome = await Promise.race([run, hang]);
  clearTimeout(timer);
  return outcome;
}

export const calls: Record<string, (c: AssetsClient) => Promise<unknown>> = {
  getAsset: (c) => c.getAsset("123"),
  getOperation: (c) => c.getOperation("op-1"),
  listAssetVersions: (c) => c.listAssetVersions("123"),
};
