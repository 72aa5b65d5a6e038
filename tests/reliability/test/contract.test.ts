// Responses that break the contract, served by a tiny node:http peer to the real client; and property-based
// tests of response handling, parseLockfile and Lockfile.open. Hard requirements: every call settles (no
// hang), every failure is an Error with a one-line-able message, nothing crashes the process, and every
// broken answer below is refused with a typed error (AssetsApiError, INVALID_RESPONSE for an unusable 2xx
// body; AssetsNetworkError when no answer could be read): the client never hands out garbage as data.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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
import { createPipeline, Lockfile, PipelineError, parseLockfile } from "@rbxassets/core/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { png } from "./helpers/files.js";
import { record } from "./helpers/results.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let handler: Handler = (_request, response) => response.end();
let baseUrl: string;
let client: AssetsClient;
let dir: string;
const SETTLE_MS = 15_000;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => handler(request, response));
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

const json = (status: number, body: string, headers: Record<string, string> = {}): Handler => {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(body);
  };
};

type Outcome =
  | { kind: "typed"; detail: string }
  | { kind: "untyped"; detail: string }
  | { kind: "accepted"; detail: string }
  | { kind: "hang"; detail: string };

const TYPED = [AssetsApiError, AssetsNetworkError, AssetsClientError, PipelineError];

/** Runs a call against the peer and classifies how it settled; a hang is a settle timeout. */
async function settle(call: () => Promise<unknown>): Promise<Outcome> {
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

const calls: Record<string, (c: AssetsClient) => Promise<unknown>> = {
  getAsset: (c) => c.getAsset("123"),
  getOperation: (c) => c.getOperation("op-1"),
  listAssetVersions: (c) => c.listAssetVersions("123"),
};

/** Broken answers, each with what a correct client must do with it. */
const broken: Record<string, Handler> = {
  "200 {} (every field missing)": json(200, "{}"),
  "200 fields of the wrong type": json(200, '{"assetId":5,"assetType":7,"displayName":null,"done":"yes"}'),
  "200 a JSON array": json(200, "[1,2,3]"),
  "200 JSON null": json(200, "null"),
  "200 empty body": json(200, ""),
  "200 truncated JSON": json(200, '{"assetId":"123","displ'),
  "200 text/html (captive portal)": (_q, s) => {
    s.writeHead(200, { "content-type": "text/html" });
    s.end("<!doctype html><h1>Sign in to the Wi-Fi</h1>");
  },
  "200 body shorter than content-length": (_q, s) => {
    s.writeHead(200, { "content-type": "application/json", "content-length": "400" });
    // The peer hangs up after the short body, as a proxy that dies mid-answer would.
    s.write('{"assetId":"1"', () => s.socket?.destroy());
  },
  "200 huge body (24 MB)": json(200, `{"assetId":"123","description":"${"x".repeat(24_000_000)}"}`),
  "200 with application/octet-stream": (_q, s) => {
    s.writeHead(200, { "content-type": "application/octet-stream" });
    s.end(Buffer.from([0, 1, 2, 255]));
  },
  "204 no content": (_q, s) => {
    s.writeHead(204);
    s.end();
  },
  "500 text/html": (_q, s) => {
    s.writeHead(500, { "content-type": "text/html" });
    s.end("<html><body>Bad gateway</body></html>");
  },
  "404 garbage JSON": json(404, '{"errors": [nul'),
  "429 without any rate-limit header": json(429, ""),
  "503 retry-after not a number": json(503, '{"code":"UNAVAILABLE"}', { "retry-after": "soon" }),
  "400 error body of the wrong shape": json(400, '{"errors":"not-an-array","code":{"x":1}}'),
  "connection reset before answering": (_q, s) => s.socket?.destroy(),
};

/** Broken answers that are refused without a usable response: no status error, a network error. */
const NETWORK_FAILURES = new Set([
  "200 body shorter than content-length",
  "connection reset before answering",
]);

/**
 * The one broken-looking answer that is data: proto3 JSON omits an empty list, so `{}` from List Asset
 * Versions is an empty page (every other read refuses it).
 */
const ACCEPTED: Record<string, { call: string; detail: string }> = {
  "200 {} (every field missing)": { call: "listAssetVersions", detail: 'resolved {"assetVersions":[]}' },
};

/** What a correct client must do with `name` on `callName`, as a regexp over the settled outcome. */
function expected(name: string, callName: string): { kind: Outcome["kind"]; detail: RegExp } {
  const accepted = ACCEPTED[name];
  if (accepted?.call === callName)
    return { kind: "accepted", detail: new RegExp(`^${escapeRegExp(accepted.detail)}$`) };
  if (NETWORK_FAILURES.has(name)) {
    return { kind: "typed", detail: /^AssetsNetworkError: Assets_\w+: no usable answer from the service \(/ };
  }
  const status = /^(\d{3}) /.exec(name)?.[1];
  if (status?.startsWith("2")) {
    return {
      kind: "typed",
      detail: new RegExp(`^AssetsApiError: Assets_\\w+: the service answered ${status} with `),
    };
  }
  return { kind: "typed", detail: /^AssetsApiError: / };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("contract-breaking responses from a local peer", () => {
  it("always settle, with an Error; the classification is reported", async () => {
    const problems: string[] = [];
    for (const [name, serve] of Object.entries(broken)) {
      handler = serve;
      const seen: string[] = [];
      let holds = true;
      for (const [callName, call] of Object.entries(calls)) {
        const outcome = await settle(() => call(client));
        seen.push(`${callName}: ${outcome.kind} (${outcome.detail})`);
        const want = expected(name, callName);
        if (outcome.kind !== want.kind || !want.detail.test(outcome.detail)) {
          holds = false;
          problems.push(
            `${name} / ${callName}: ${outcome.kind} (${outcome.detail}), expected ${want.detail}`,
          );
        }
      }
      const kinds = [...new Set(seen.map((line) => line.split(": ")[1]!.split(" ")[0]))];
      const accepted = ACCEPTED[name];
      record(import.meta.filename, {
        area: "contract: broken responses (client)",
        case: name,
        runs: Object.keys(calls).length,
        outcome: holds
          ? `holds: ${
              NETWORK_FAILURES.has(name)
                ? "AssetsNetworkError after the retries"
                : /^2\d\d /.test(name)
                  ? "AssetsApiError INVALID_RESPONSE"
                  : "AssetsApiError"
            }${accepted ? ` (${accepted.call}: an empty page, proto3's form of one)` : ""}`
          : kinds.includes("hang")
            ? "FAILS: hang"
            : "FAILS: not the typed error expected",
        detail: seen.join("; "),
      });
    }
    expect(problems).toEqual([]);
  });

  it("a finished operation without an asset id never reaches the lockfile", async () => {
    const root = await mkdtemp(join(dir, "pipeline-"));
    await writeFile(join(root, "a.png"), png(1));
    handler = (request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      // Create answers a finished operation whose response lacks assetId; Get Asset likewise.
      response.end(
        request.method === "POST"
          ? '{"path":"operations/x","operationId":"x","done":true,"response":{"assetType":"Image"}}'
          : '{"assetType":"Image"}',
      );
    };
    const pipeline = createPipeline({
      root,
      apiKey: "contract-test-key",
      baseUrl,
      creator: "user:1",
      env: {},
    });
    const outcome = await settle(() => pipeline.resolve("a.png"));
    let lockfile = "absent";
    let reopens = "n/a";
    try {
      const text = await readFile(join(root, "rbxassets.lock.json"), "utf8");
      lockfile = text.includes('"assetId"') ? "written with an assetId" : "written WITHOUT an assetId";
      reopens = await settle(() => Lockfile.open(join(root, "rbxassets.lock.json"), { root })).then((o) =>
        o.kind === "accepted" ? "parses" : `no longer parses (${o.detail})`,
      );
    } catch {
      // no lockfile: nothing recorded, as it should be
    }
    const holds = outcome.kind === "typed" && lockfile === "absent";
    record(import.meta.filename, {
      area: "contract: broken responses (pipeline)",
      case: "Create answers done:true with a response that has no assetId",
      runs: 1,
      outcome: holds ? "holds: PipelineError naming the file, nothing recorded" : "FAILS",
      detail: `resolve: ${outcome.kind} (${outcome.detail}); lockfile ${lockfile}; reopening it: ${reopens}`,
    });
    // Before the fix in pipeline.ts this recorded an entry without assetId, and the lockfile no longer parsed.
    expect(outcome).toMatchObject({
      kind: "typed",
      detail: expect.stringMatching(/^PipelineError: a\.png: /),
    });
    expect(lockfile).toBe("absent");
  });
});

describe("property-based", () => {
  const header = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
  const answer = fc.record({
    status: fc.oneof(
      fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503),
      fc.integer({ min: 200, max: 599 }).filter((s) => s < 300 || s >= 400),
    ),
    contentType: fc.oneof(
      fc.constantFrom("application/json", "application/json; charset=utf-8", "text/html", "text/plain", ""),
      header,
    ),
    body: fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
    ),
    call: fc.constantFrom(...Object.keys(calls)),
  });

  it("any status, content type and body: the client settles with data or an Error; errors are typed", async () => {
    const tally: Record<string, number> = {};
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(answer, async ({ status, contentType, body, call }) => {
        runs++;
        handler = (_request, response) => {
          const headers: Record<string, string> = contentType === "" ? {} : { "content-type": contentType };
          response.writeHead(status, headers);
          response.end(status === 204 ? undefined : body);
        };
        const outcome = await settle(() => calls[call]!(client));
        const key = `${status >= 400 ? "error status" : "2xx"}: ${outcome.kind}`;
        tally[key] = (tally[key] ?? 0) + 1;
        if (outcome.kind === "hang") return false;
        if (outcome.detail.startsWith("threw a non-Error")) return false;
        // An error status always becomes an AssetsApiError, whatever the body; a 2xx is data or a typed error.
        if (status >= 400 && outcome.kind !== "typed") return false;
        if (outcome.kind === "untyped") return false;
        return true;
      }),
      { seed: 42, numRuns: 150 },
    );
    record(import.meta.filename, {
      area: "contract: property-based",
      case: "arbitrary status / content type / body from the peer (fast-check, seed 42)",
      runs,
      outcome: "holds: settles; every error status is an AssetsApiError; every failure is typed",
      detail: Object.entries(tally)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, n]) => `${key} ${n}`)
        .join("; "),
    });
  });

  it("parseLockfile on arbitrary text: data or a one-line PipelineError, nothing else", () => {
    const entry = fc.record(
      {
        assetId: fc.oneof(fc.stringMatching(/^\d{1,12}$/), fc.string(), fc.integer()),
        assetType: fc.oneof(fc.constantFrom("Image", "Decal", "Model", "Audio", "Mesh"), fc.string()),
        hash: fc.oneof(fc.stringMatching(/^sha256-[0-9a-f]{64}$/), fc.string()),
        creator: fc.oneof(fc.constantFrom("user:1", "group:22", "team:1"), fc.string()),
        version: fc.oneof(fc.string(), fc.integer()),
        moderation: fc.oneof(fc.constantFrom("Approved", "Reviewing", "Rejected"), fc.string()),
      },
      { requiredKeys: [] },
    );
    const lockLike = fc
      .record({
        version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
        assets: fc.oneof(fc.dictionary(fc.string(), entry), fc.jsonValue()),
      })
      .map((value) => JSON.stringify(value, null, 2));
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.json(),
      lockLike,
      lockLike.map((value) => value.slice(0, Math.floor(value.length / 2))),
      lockLike.map((value) => `<<<<<<< HEAD\n${value}\n=======\n${value}\n>>>>>>> branch\n`),
    );
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(text, (input) => {
        try {
          const data = parseLockfile(input, "rbxassets.lock.json");
          accepted++;
          for (const item of data.assets.values()) {
            if (!/^\d+$/.test(item.assetId) || !/^sha256-[0-9a-f]{64}$/.test(item.hash)) return false;
          }
          return true;
        } catch (error) {
          refused++;
          return (
            error instanceof PipelineError &&
            error.message.startsWith("rbxassets.lock.json: ") &&
            !/[\r\n]/.test(error.message)
          );
        }
      }),
      { seed: 7, numRuns: 2000 },
    );
    record(import.meta.filename, {
      area: "contract: property-based",
      case: "parseLockfile on arbitrary strings, JSON and lockfile-shaped objects (fast-check, seed 7)",
      runs: accepted + refused,
      outcome: "holds: valid data or a one-line PipelineError",
      detail: `${accepted} accepted (every entry valid), ${refused} refused`,
    });
  });

  it("Lockfile.open on arbitrary files: opens or rejects with a PipelineError naming the file", async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.json().map((text) => Buffer.from(text)),
          fc.string({ unit: "binary" }).map((text) => Buffer.from(text, "utf8")),
        ),
        async (bytes) => {
          runs++;
          const file = join(dir, "open", `${runs}.lock.json`);
          await writeFile(join(dir, "seed"), "").catch(() => {});
          await import("node:fs/promises").then((fs) => fs.mkdir(join(dir, "open"), { recursive: true }));
          await writeFile(file, bytes);
          try {
            await Lockfile.open(file, { root: dir });
            return true;
          } catch (error) {
            return error instanceof PipelineError && error.message.startsWith(`open/${runs}.lock.json: `);
          }
        },
      ),
      { seed: 9, numRuns: 150 },
    );
    record(import.meta.filename, {
      area: "contract: property-based",
      case: "Lockfile.open on arbitrary file bytes (fast-check, seed 9)",
      runs,
      outcome: "holds: opens or a PipelineError naming the file",
      detail: "random bytes, JSON and binary strings",
    });
  });
});
